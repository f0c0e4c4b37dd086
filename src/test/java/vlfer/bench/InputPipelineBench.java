package vlfer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import vlfer.config.AugmentSettings;
import vlfer.config.DatasetSettings;
import vlfer.config.SettingsLoader;
import vlfer.config.VlferSettings;
import vlfer.data.DataFiles;
import vlfer.data.DatasetFormats;
import vlfer.data.DatasetSplit;
import vlfer.data.FaceSample;
import vlfer.data.HadoopConfSnapshot;
import vlfer.data.LabelVocabulary;
import vlfer.data.image.DecodedBatch;
import vlfer.data.image.FaceImageDecoder;
import vlfer.data.image.FacePreprocessor;
import vlfer.data.image.InputSpec;
import vlfer.data.synth.SynthSettings;
import vlfer.data.synth.SyntheticFaceGenerator;
import vlfer.model.NetworkFactory;

/**
 * Not a test: images per second per core of the input pipeline (decode + crop + resize + augment
 * into a batch tensor, exactly what each executor task runs), per real layout written by the
 * synthetic generator, next to the training images/s of the default encoders on one core. If the
 * first is well above the second, one task slot's input keeps ahead of its training.
 * Args: encoder names (default: small-cnn resnet18); -Dbench.passes=3 -Dbench.faces=40 (per class).
 */
public final class InputPipelineBench {
    private static final int BATCH = 32;

    private record Layout(String format, int imageSize, String what) {
    }

    private static final List<Layout> LAYOUTS = List.of(
            new Layout("rafdb", 100, "JPEG 100x100 (RAF-DB aligned)"),
            new Layout("affectnet-csv", 224, "JPEG canvas + face box crop (AffectNet)"),
            new Layout("sfew", 144, "PNG 144x144 (SFEW faces)"),
            new Layout("ferplus", 48, "48x48 grey pixel strings (parsed when read)"),
            new Layout("dfew", 112, "JPEG frames 112x112, 16 per clip (DFEW)"));

    public static void main(String[] args) throws IOException {
        int passes = Integer.getInteger("bench.passes", 3);
        int perClass = Integer.getInteger("bench.faces", 40);
        List<String> encoders = args.length > 0 ? List.of(args) : List.of("small-cnn", "resnet18");
        System.out.printf(Locale.ROOT, "one thread (one core); OMP_NUM_THREADS=%s; %d passes after a warm-up%n",
                System.getenv("OMP_NUM_THREADS"), passes);
        vlfer.app.QuietStdout.install();
        Path dir = Files.createTempDirectory("vlfer-input-bench");
        for (Layout layout : LAYOUTS) {
            SynthSettings synth = new SynthSettings(11, perClass, 2, layout.imageSize(), 0, 0.6, 1.0, 8, 0.1, 0.3,
                    0.1, 3, 0.1, LabelVocabulary.BASIC_7);
            new SyntheticFaceGenerator(synth).write(dir.resolve(layout.format()), layout.format());
        }
        List<String> lines = new ArrayList<>();
        for (String encoder : encoders) {
            VlferSettings s = new SettingsLoader().load(null, List.of("vlfer.model.encoder=" + encoder)).settings();
            NetworkFactory factory = new NetworkFactory(s.model(), s.train(), s.seed());
            InputSpec spec = factory.inputSpec();
            System.out.printf(Locale.ROOT, "%n%s input %dx%d, augment recipe of %s%n", encoder, spec.width(), spec.height(),
                    s.method().name());
            System.out.printf(Locale.ROOT, "  %-44s %10s %14s %14s%n", "layout", "decode", "decode+augment", "evaluation");
            List<double[]> inputs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Layout layout : LAYOUTS) {
                Path root = dir.resolve(layout.format());
                DatasetSettings ds = DatasetSettings.of(layout.format(), layout.format(), root.toString());
                ds = layout.format().equals("dfew") ? ds.withFold(1) : ds;
                DatasetSplit split = DatasetFormats.reader(ds.format()).read(ds, "train",
                        new DataFiles(new Configuration()));
                int frames = split.video() ? 16 : 1;
                FaceImageDecoder decoder = new FaceImageDecoder(new HadoopConfSnapshot(new Configuration()));
                vlfer.data.video.ClipSampler sampler = new FacePreprocessor(spec, AugmentSettings.NONE, frames).sampler();
                double decode = rate(split.samples(), passes, sample -> decoder.frames(sample.source(), sampler, null));
                double train = batches(split.samples(), passes, decoder, new FacePreprocessor(spec, s.augment(), frames), true);
                double eval = batches(split.samples(), passes, decoder, new FacePreprocessor(spec, AugmentSettings.NONE, frames),
                        false);
                String unit = frames > 1 ? "frames/s" : "img/s";
                System.out.printf(Locale.ROOT, "  %-44s %10.0f %14.0f %14.0f  %s%n", layout.what(), decode * frames,
                        train * frames, eval * frames, unit);
                inputs.add(new double[]{train * frames});
                names.add(layout.format() + " (" + unit + ")");
            }
            TrainingThroughputBench.Figures f = TrainingThroughputBench.measure(encoder, BATCH, 5);
            System.out.printf(Locale.ROOT, "  training on this core: %.1f img/s (inference %.1f img/s); "
                    + "a clip's frame costs the encoder one image%n", f.train(), f.inference());
            for (int i = 0; i < names.size(); i++) {
                lines.add(String.format(Locale.ROOT, "%-10s %-24s training input %7.0f/s per core vs training %6.1f img/s: %5.1fx",
                        encoder, names.get(i), inputs.get(i)[0], f.train(), inputs.get(i)[0] / f.train()));
            }
        }
        System.out.println();
        lines.forEach(System.out::println);
    }

    private interface Work {
        Object run(FaceSample s) throws IOException;
    }

    /** Samples per second of {@code work}, after one warm-up pass. */
    private static double rate(List<FaceSample> samples, int passes, Work work) throws IOException {
        for (FaceSample s : samples) {
            work.run(s);
        }
        long t0 = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            for (FaceSample s : samples) {
                work.run(s);
            }
        }
        return (double) passes * samples.size() / ((System.nanoTime() - t0) / 1e9);
    }

    /** Samples per second of whole minibatches (decode, preprocess, tensor), as an executor builds them. */
    private static double batches(List<FaceSample> samples, int passes, FaceImageDecoder decoder, FacePreprocessor pre,
                                  boolean augment) {
        SplittableRandom rng = augment ? new SplittableRandom(7) : null;
        long done = 0;
        long t0 = 0;
        for (int p = -1; p < passes; p++) {
            if (p == 0) {
                t0 = System.nanoTime();
            }
            for (int i = 0; i < samples.size(); i += BATCH) {
                DecodedBatch b = DecodedBatch.of(samples.subList(i, Math.min(samples.size(), i + BATCH)), decoder, pre, rng);
                if (!b.failures().isEmpty()) {
                    throw new IllegalStateException("bench data failed to decode: " + b.failures().get(0));
                }
                if (p >= 0) {
                    done += b.samples().size();
                }
            }
        }
        return done / ((System.nanoTime() - t0) / 1e9);
    }
}
