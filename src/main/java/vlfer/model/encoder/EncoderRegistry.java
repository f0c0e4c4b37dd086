package vlfer.model.encoder;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vlfer.config.CheckedConfig;
import vlfer.config.ModelSettings;
import vlfer.model.encoder.onednn.Dnnl;
import vlfer.model.encoder.swin.SwinShape;
import vlfer.model.encoder.vit.VitShape;

/**
 * Visual encoders by name ({@code vlfer.model.encoder}), each with its default input size. An entry
 * checks what only it needs from {@code vlfer.model} (a ViT's patch grid, {@code clip-vit}'s shape)
 * and names the key and its origin when a value does not fit.
 */
public final class EncoderRegistry {
    private interface Factory {
        EncoderArchitecture create(int inputSize, CheckedConfig model);
    }

    private record Entry(int defaultInput, Factory factory) {
    }

    private static final Map<String, Entry> ENTRIES = new TreeMap<>(Map.of(
            "small-cnn", new Entry(SmallCnnEncoder.DEFAULT_INPUT, (size, m) -> new SmallCnnEncoder(size)),
            "resnet18", new Entry(ResNet18Encoder.DEFAULT_INPUT,
                    (size, m) -> new ResNet18Encoder(size, ResNet18Encoder.BASE_WIDTH, fusedBlocks(m))),
            "face-api", new Entry(FaceApiEncoder.INPUT, (size, m) -> new FaceApiEncoder(size, fusedBlocks(m))),
            "clip-vit-b16", new Entry(VitShape.B16.imageSize(),
                    (size, m) -> new ClipVitEncoder("clip-vit-b16", fixedShape("clip-vit-b16", VitShape.B16, size, m))),
            "clip-vit-b32", new Entry(VitShape.B32.imageSize(),
                    (size, m) -> new ClipVitEncoder("clip-vit-b32", fixedShape("clip-vit-b32", VitShape.B32, size, m))),
            "clip-vit", new Entry(VitShape.B16.imageSize(), (size, m) -> new ClipVitEncoder("clip-vit", ownShape(size, m))),
            "swin-t", new Entry(SwinShape.T.imageSize(), (size, m) -> new SwinEncoder("swin-t", swinShape(size, m)))));

    private EncoderRegistry() {
    }

    /** The encoder {@code model.encoder()} at its input size, once its entry has checked the settings it reads. */
    public static EncoderArchitecture create(ModelSettings model) {
        Entry e = ENTRIES.get(model.encoder());
        if (e == null) {
            throw model.block().invalid("encoder", "one of the encoders " + ENTRIES.keySet(), model.encoder());
        }
        return e.factory().create(model.inputSize() > 0 ? model.inputSize() : e.defaultInput(), model.block());
    }

    /** The encoders that take PyTorch weights (those with a state-dict layout), by name. */
    public static List<String> namesTakingWeights() {
        return ENTRIES.keySet().stream().filter(n -> !create(n, 0).stateDictLayout().isEmpty()).toList();
    }

    /** The encoder {@code name} at input size {@code inputSize} (0 = its default). */
    public static EncoderArchitecture create(String name, int inputSize) {
        return create(ModelSettings.of(name, inputSize));
    }

    /**
     * {@code vlfer.model.fused-blocks}: {@code auto} fuses face-api's dense blocks and ResNet-18's
     * basic blocks whenever oneDNN runs here (the CPU backend), {@code off} keeps DL4J's own layers.
     */
    private static boolean fusedBlocks(CheckedConfig model) {
        String v = model.string("fused-blocks");
        return switch (v) {
            case "auto" -> Dnnl.available();
            case "off" -> false;
            default -> throw model.invalid("fused-blocks", "auto or off", v);
        };
    }

    /** A published ViT shape at another input side, which must stay a whole number of patches. */
    private static VitShape fixedShape(String name, VitShape shape, int side, CheckedConfig model) {
        if (side % shape.patch() != 0) {
            throw model.invalid("input-size", "a multiple of " + name + "'s patch side " + shape.patch()
                    + " (224 for OpenAI's weights)", Integer.toString(side));
        }
        return shape.withImageSize(side);
    }

    /** Swin-T at another input side: any side from one patch up, as torchvision. */
    private static SwinShape swinShape(int side, CheckedConfig model) {
        if (side < SwinShape.T.patch()) {
            throw model.invalid("input-size", "at least Swin-T's patch side " + SwinShape.T.patch()
                    + " (224 for torchvision's weights, 112 in KE2NT's recipe)", Integer.toString(side));
        }
        return SwinShape.T.withImageSize(side);
    }

    /** {@code clip-vit}'s own shape, {@code vlfer.model.vit}, at the input side. */
    private static VitShape ownShape(int side, CheckedConfig model) {
        CheckedConfig v = model.at("vit");
        try {
            return new VitShape(side, v.intAtLeast("patch", 1), v.intAtLeast("width", 1), v.intAtLeast("layers", 1),
                    v.intAtLeast("heads", 1), v.intAtLeast("output-dim", 1));
        } catch (IllegalArgumentException e) {
            throw model.invalid("vit", "a consistent ViT shape with vlfer.model.input-size (" + side + ")", e.getMessage());
        }
    }
}
