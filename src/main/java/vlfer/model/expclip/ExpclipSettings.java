package vlfer.model.expclip;

import vlfer.config.CheckedConfig;
import vlfer.model.PromptFamilySetting;

/**
 * expclip ({@code vlfer.method.expclip}): the zero-shot prompt family, the logit scale s of
 * {@code S = s * cos}, where the per-face targets come from ("" = the text encoder's embedding of
 * each synthetic face's facial-action description; else a TSV file of sample id and vector), and
 * whether the image encoder trains too (the paper keeps it frozen); {@code sharedSpace}: the
 * projection maps prompts too (mode shared-space, for a CLIP image/text pair) instead of only the
 * image side (image-to-text).
 */
public record ExpclipSettings(String prompts, double logitScale, String targets, boolean trainEncoder,
                              boolean sharedSpace) {
    private enum Mode { IMAGE_TO_TEXT, SHARED_SPACE }

    public static ExpclipSettings read(CheckedConfig x) {
        return new ExpclipSettings(PromptFamilySetting.read(x), x.doubleIn("logit-scale", 1e-3, 1e4), x.string("targets"),
                x.bool("train-encoder"), x.enumValue("mode", Mode.class) == Mode.SHARED_SPACE);
    }
}
