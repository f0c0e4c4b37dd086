package vlfer.model;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import vlfer.config.CheckedConfig;
import vlfer.config.MethodSettings;
import vlfer.config.TextSettings;
import vlfer.interop.djl.ClipTextTowers;
import vlfer.model.cliper.CliperTokenMethod;
import vlfer.model.expclip.ExpclipMethod;
import vlfer.model.expclip.ExpclipSettings;
import vlfer.text.TextEncoderRegistry;
import vlfer.text.TextEncoderSpec;

/**
 * The registry of training methods by configuration name ({@code vlfer.method.name}): each entry
 * reads its own block of {@code vlfer.method} and makes the run's method from it. Adding a method:
 * its class and settings record, its block in reference.conf, one line here.
 */
public final class TrainingMethods {
    private static final Map<String, BiFunction<MethodSettings, TextSettings, TrainingMethod>> METHODS = new TreeMap<>(Map.of(
            "ke2nt", (s, t) -> new Ke2ntMethod(Ke2ntSettings.read(s.of("ke2nt"))),
            "ce", (s, t) -> new CeMethod(),
            "cliper", TrainingMethods::cliper,
            "expclip", (s, t) -> new ExpclipMethod(ExpclipSettings.read(s.of("expclip"))),
            "zeroshot", (s, t) -> new ZeroShotMethod(ZeroshotSettings.read(s.of("zeroshot")))));

    private TrainingMethods() {
    }

    /** The method {@code settings.name()}, holding its own settings for the run (without the run's text settings). */
    public static TrainingMethod create(MethodSettings settings) {
        return create(settings, null);
    }

    /** The same, for a run whose text encoder is {@code text} (token-space cliper reads CLIP's text tower from it). */
    public static TrainingMethod create(MethodSettings settings, TextSettings text) {
        BiFunction<MethodSettings, TextSettings, TrainingMethod> entry = METHODS.get(settings.name());
        if (entry == null) {
            throw new IllegalArgumentException("unknown method '" + settings.name() + "' (vlfer.method.name); known methods: "
                    + METHODS.keySet());
        }
        return entry.apply(settings, text);
    }

    /** cliper in the space {@code descriptor-space} names; tokens need CLIP's text tower (clip-text). */
    private static TrainingMethod cliper(MethodSettings settings, TextSettings text) {
        CheckedConfig block = settings.of("cliper");
        CliperSettings c = CliperSettings.read(block);
        if (c.space() == CliperSettings.DescriptorSpace.EMBEDDINGS) {
            return new CliperMethod(c);
        }
        if (text == null || !text.encoder().equals(TextEncoderSpec.CLIP_TEXT)) {
            throw block.invalid("descriptor-space", "embeddings, or tokens together with vlfer.text.encoder = clip-text"
                    + " (the tokens pass through CLIP's text transformer)", "tokens");
        }
        if (c.descriptorEpochs() == 0) {
            throw block.invalid("descriptor-epochs", "at least 1 with descriptor-space = tokens (the tokens start as"
                    + " N(0, token-init-std^2) noise and train only in stage 1)", "0");
        }
        TextEncoderSpec spec = TextEncoderRegistry.spec(text);
        return new CliperTokenMethod(c, () -> ClipTextTowers.forPrompt(spec, c.promptTokens()));
    }
}
