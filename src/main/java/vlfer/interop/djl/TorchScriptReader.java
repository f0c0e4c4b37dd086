package vlfer.interop.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vlfer.interop.npz.StateDict;

/**
 * Reads the weights of a TorchScript archive ({@code torch.jit.save}; OpenAI's CLIP checkpoints such
 * as ViT-B-16.pt are ones) through DJL's PyTorch engine, as a {@link StateDict} of float32 tensors
 * keyed by the module's parameter names ({@code visual.conv1.weight}, ...). Float16 and float64
 * weights are converted; zero-dimensional and integer parameters are listed as skipped.
 *
 * <p>DJL (0.35.1) hands out a module's parameters only, never its buffers: batch-norm
 * {@code running_mean}/{@code running_var} cannot be read, so an encoder with batch norms fails to
 * import and the error says to export an .npz state dict. CLIP's ViT has only layer norms and
 * imports fully.
 *
 * <p>Only ai.djl:api is used here, so this compiles without the engine; the engine
 * (ai.djl.pytorch:pytorch-engine + its JNI and libtorch jars) is on the application's class path
 * only when built with the Maven profile {@value #PROFILE}. Weights are read on the driver only.
 */
public final class TorchScriptReader {
    /** The Maven profile that puts DJL's PyTorch engine into the application. */
    public static final String PROFILE = "torchscript";
    static final String ENGINE = "PyTorch";
    /** The buffers vlfer's layouts need, which DJL cannot hand out. */
    private static final Pattern BUFFERS = Pattern.compile("(.*\\.)?running_(mean|var)");

    private TorchScriptReader() {
    }

    public static StateDict read(Path file, String source) throws IOException {
        return read(file, source, ENGINE);
    }

    /** {@code engine} is a parameter so that a test can stand for a build without the engine. */
    static StateDict read(Path file, String source, String engine) throws IOException {
        checkIsTorchScript(file, source);
        requireEngine(source, engine);
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        try (Model model = Model.newInstance("torchscript", Device.cpu(), engine)) {
            // checkpoints saved from a GPU (OpenAI's CLIP archives) load onto the CPU
            model.load(file, null, Map.of("mapLocation", "true"));
            for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                NDArray a = p.getValue().getArray();
                if (a.getShape().dimension() == 0 || !a.getDataType().isFloating()) {
                    skipped.add(p.getKey());
                    continue;
                }
                // in C order even for a strided (transposed) parameter: DJL copies it contiguous first
                float[] values = a.toType(DataType.FLOAT32, false).toFloatArray();
                tensors.put(p.getKey(), Nd4j.create(values, a.getShape().getShape(), 'c'));
            }
        } catch (EngineException e) {
            throw new IOException("DJL's " + engine + " engine could not load " + source + ": " + firstLine(e), e);
        } catch (MalformedModelException e) {
            throw new IOException(source + " is not a TorchScript archive the " + engine + " engine can load: "
                    + firstLine(e), e);
        }
        Collections.sort(skipped);
        return StateDict.of(source, tensors, skipped, new StateDict.Unreadable(BUFFERS, "a TorchScript archive gives DJL "
                + "its parameters but not its buffers (batch-norm running_mean and running_var), although " + fileName(source)
                + " holds them. " + capitalised(exportHint(source))));
    }

    /** Fails unless this build has the engine that reads {@code source}: checked at start-up, before any work. */
    public static void requireEngine(String source) throws IOException {
        requireEngine(source, ENGINE);
    }

    private static void requireEngine(String source, String engine) throws IOException {
        if (!Engine.hasEngine(engine)) {
            throw new IOException("reading the TorchScript archive " + source + " needs DJL's " + engine
                    + " engine, which this build leaves out (its libtorch is 112 MB): build with the Maven profile '"
                    + PROFILE + "' (mvn -P" + PROFILE + " ..., or -Pdist," + PROFILE + " for the spark-submit jar), or "
                    + exportHint(source));
        }
    }

    /**
     * A TorchScript archive is a zip with compiled code next to its pickled data; a torch.save()
     * checkpoint (the usual .pt/.pth) has the pickle only and the engine's error about it is cryptic.
     */
    private static void checkIsTorchScript(Path file, String source) throws IOException {
        boolean pickle = false;
        boolean code = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String name = e.getName();
                pickle |= name.endsWith("/data.pkl");
                code |= name.endsWith("/constants.pkl") || name.contains("/code/");
            }
        } catch (ZipException e) {
            throw new IOException(source + " is not a TorchScript archive (not a zip file: " + e.getMessage()
                    + "); " + exportHint(source), e);
        }
        if (!code) {
            throw new IOException(source + (pickle ? " is a torch.save() checkpoint (pickled tensors, no TorchScript code), "
                    : " is a zip file but ") + "not a TorchScript archive (torch.jit.save); vlfer does not unpickle: "
                    + "export an .npz state dict: python3 -c \"import numpy, torch; sd = torch.load('" + fileName(source)
                    + "', map_location='cpu'); numpy.savez('" + stem(source) + ".npz', **{k: v.float().numpy() for k, v in "
                    + "sd.items()})\" (a checkpoint that nests its state dict, e.g. under 'state_dict', needs that key first)");
        }
    }

    private static String exportHint(String source) {
        return "export an .npz state dict from it and name that instead: python3 -c \"import numpy, torch; m = torch.jit.load('"
                + fileName(source) + "', map_location='cpu'); numpy.savez('" + stem(source)
                + ".npz', **{k: v.float().numpy() for k, v in m.state_dict().items()})\"";
    }

    private static String fileName(String source) {
        return source.substring(source.lastIndexOf('/') + 1);
    }

    private static String stem(String source) {
        String name = fileName(source);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        return m.lines().findFirst().orElse(m);
    }
}
