package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import vlfer.config.CheckedConfig;
import vlfer.config.ModelSettings;
import vlfer.config.SettingsException;
import vlfer.model.encoder.ClipVitEncoder;
import vlfer.model.encoder.ResNet18Encoder;
import vlfer.model.encoder.vit.VitShape;
import vlfer.testing.EncoderOnlyGraph;
import vlfer.testing.GoldenTensors;

/** vlfer.model.weights picks its reader by extension: a TorchScript archive through DJL, on the driver. */
class EncoderWeightsTest {
    private static final VitShape TINY = new VitShape(32, 8, 32, 2, 4, 16);

    private static ModelSettings model(String encoder, int inputSize, String weights, String prefix) {
        return new ModelSettings(encoder, inputSize, weights, prefix, CheckedConfig.reference().at("vlfer.model"));
    }

    @Test
    void aTorchScriptClipArchiveLoadsUnderTheVisualPrefix() throws IOException {
        ClipVitEncoder encoder = new ClipVitEncoder("clip-vit", TINY);
        ComputationGraph graph = EncoderOnlyGraph.of(encoder, DataType.FLOAT);
        String pt = "file://" + GoldenTensors.FIXTURES.resolve("vit-tiny.pt").toAbsolutePath();
        EncoderWeights.load(graph, encoder, model("clip-vit", 32, pt, "visual."), new Configuration());
        GoldenTensors.assertMatchesTorch(graph, "vit-tiny");
    }

    @Test
    void aTorchScriptResNetNamesTheKeyTheMissingStatisticsAndTheWayOut() {
        ResNet18Encoder encoder = new ResNet18Encoder(32, 8);
        ComputationGraph graph = EncoderOnlyGraph.of(encoder, DataType.FLOAT);
        Path pt = GoldenTensors.FIXTURES.resolve("resnet18-tiny.pt");
        SettingsException e = assertThrows(SettingsException.class, () -> EncoderWeights.load(graph, encoder,
                model("resnet18", 32, pt.toString(), ""), new Configuration()));
        assertTrue(e.getMessage().startsWith("vlfer.model.weights (encoder resnet18): cannot import " + pt), e.getMessage());
        assertTrue(e.getMessage().contains("bn1.running_var: not readable from this file"), e.getMessage());
        assertTrue(e.getMessage().contains("Export an .npz state dict from it and name that instead"), e.getMessage());
    }

    @Test
    void anUnknownExtensionNamesTheKey() {
        ResNet18Encoder encoder = new ResNet18Encoder(32, 8);
        ComputationGraph graph = EncoderOnlyGraph.of(encoder, DataType.FLOAT);
        SettingsException e = assertThrows(SettingsException.class, () -> EncoderWeights.load(graph, encoder,
                model("resnet18", 32, "s3a://b/model.safetensors", ""), new Configuration()));
        assertTrue(e.getMessage().startsWith("vlfer.model.weights = s3a://b/model.safetensors: s3a://b/model.safetensors "
                + "has none of the known extensions"), e.getMessage());
    }

    @Test
    void anEncoderWithoutALayoutIsRefusedAtStartUp() {
        String npz = GoldenTensors.FIXTURES.resolve("resnet18-tiny.npz").toString();
        SettingsException e = assertThrows(SettingsException.class,
                () -> EncoderWeights.check(model("face-api", 0, npz, "")));
        assertTrue(e.getMessage().contains("encoder face-api takes no PyTorch weights (clip-vit, clip-vit-b16, clip-vit-b32, resnet18, swin-t do)"),
                e.getMessage());
        EncoderWeights.check(model("resnet18", 32, npz, ""));
    }
}
