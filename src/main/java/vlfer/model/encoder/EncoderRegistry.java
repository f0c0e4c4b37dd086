package vlfer.model.encoder;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vlfer.config.ModelSettings;
import vlfer.model.encoder.vit.VitShape;

/** Visual encoders by name ({@code vlfer.model.encoder}), each with its default input size. */
public final class EncoderRegistry {
    private interface Factory {
        EncoderArchitecture create(int inputSize, VitShape vit);
    }

    private record Entry(int defaultInput, Factory factory) {
    }

    private static final Map<String, Entry> ENTRIES = new TreeMap<>(Map.of(
            "small-cnn", new Entry(SmallCnnEncoder.DEFAULT_INPUT, (size, vit) -> new SmallCnnEncoder(size)),
            "resnet18", new Entry(ResNet18Encoder.DEFAULT_INPUT, (size, vit) -> new ResNet18Encoder(size)),
            "face-api", new Entry(FaceApiEncoder.INPUT, (size, vit) -> new FaceApiEncoder(size)),
            "clip-vit-b16", new Entry(VitShape.B16.imageSize(),
                    (size, vit) -> new ClipVitEncoder("clip-vit-b16", VitShape.B16.withImageSize(size))),
            "clip-vit-b32", new Entry(VitShape.B32.imageSize(),
                    (size, vit) -> new ClipVitEncoder("clip-vit-b32", VitShape.B32.withImageSize(size))),
            "clip-vit", new Entry(VitShape.B16.imageSize(),
                    (size, vit) -> new ClipVitEncoder("clip-vit", vit.withImageSize(size)))));

    private EncoderRegistry() {
    }

    /** The encoder {@code model.encoder()} at its input size ({@code clip-vit} shaped by {@code model.vit()}). */
    public static EncoderArchitecture create(ModelSettings model) {
        Entry e = ENTRIES.get(model.encoder());
        if (e == null) {
            throw new IllegalArgumentException("unknown encoder '" + model.encoder() + "' (vlfer.model.encoder); known: "
                    + ENTRIES.keySet());
        }
        return e.factory().create(model.inputSize() > 0 ? model.inputSize() : e.defaultInput(), model.vit());
    }

    /** The encoders that take PyTorch weights (those with a state-dict layout), by name. */
    public static List<String> namesTakingWeights() {
        return ENTRIES.entrySet().stream()
                .filter(e -> !e.getValue().factory().create(e.getValue().defaultInput(), VitShape.B16).stateDictLayout().isEmpty())
                .map(Map.Entry::getKey).toList();
    }

    /** The encoder {@code name} at input size {@code inputSize} (0 = its default). */
    public static EncoderArchitecture create(String name, int inputSize) {
        return create(ModelSettings.of(name, inputSize));
    }
}
