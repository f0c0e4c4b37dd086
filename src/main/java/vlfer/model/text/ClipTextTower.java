package vlfer.model.text;

import vlfer.interop.npz.StateDict;

/**
 * CLIP's text tower read for prompt learning: its shape and weights, and one tokenised prompt
 * template (padded to the context with id 0, as CLIP pads) whose {@code tokens} learnable slots
 * start at {@code firstSlot}. The end-of-text position is where CLIP finds it, the highest id.
 */
public record ClipTextTower(ClipTextShape shape, StateDict weights, long[] promptIds, int firstSlot, int tokens) {
    public ClipTextTower {
        if (promptIds.length != shape.context() || firstSlot < 1 || firstSlot + tokens > endOfText(promptIds)) {
            throw new IllegalArgumentException("prompt of " + promptIds.length + " ids (context " + shape.context()
                    + ") with " + tokens + " slots from " + firstSlot + " does not fit before its end-of-text token");
        }
    }

    /** The position of the end-of-text token. */
    public int endOfText() {
        return endOfText(promptIds);
    }

    private static int endOfText(long[] ids) {
        return ClipTextTransformer.endOfText(ids);
    }
}
