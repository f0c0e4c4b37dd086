package vlfer.interop.npz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.model.encoder.TorchParam;

/**
 * Copies a state dict into a DL4J graph by an encoder's layout. Every mismatch (missing key, shape
 * that does not fit, layer or parameter the graph lacks) is collected and reported in one error
 * naming the file, key and both shapes; nothing is copied unless everything fits. Keys of the file
 * the layout does not use (a classifier head, a text tower) are reported, not errors. Keys the
 * reader could not see ({@link StateDict#unreadable()}) are named as such, with the reader's advice.
 */
public final class StateDictImporter {

    /** What an import did: tensors copied, and the file's entries left unused or skipped. */
    public record Report(int copied, long values, List<String> unused, List<String> skipped) {
        public String summary(int show) {
            StringBuilder sb = new StringBuilder(copied + " tensors (" + values + " values)");
            if (!unused.isEmpty()) {
                sb.append(", ").append(unused.size()).append(" unused: ")
                        .append(String.join(", ", unused.subList(0, Math.min(show, unused.size()))))
                        .append(unused.size() > show ? ", ..." : "");
            }
            if (!skipped.isEmpty()) {
                sb.append(", ").append(skipped.size()).append(" non-weight entries skipped");
            }
            return sb.toString();
        }
    }

    private StateDictImporter() {
    }

    /** Imports {@code dict} (keys looked up as {@code prefix + key}) into {@code graph}. */
    public static Report load(ComputationGraph graph, List<TorchParam> layout, StateDict dict, String prefix) {
        if (layout.isEmpty()) {
            throw new IllegalArgumentException("this encoder has no state-dict layout, so " + dict.source()
                    + " cannot be imported into it");
        }
        Map<String, INDArray> tensors = dict.tensors();
        List<String> errors = new ArrayList<>();
        int unreadable = 0;
        List<INDArray[]> copies = new ArrayList<>();
        Set<String> used = new HashSet<>();
        long values = 0;
        for (TorchParam p : layout) {
            String key = prefix + p.key();
            INDArray source = tensors.get(key);
            Layer layer = graph.getLayer(p.layer());
            INDArray target = layer == null ? null : layer.getParam(p.param());
            if (target == null) {
                errors.add(key + ": the graph has no parameter " + p.layer() + "/" + p.param());
                continue;
            }
            if (source == null) {
                boolean blind = dict.unreadable().map(u -> u.keys().matcher(key).matches()).orElse(false);
                errors.add(key + (blind ? ": not readable from this file" : ": missing from the file") + " (needed for "
                        + p.layer() + "/" + p.param() + " " + Arrays.toString(target.shape()) + ")");
                unreadable += blind ? 1 : 0;
                continue;
            }
            INDArray value = fit(source, target.shape());
            if (value == null) {
                errors.add(key + ": shape " + Arrays.toString(source.shape()) + " does not fit " + p.layer() + "/" + p.param()
                        + " " + Arrays.toString(target.shape()));
                continue;
            }
            used.add(key);
            copies.add(new INDArray[] {target, value});
            values += target.length();
        }
        if (!errors.isEmpty()) {
            String prefixNote = prefix.isEmpty() ? "" : " (key prefix '" + prefix + "')";
            throw new IllegalArgumentException("cannot import " + dict.source() + prefixNote + " into the encoder: "
                    + errors.size() + " problem(s):\n  " + String.join("\n  ", errors.subList(0, Math.min(20, errors.size())))
                    + (errors.size() > 20 ? "\n  ..." : "")
                    + (unreadable > 0 ? "\n" + unreadable + " key(s) not readable: " + dict.unreadable().get().why() : ""));
        }
        for (INDArray[] c : copies) {
            c[0].assign(c[1].castTo(c[0].dataType()));
        }
        List<String> unused = new ArrayList<>(new TreeSet<>(tensors.keySet()));
        unused.removeAll(used);
        return new Report(copies.size(), values, unused, dict.skipped());
    }

    /** The source as the target's shape, or null: as is, or a vector into a [1, n] row. */
    private static INDArray fit(INDArray source, long[] target) {
        if (Arrays.equals(source.shape(), target)) {
            return source;
        }
        if (source.rank() == 1 && target.length == 2 && target[0] == 1 && target[1] == source.length()) {
            return source.reshape(1, source.length());
        }
        return null;
    }
}
