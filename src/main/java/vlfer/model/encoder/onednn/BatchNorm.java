package vlfer.model.encoder.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SCALE;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SHIFT;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_MEAN;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SCALE;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SHIFT;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_VARIANCE;
import static org.bytedeco.dnnl.global.dnnl.dnnl_backward;
import static org.bytedeco.dnnl.global.dnnl.dnnl_batch_normalization_backward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_batch_normalization_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_inference;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_use_global_stats;
import static org.bytedeco.dnnl.global.dnnl.dnnl_use_scale;
import static org.bytedeco.dnnl.global.dnnl.dnnl_use_shift;
import static org.bytedeco.dnnl.global.dnnl.dnnl_x;

import org.bytedeco.dnnl.dnnl_batch_normalization_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalisation with a learned scale and shift over tensors of one layout: in training,
 * with the batch's mean and (biased) variance, kept for the backward pass and readable as
 * arrays; in inference, with given running statistics. Parameters and statistics are DL4J
 * arrays of C values.
 */
public final class BatchNorm implements AutoCloseable {
    private final DnnlPrimitive training;
    private final DnnlPrimitive inference;
    private final DnnlPrimitive backward;
    private final INDArray batchMean;
    private final INDArray batchVariance;
    private final DnnlMemory mean;
    private final DnnlMemory variance;
    private final DnnlMemory scale;
    private final DnnlMemory shift;
    private final DnnlMemory diffScale;
    private final DnnlMemory diffShift;
    private final DnnlMemory runningMean;
    private final DnnlMemory runningVariance;

    public BatchNorm(dnnl_memory_desc_t layout, int channels, double eps) {
        int flags = dnnl_use_scale | dnnl_use_shift;
        dnnl_batch_normalization_desc_t td = new dnnl_batch_normalization_desc_t();
        Dnnl.check(dnnl_batch_normalization_forward_desc_init(td, dnnl_forward_training, layout, (float) eps, flags),
                "describing a batch norm");
        training = DnnlPrimitive.of(td, null, null, "a batch norm");
        dnnl_batch_normalization_desc_t id = new dnnl_batch_normalization_desc_t();
        Dnnl.check(dnnl_batch_normalization_forward_desc_init(id, dnnl_forward_inference, layout, (float) eps,
                flags | dnnl_use_global_stats), "describing an inference batch norm");
        inference = DnnlPrimitive.of(id, null, null, "an inference batch norm");
        dnnl_batch_normalization_desc_t bd = new dnnl_batch_normalization_desc_t();
        Dnnl.check(dnnl_batch_normalization_backward_desc_init(bd, dnnl_backward, layout, layout, (float) eps, flags),
                "describing a batch norm's gradient");
        backward = DnnlPrimitive.of(bd, null, training, "a batch norm's gradient");
        dnnl_memory_desc_t vector = Dnnl.tagged(new long[]{channels}, dnnl_x);
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            batchMean = Nd4j.create(DataType.FLOAT, 1, channels);
            batchVariance = Nd4j.create(DataType.FLOAT, 1, channels);
        }
        mean = DnnlMemory.window(vector).bind(batchMean);
        variance = DnnlMemory.window(vector).bind(batchVariance);
        scale = DnnlMemory.window(vector);
        shift = DnnlMemory.window(vector);
        diffScale = DnnlMemory.window(vector);
        diffShift = DnnlMemory.window(vector);
        runningMean = DnnlMemory.window(vector);
        runningVariance = DnnlMemory.window(vector);
    }

    /** dst = gamma * (src - batch mean) / sqrt(batch variance + eps) + beta; keeps the batch statistics. */
    public void forwardTraining(DnnlStream s, DnnlMemory src, DnnlMemory dst, INDArray gamma, INDArray beta) {
        training.run(s, DNNL_ARG_SRC, src, DNNL_ARG_SCALE, scale.bind(gamma), DNNL_ARG_SHIFT, shift.bind(beta),
                DNNL_ARG_MEAN, mean, DNNL_ARG_VARIANCE, variance, DNNL_ARG_DST, dst);
    }

    /** The same with the running statistics {@code runMean}, {@code runVariance}. */
    public void forwardInference(DnnlStream s, DnnlMemory src, DnnlMemory dst, INDArray gamma, INDArray beta, INDArray runMean,
                                 INDArray runVariance) {
        inference.run(s, DNNL_ARG_SRC, src, DNNL_ARG_SCALE, scale.bind(gamma), DNNL_ARG_SHIFT, shift.bind(beta),
                DNNL_ARG_MEAN, runningMean.bind(runMean), DNNL_ARG_VARIANCE, runningVariance.bind(runVariance), DNNL_ARG_DST, dst);
    }

    /** After {@link #forwardTraining} of {@code src}: the input gradient and the gradients of gamma and beta. */
    public void backward(DnnlStream s, DnnlMemory src, DnnlMemory diffDst, DnnlMemory diffSrc, INDArray gamma, INDArray beta,
                         INDArray gammaGrad, INDArray betaGrad) {
        backward.run(s, DNNL_ARG_SRC, src, DNNL_ARG_MEAN, mean, DNNL_ARG_VARIANCE, variance, DNNL_ARG_DIFF_DST, diffDst,
                DNNL_ARG_SCALE, scale.bind(gamma), DNNL_ARG_SHIFT, shift.bind(beta), DNNL_ARG_DIFF_SRC, diffSrc,
                DNNL_ARG_DIFF_SCALE, diffScale.bind(gammaGrad), DNNL_ARG_DIFF_SHIFT, diffShift.bind(betaGrad));
    }

    /** The last training batch's mean, [1, C]. */
    public INDArray batchMean() {
        return batchMean;
    }

    /** The last training batch's biased variance, [1, C]. */
    public INDArray batchVariance() {
        return batchVariance;
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[]{training, inference, backward, mean, variance, scale, shift, diffScale,
                diffShift, runningMean, runningVariance}) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
