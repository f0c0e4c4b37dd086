package vlfer.interop.djl;

import vlfer.text.TextEncoder;
import vlfer.text.TextEncoderSpec;

/** Opens text encoders, so that code outside this package never touches DJL. */
public final class TextEncoders {
    private TextEncoders() {
    }

    public static TextEncoder open(TextEncoderSpec spec) {
        return switch (spec.engine()) {
            case ONNX -> OnnxSentenceEncoder.open(spec);
            case CLIP_TEXT -> ClipTextGraphEncoder.open(spec);
        };
    }
}
