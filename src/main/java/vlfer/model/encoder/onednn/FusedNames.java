package vlfer.model.encoder.onednn;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where a parameter of a network built from DL4J's layers lives in a network whose blocks are
 * fused: DL4J layer {@code block.module}'s parameter {@code key} is the fused layer {@code block}'s
 * parameter {@code module.key} (face-api's {@code faceapi.dense0.conv1.depthwise} W is
 * {@code faceapi.dense0}'s {@code conv1.depthwise.W}; ResNet's {@code layer1.0.bn1} mean is
 * {@code layer1.0}'s {@code bn1.mean}); a top-level layer folded into a fused one ({@code conv1}
 * in ResNet's stem) keeps its name as the prefix ({@code stem}'s {@code conv1.W}).
 */
public final class FusedNames {
    private FusedNames() {
    }

    /** Parameter {@code key} of DL4J layer {@code layer}, in {@code graph} whether or not its blocks are fused. */
    public static INDArray param(ComputationGraph graph, String layer, String key) {
        if (graph.getConfiguration().getVertices().containsKey(layer)) {
            INDArray p = graph.getLayer(layer).paramTable().get(key);
            if (p == null) {
                throw new IllegalArgumentException("layer " + layer + " has no parameter " + key);
            }
            return p;
        }
        for (int dot = layer.lastIndexOf('.'); dot > 0; dot = layer.lastIndexOf('.', dot - 1)) {
            String block = layer.substring(0, dot);
            if (graph.getConfiguration().getVertices().containsKey(block)) {
                Layer fused = graph.getLayer(block);
                String name = layer.substring(dot + 1) + "." + key;
                INDArray p = fused == null ? null : fused.paramTable().get(name);
                if (p == null) {
                    throw new IllegalArgumentException("layer " + block + " has no parameter " + name + " (for " + layer + "/" + key + ")");
                }
                return p;
            }
        }
        String name = layer + "." + key;
        for (Layer l : graph.getLayers()) {
            if (l.paramTable().containsKey(name)) {
                return l.paramTable().get(name);
            }
        }
        throw new IllegalArgumentException("the network has no layer " + layer + " nor a fused block holding it");
    }

    /** The gradient name ({@code layer_key}) of DL4J layer {@code layer}'s parameter {@code key} in a fused network. */
    public static String gradientName(ComputationGraph fusedGraph, String layer, String key) {
        if (fusedGraph.getConfiguration().getVertices().containsKey(layer)) {
            return layer + "_" + key;
        }
        for (int dot = layer.lastIndexOf('.'); dot > 0; dot = layer.lastIndexOf('.', dot - 1)) {
            String block = layer.substring(0, dot);
            if (fusedGraph.getConfiguration().getVertices().containsKey(block)) {
                return block + "_" + layer.substring(dot + 1) + "." + key;
            }
        }
        for (Layer l : fusedGraph.getLayers()) {
            if (l.paramTable().containsKey(layer + "." + key)) {
                return l.conf().getLayer().getLayerName() + "_" + layer + "." + key;
            }
        }
        throw new IllegalArgumentException("the network has no layer " + layer + " nor a fused block holding it");
    }
}
