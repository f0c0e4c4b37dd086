package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.LoadedSettings;
import vlfer.config.SettingsException;
import vlfer.model.Ke2ntSettings;
import vlfer.model.loss.LcForm;
import vlfer.text.TextEncoderRegistry;
import vlfer.text.TextEncoderSpec;

/** The checks each pipeline part makes of its own settings when a command loads them, before any work. */
class RunSettingsTest {
    @TempDir
    Path dir;

    private LoadedSettings load(String fileText, String... overrides) throws IOException {
        Path f = null;
        if (fileText != null) {
            f = dir.resolve("test.conf");
            Files.writeString(f, fileText);
        }
        return RunSettings.load(f, List.of(overrides));
    }

    private String error(String fileText, String... overrides) {
        return assertThrows(SettingsException.class, () -> load(fileText, overrides)).getMessage();
    }

    @Test
    void theMethodReadsItsOwnBlock() throws IOException {
        assertEquals(LcForm.PAIRWISE, Ke2ntSettings.read(load(null).settings().method().of("ke2nt")).lcForm());
        String form = error(null, "vlfer.method.ke2nt.lc-form=both");
        assertTrue(form.contains("vlfer.method.ke2nt.lc-form") && form.contains("pairwise | diagonal"), form);
        // another method's block is not read: a bad value there does not stop a ke2nt run
        assertEquals("ke2nt", load(null, "vlfer.method.cliper.descriptor-epochs=-1").settings().method().name());
    }

    @Test
    void anUnknownEncoderNamesTheKeyTheOriginAndTheChoices() {
        String msg = error("vlfer.model.encoder = resnet50\n");
        assertTrue(msg.startsWith("vlfer.model.encoder (") && msg.contains("test.conf: 1") && msg.contains("resnet50")
                && msg.contains("clip-vit-b16") && msg.contains("small-cnn"), msg);
    }

    @Test
    void datasetFormatClassesAndLabelMapAreCheckedByTheDataPackage() {
        String format = error("vlfer.data.datasets.raf { format = rafdbb, root = \"/data/raf\" }\n");
        assertTrue(format.contains("vlfer.data.datasets.raf.format") && format.contains("rafdbb")
                && format.contains("affectnet-csv"), format);
        String classes = error("vlfer.data.datasets.raf { format = rafdb, root = \"/data/raf\", classes = basic-9 }\n");
        assertTrue(classes.contains("vlfer.data.datasets.raf.classes") && classes.contains("basic-9"), classes);
        String listed = error("vlfer.data.datasets.raf { format = rafdb, root = \"/data/raf\", classes = [neutral, joy] }\n");
        assertTrue(listed.contains("vlfer.data.datasets.raf.classes") && listed.contains("joy"), listed);
        String named = error("vlfer.data.datasets.raf { format = rafdb, root = \"/data/raf\", label-map = nope }\n");
        assertTrue(named.contains("vlfer.data.datasets.raf.label-map") && named.contains("nope"), named);
        String inline = error("vlfer.data.datasets.raf { format = rafdb, root = \"/data/raf\", label-map { \"1\" = joy } }\n");
        assertTrue(inline.contains("vlfer.data.datasets.raf.label-map") && inline.contains("joy"), inline);
    }

    @Test
    void aSynthLayoutOrKnobOutOfRangeNamesItsKey() {
        String layout = error(null, "vlfer.synth.layout=rafdb2");
        assertTrue(layout.startsWith("vlfer.synth.layout (") && layout.contains("rafdb2"), layout);
        String noise = error(null, "vlfer.synth.label-noise=0.9");
        assertTrue(noise.startsWith("vlfer.synth.label-noise (") && noise.contains("[0.0, 0.5]"), noise);
    }

    @Test
    void textEncodersResolveAtStartUp() throws IOException {
        assertEquals("all-minilm-l6-v2", TextEncoderRegistry.spec(load(null).settings().text()).name());
        TextEncoderSpec bge = TextEncoderRegistry.spec(load(null, "vlfer.text.encoder=bge-small-en-v1.5").settings().text());
        assertEquals(TextEncoderSpec.Pooling.CLS, bge.pooling());
        assertEquals(512, bge.maxTokens());
        String unknown = error(null, "vlfer.text.encoder=clip-vit-l14");
        assertTrue(unknown.contains("vlfer.text.encoder") && unknown.contains("clip-vit-l14")
                && unknown.contains("bge-small-en-v1.5") && unknown.contains("onnx-file"), unknown);
    }

    @Test
    void aUserOnnxFileIsReadFromItsKeys() throws IOException {
        Path model = Files.writeString(dir.resolve("clip-text.onnx"), "graph");
        Path tokenizer = Files.writeString(dir.resolve("tokenizer.json"), "{}");
        String keys = "vlfer.text { encoder = onnx-file\n onnx-file { model = \"" + model + "\", tokenizer = \""
                + tokenizer + "\" } }\n";
        TextEncoderSpec spec = TextEncoderRegistry.spec(load(keys).settings().text());
        assertEquals("onnx-file:clip-text.onnx", spec.name());
        assertEquals(model.toString(), spec.modelSource());
        assertEquals(TextEncoderSpec.Pooling.EOS, spec.pooling());
        assertEquals(77, spec.maxTokens());
        assertEquals("", spec.output());
        TextEncoderSpec mean = TextEncoderRegistry.spec(load(keys, "vlfer.text.onnx-file.pooling=mean", "vlfer.text.onnx-file.output=last_hidden_state",
                "vlfer.text.onnx-file.max-tokens=32").settings().text());
        assertEquals(TextEncoderSpec.Pooling.MEAN, mean.pooling());
        assertEquals("last_hidden_state", mean.output());
        assertEquals(32, mean.maxTokens());
    }

    @Test
    void aMissingUserFileOrBadPoolingNamesTheKeyAndTheFile() throws IOException {
        Path tokenizer = Files.writeString(dir.resolve("tokenizer.json"), "{}");
        String missing = error("vlfer.text { encoder = onnx-file\n onnx-file { model = \"/nowhere/clip.onnx\", tokenizer = \""
                + tokenizer + "\" } }\n");
        assertTrue(missing.contains("vlfer.text.onnx-file.model") && missing.contains("test.conf: 2")
                && missing.contains("/nowhere/clip.onnx") && missing.contains("no such file"), missing);
        String unset = error("vlfer.text.encoder = onnx-file\n");
        assertTrue(unset.contains("vlfer.text.onnx-file.model") && unset.contains("ONNX file"), unset);
        Path model = Files.writeString(dir.resolve("clip.onnx"), "graph");
        String pooling = error("vlfer.text { encoder = onnx-file\n onnx-file { model = \"" + model + "\", tokenizer = \""
                + tokenizer + "\", pooling = max } }\n");
        assertTrue(pooling.contains("vlfer.text.onnx-file.pooling") && pooling.contains("mean | cls | eos | none"), pooling);
    }

    @Test
    void encoderWeightsOfAnUnknownFormatAreRejectedAtStartUp() {
        String msg = error(null, "vlfer.model.weights=\"s3a://models/resnet18.safetensors\"");
        assertTrue(msg.contains("vlfer.model.weights") && msg.contains("a .npz state dict or a TorchScript archive")
                && msg.contains(".pt .pth .ts .jit"), msg);
    }

    @Test
    void vitShapesAreCheckedOnlyForTheViTEncoders() throws IOException {
        assertEquals(100, load(null, "vlfer.model.encoder=resnet18", "vlfer.model.input-size=100").settings().model().inputSize());
        String b32 = error(null, "vlfer.model.encoder=clip-vit-b32", "vlfer.model.input-size=240");
        assertTrue(b32.startsWith("vlfer.model.input-size (") && b32.contains("a multiple of clip-vit-b32's patch side 32"), b32);
        String vit = error(null, "vlfer.model.encoder=clip-vit", "vlfer.model.vit.patch=9");
        assertTrue(vit.startsWith("vlfer.model.vit (") && vit.contains("224 is not a multiple of patch 9"), vit);
    }

    @Test
    void weightsMayBeAFileUri() throws IOException {
        java.nio.file.Path npz = java.nio.file.Path.of("src/test/resources/vlfer/interop/npz/resnet18-tiny.npz").toAbsolutePath();
        LoadedSettings fileUri = load(null, "vlfer.model.encoder=resnet18", "vlfer.model.weights=\"file://" + npz + "\"");
        assertEquals("file://" + npz, fileUri.settings().model().weights());
        String missing = error(null, "vlfer.model.weights=\"file:///no/such.npz\"");
        assertTrue(missing.startsWith("vlfer.model.weights (") && missing.contains("no such file: /no/such.npz"), missing);
    }
}
