package vlfer.train;

import org.apache.spark.api.java.JavaRDD;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingResult;

/**
 * DL4J's parameter-averaging master, reporting each averaging round to the driver so that a long
 * epoch prints progress. Training itself is DL4J's, unchanged.
 */
final class ProgressReportingTrainingMaster extends ParameterAveragingTrainingMaster {
    private final transient RoundListener listener;

    ProgressReportingTrainingMaster(Builder builder, RoundListener listener) {
        super(builder);
        this.listener = listener;
    }

    @Override
    protected void processResults(SparkDl4jMultiLayer network, SparkComputationGraph graph,
                                  JavaRDD<ParameterAveragingTrainingResult> results, int splitNum, int totalSplits) {
        super.processResults(network, graph, results, splitNum, totalSplits);
        if (listener != null && graph != null) {
            listener.roundDone(splitNum, totalSplits, graph.getScore());
        }
    }
}
