package vlfer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * Not a test: where one training step's time goes, per layer type and pass. It trains the encoder
 * (with the ke2nt head) on random input under a JFR recording of the training thread, in Java
 * and in native code, and charges each sample to the innermost DL4J layer, vertex, updater or
 * loss frame on its stack, e.g. {@code DepthwiseConvolution2DLayer.backpropGradient}. The
 * training thread waits for libnd4j's OpenMP workers inside native calls, so its samples are its
 * wall time. Args: encoder names (default face-api); -Dbench.batch=32 -Dbench.steps=40.
 */
public final class StepProfileBench {
    private static final int ROWS = 12;

    public static void main(String[] args) throws IOException {
        int batch = Integer.getInteger("bench.batch", 32);
        int steps = Integer.getInteger("bench.steps", 40);
        for (String encoder : args.length > 0 ? List.of(args) : List.of("face-api")) {
            profile(encoder, batch, steps);
        }
    }

    private static void profile(String encoder, int batch, int steps) throws IOException {
        TrainingThroughputBench.Setup setup = TrainingThroughputBench.setup(encoder, batch);
        ComputationGraph net = setup.net();
        MultiDataSet mds = setup.batch();
        for (int i = 0; i < 3; i++) {
            net.fit(mds);
        }
        Path file = Files.createTempFile("vlfer-step-profile", ".jfr");
        long t0;
        double seconds;
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(5));
            r.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(5));
            r.start();
            t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                net.fit(mds);
            }
            seconds = (System.nanoTime() - t0) / 1e9;
            r.stop();
            r.dump(file);
        }
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        String thread = Thread.currentThread().getName();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().endsWith("Sample") || e.getThread("sampledThread") == null
                    || !thread.equals(e.getThread("sampledThread").getJavaName()) || e.getStackTrace() == null) {
                continue;
            }
            counts.merge(charge(e.getStackTrace().getFrames()), 1, Integer::sum);
            total++;
        }
        Files.deleteIfExists(file);
        System.out.printf(Locale.ROOT, "%s: %d steps of batch %d in %.1f s (%.1f img/s), %d samples of the training thread%n",
                encoder, steps, batch, seconds, steps * batch / seconds, total);
        int shown = 0;
        for (Map.Entry<String, Integer> row : counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList()) {
            if (shown++ == ROWS) {
                break;
            }
            System.out.printf(Locale.ROOT, "  %5.1f%%  %5.1f ms/step  %s%n", 100.0 * row.getValue() / total,
                    1000 * seconds / steps * row.getValue() / total, row.getKey());
        }
    }

    /**
     * The innermost frame of a layer, vertex, updater or loss on the stack, or its innermost Java
     * frame. Inside a fused layer: the oneDNN operation that runs (Convolution.weightGradient,
     * BatchNorm.backward, Conversion.input, ...), not the primitive plumbing under it.
     */
    private static String charge(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (type.equals("vlfer.model.encoder.onednn.DnnlPrimitive")) {
                continue;
            }
            if (type.startsWith("org.deeplearning4j.nn.layers.") || type.startsWith("org.deeplearning4j.nn.graph.vertex.")
                    || type.startsWith("org.deeplearning4j.nn.updater.") || type.startsWith("org.nd4j.linalg.learning.")
                    || type.startsWith("vlfer.")) {
                return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
            }
        }
        if (frames.isEmpty()) {
            return "(no frame)";
        }
        String type = frames.get(0).getMethod().getType().getName();
        return "(other) " + type.substring(type.lastIndexOf('.') + 1) + "." + frames.get(0).getMethod().getName();
    }
}
