package vlfer.data;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a training minibatch's label array holds: one-hot classes, or a target vector per face
 * (expclip). Each planned minibatch carries its own faces' share ({@link #forBatch}), so that an
 * executor never holds the labels of the whole dataset; plain records (not lambdas), so that any
 * Spark serializer carries them.
 */
public interface TrainingLabels extends Serializable {
    INDArray of(List<FaceSample> batch);

    /** What a minibatch of {@code batch} needs to carry to its worker (its own faces' labels only). */
    TrainingLabels forBatch(List<FaceSample> batch);

    static TrainingLabels oneHot(int classes) {
        return new OneHot(classes);
    }

    /** The vector of each face by sample id (every sample of the batch must have one). */
    static TrainingLabels vectors(Map<String, float[]> byId, int width) {
        return new Vectors(new HashMap<>(byId), width);
    }

    /** One-hot rows over {@code classes}. */
    record OneHot(int classes) implements TrainingLabels {
        @Override
        public INDArray of(List<FaceSample> batch) {
            INDArray labels = Nd4j.zeros(DataType.FLOAT, batch.size(), classes);
            for (int i = 0; i < batch.size(); i++) {
                labels.putScalar(i, batch.get(i).label(), 1f);
            }
            return labels;
        }

        @Override
        public TrainingLabels forBatch(List<FaceSample> batch) {
            return this;
        }
    }

    /** Target vectors of {@code width} values by sample id. */
    record Vectors(HashMap<String, float[]> byId, int width) implements TrainingLabels {
        @Override
        public INDArray of(List<FaceSample> batch) {
            INDArray labels = Nd4j.create(DataType.FLOAT, batch.size(), width);
            for (int i = 0; i < batch.size(); i++) {
                float[] v = byId.get(batch.get(i).id());
                if (v == null) {
                    throw new IllegalStateException("no target vector for sample " + batch.get(i).id());
                }
                labels.putRow(i, Nd4j.createFromArray(v));
            }
            return labels;
        }

        @Override
        public TrainingLabels forBatch(List<FaceSample> batch) {
            HashMap<String, float[]> own = new HashMap<>();
            for (FaceSample s : batch) {
                float[] v = byId.get(s.id());
                if (v == null) {
                    throw new IllegalStateException("no target vector for sample " + s.id());
                }
                own.put(s.id(), v);
            }
            return new Vectors(own, width);
        }
    }
}
