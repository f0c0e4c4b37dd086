package vlfer.model.encoder;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/** Visual encoders by name ({@code vlfer.model.encoder}), each with its default input size. */
public final class EncoderRegistry {
    private record Entry(int defaultInput, IntFunction<EncoderArchitecture> factory) {
    }

    private static final Map<String, Entry> ENTRIES = new TreeMap<>(Map.of(
            "small-cnn", new Entry(SmallCnnEncoder.DEFAULT_INPUT, SmallCnnEncoder::new),
            "resnet18", new Entry(ResNet18Encoder.DEFAULT_INPUT, ResNet18Encoder::new),
            "face-api", new Entry(FaceApiEncoder.INPUT, FaceApiEncoder::new)));

    private EncoderRegistry() {
    }

    /** The encoder {@code name} at input size {@code inputSize} (0 = its default). */
    public static EncoderArchitecture create(String name, int inputSize) {
        Entry e = ENTRIES.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown encoder '" + name + "' (vlfer.model.encoder); known: " + ENTRIES.keySet());
        }
        return e.factory().apply(inputSize > 0 ? inputSize : e.defaultInput());
    }
}
