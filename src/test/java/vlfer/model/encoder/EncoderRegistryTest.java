package vlfer.model.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class EncoderRegistryTest {
    private static ComputationGraph withHead(EncoderArchitecture enc) {
        EncoderMetadata m = enc.metadata();
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT)
                .graphBuilder().addInputs("image");
        String features = enc.addTo(g, "image");
        g.addLayer("test-head", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(m.featureWidth()).nOut(3).build(), features);
        g.setOutputs("test-head").setInputTypes(InputType.convolutional(m.inputHeight(), m.inputWidth(), 3));
        ComputationGraph net = new ComputationGraph(g.build());
        net.init();
        return net;
    }

    @Test
    void everyEncoderGivesItsFeatureWidth() {
        for (String name : new String[]{"small-cnn", "resnet18"}) {
            EncoderArchitecture enc = EncoderRegistry.create(name, name.equals("resnet18") ? 64 : 0);
            ComputationGraph net = withHead(enc);
            EncoderMetadata m = enc.metadata();
            String features = net.getConfiguration().getVertexInputs().get("test-head").get(0);
            var acts = net.feedForward(Nd4j.rand(DataType.FLOAT, 2, 3, m.inputHeight(), m.inputWidth()), false);
            assertArrayEquals(new long[]{2, m.featureWidth()}, acts.get(features).shape(), name);
        }
        assertEquals(64, EncoderRegistry.create("small-cnn", 0).metadata().inputHeight());
        assertEquals(112, EncoderRegistry.create("resnet18", 0).metadata().inputHeight());
        assertEquals(512, EncoderRegistry.create("resnet18", 0).metadata().featureWidth());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "fused blocks: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void resnet18HasTorchvisionsParametersAndNames(boolean fused) {
        org.junit.jupiter.api.Assumptions.assumeTrue(!fused || vlfer.model.encoder.onednn.Dnnl.available(), "oneDNN runs here");
        ComputationGraph net = withHead(new ResNet18Encoder(64, ResNet18Encoder.BASE_WIDTH, fused));
        long params = 0;
        long bnChannels = 0;
        for (Layer l : net.getLayers()) {
            if (l.conf().getLayer().getLayerName().equals("test-head")) {
                continue;
            }
            params += l.numParams();
            if (l.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization bn) {
                bnChannels += bn.getNOut();
            }
            // a fused layer's batch norms: one running mean per channel
            bnChannels += l.paramTable().entrySet().stream().filter(e -> e.getKey().endsWith(".mean"))
                    .mapToLong(e -> e.getValue().length()).sum();
        }
        // torchvision resnet18: 11,689,512 parameters, of which fc has 512*1000+1000 = 513,000.
        // DL4J also stores batch-norm running mean and variance as parameters: 2 per BN channel.
        assertEquals(4800, bnChannels);
        assertEquals(11_689_512L - 513_000L + 2 * bnChannels, params);
        String[][] named = {{"conv1", "W"}, {"bn1", "gamma"}, {"layer1.0.conv1", "W"}, {"layer1.1.bn2", "mean"},
            {"layer2.0.downsample.0", "W"}, {"layer2.0.downsample.1", "var"}, {"layer4.1.conv2", "W"}};
        for (String[] p : named) {
            assertNotNull(vlfer.model.encoder.onednn.FusedNames.param(net, p[0], p[1]), p[0] + "/" + p[1]);
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> vlfer.model.encoder.onednn.FusedNames.param(net, "conv1", "b"), "torchvision convs have no bias");
    }

    @Test
    void swinTHasTorchvisionsParametersNamesAndFeatureAt112() {
        EncoderArchitecture swin = EncoderRegistry.create("swin-t", 112);
        ComputationGraph net = withHead(swin);
        long params = 0;
        for (Layer l : net.getLayers()) {
            params += l.conf().getLayer().getLayerName().equals("test-head") ? 0 : l.numParams();
        }
        // torchvision swin_t: 28,288,354 parameters, of which head has 768*1000+1000 = 769,000
        assertEquals(28_288_354L - 769_000L, params);
        assertEquals(768, swin.metadata().featureWidth());
        assertEquals(224, EncoderRegistry.create("swin-t", 0).metadata().inputHeight());
        for (String name : new String[]{"features.0.0", "features.0.2", "features.1.1", "features.2", "features.5.5",
                "features.6", "features.7.1", "norm"}) {
            assertNotNull(net.getLayer(name), name);
        }
        var acts = net.feedForward(Nd4j.rand(DataType.FLOAT, 2, 3, 112, 112), false);
        assertArrayEquals(new long[]{2, 768}, acts.get("norm").shape());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        String msg = assertThrows(vlfer.config.SettingsException.class, () -> EncoderRegistry.create("vit-h", 0)).getMessage();
        assertTrue(msg.contains("vit-h") && msg.contains("resnet18") && msg.contains("small-cnn"), msg);
    }
}
