package vlfer.eval;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import vlfer.data.FaceSample;
import vlfer.data.image.DecodedBatch;
import vlfer.data.image.FaceImageDecoder;
import vlfer.data.image.FacePreprocessor;

/**
 * Runs on the executors: rebuilds the network once per partition from the broadcast configuration
 * and parameters, and predicts every sample (no augmentation). Never updates weights.
 */
final class PredictFunction implements FlatMapFunction<Iterator<FaceSample>, Prediction> {
    private final Broadcast<String> configuration;
    private final Broadcast<INDArray> parameters;
    private final FaceImageDecoder decoder;
    private final FacePreprocessor preprocessor;
    private final int batchSize;
    private final boolean outputsLogits;

    PredictFunction(Broadcast<String> configuration, Broadcast<INDArray> parameters, FaceImageDecoder decoder,
                    FacePreprocessor preprocessor, int batchSize, boolean outputsLogits) {
        this.configuration = configuration;
        this.parameters = parameters;
        this.decoder = decoder;
        this.preprocessor = preprocessor;
        this.batchSize = batchSize;
        this.outputsLogits = outputsLogits;
    }

    @Override
    public Iterator<Prediction> call(Iterator<FaceSample> samples) {
        if (!samples.hasNext()) {
            return java.util.Collections.emptyIterator();
        }
        ComputationGraph net = new ComputationGraph(ComputationGraphConfiguration.fromJson(configuration.value()));
        net.init(parameters.value(), true);
        List<Prediction> out = new ArrayList<>();
        List<FaceSample> chunk = new ArrayList<>(batchSize);
        while (samples.hasNext()) {
            chunk.add(samples.next());
            if (chunk.size() == batchSize || !samples.hasNext()) {
                predict(net, chunk, out);
                chunk.clear();
            }
        }
        return out.iterator();
    }

    private void predict(ComputationGraph net, List<FaceSample> chunk, List<Prediction> out) {
        DecodedBatch batch = DecodedBatch.of(chunk, decoder, preprocessor, null);
        for (DecodedBatch.Failure f : batch.failures()) {
            FaceSample s = f.sample();
            out.add(Prediction.failed(s.id(), s.location(), s.label(), f.reason(), f.detail()));
        }
        if (batch.features() == null) {
            return;
        }
        INDArray output = net.outputSingle(false, batch.features());
        INDArray scores = outputsLogits ? Transforms.softmax(output.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT), true) : output;
        INDArray argmax = Nd4j.argMax(scores, 1);
        for (int i = 0; i < batch.samples().size(); i++) {
            FaceSample s = batch.samples().get(i);
            float[] row = scores.getRow(i).toFloatVector();
            out.add(new Prediction(s.id(), s.location(), s.label(), argmax.getInt(i), row, null, null));
        }
    }
}
