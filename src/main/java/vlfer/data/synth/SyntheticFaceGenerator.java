package vlfer.data.synth;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.data.Expression;
import vlfer.data.LabelVocabulary;
import vlfer.data.Seeds;
import vlfer.data.rafdb.RafDbLabels;
import vlfer.data.rafdb.RafDbReader;

/**
 * Writes the synthetic faces in the real RAF-DB (basic) layout:
 * {@code EmoLabel/list_patition_label.txt} (CRLF, {@code train_00001.jpg 5}),
 * {@code Image/aligned/<stem>_aligned.jpg}, and {@code EmoLabel/facial_actions.tsv} with each
 * face's action units and description. Generation runs in parallel yet is byte-identical for a
 * seed, goes to a temporary sibling folder that is moved into place only when complete, and is
 * skipped when the folder already holds the same settings.
 */
public final class SyntheticFaceGenerator {
    /** Bumped whenever drawing changes, so that old folders are regenerated. */
    public static final int VERSION = 2;
    public static final String STAMP_FILE = "synth.properties";
    public static final String ACTIONS_FILE = "EmoLabel/facial_actions.tsv";
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticFaceGenerator.class);
    private static final float JPEG_QUALITY = 0.92f;

    private final SynthSettings settings;

    public SyntheticFaceGenerator(SynthSettings settings) {
        this.settings = settings;
    }

    /** One face to write: its file stem, the class drawn and the (possibly flipped) class written. */
    private record Planned(String split, int index, String stem, Expression drawn, Expression written) {
    }

    public SynthesisSummary writeRafDb(Path root) {
        long start = System.nanoTime();
        String stamp = settings.stamp();
        List<Planned> plan = plan();
        Path stampFile = root.resolve(STAMP_FILE);
        try {
            if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)) {
                LOG.info("synthetic faces at {} already match the settings; nothing to do", root);
                return summary(root, plan, true, start);
            }
            Path parent = root.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempDirectory(parent, root.getFileName() + ".tmp-");
            try {
                write(tmp, plan);
                Files.writeString(tmp.resolve(STAMP_FILE), stamp);
                if (Files.exists(root)) {
                    Path old = Files.createTempDirectory(parent, root.getFileName() + ".old-");
                    Files.move(root, old.resolve("dataset"), StandardCopyOption.ATOMIC_MOVE);
                    Files.move(tmp, root, StandardCopyOption.ATOMIC_MOVE);
                    deleteTree(old);
                } else {
                    Files.move(tmp, root, StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                if (Files.exists(tmp)) {
                    deleteTree(tmp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write synthetic faces under " + root + ": " + e.getMessage(), e);
        }
        return summary(root, plan, false, start);
    }

    private List<Planned> plan() {
        LabelVocabulary vocab = settings.vocabulary();
        List<Planned> plan = new ArrayList<>();
        for (String split : List.of("train", "test")) {
            int perClass = split.equals("train") ? settings.trainPerClass() : settings.testPerClass();
            List<Expression> order = new ArrayList<>();
            for (int i = 0; i < perClass; i++) {
                order.addAll(vocab.classes());
            }
            Collections.shuffle(order, new Random(Seeds.derive(settings.seed(), split.hashCode(), -1)));
            String format = split.equals("train") ? "train_%05d" : "test_%04d";
            for (int i = 0; i < order.size(); i++) {
                Expression drawn = order.get(i);
                SplittableRandom noise = new SplittableRandom(Seeds.derive(settings.seed(), split.hashCode(), i, 7));
                Expression written = drawn;
                if (noise.nextDouble() < settings.labelNoise()) {
                    int other = noise.nextInt(vocab.size() - 1);
                    written = vocab.get(other >= vocab.indexOf(drawn) ? other + 1 : other);
                }
                plan.add(new Planned(split, i, String.format(format, i + 1), drawn, written));
            }
        }
        return plan;
    }

    private void write(Path root, List<Planned> plan) throws IOException {
        Path images = root.resolve(RafDbReader.IMAGE_DIR);
        Files.createDirectories(images);
        Files.createDirectories(root.resolve(RafDbReader.LABEL_FILE).getParent());
        FaceParameterSampler sampler = new FaceParameterSampler(settings);
        FaceRenderer renderer = new FaceRenderer(settings.imageSize());
        String[] actionRows = new String[plan.size()];
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        int step = Math.max(1, plan.size() / 10);
        IntStream.range(0, plan.size()).parallel().forEach(i -> {
            Planned p = plan.get(i);
            FaceParameters f = sampler.sample(p.drawn(), FaceParameterSampler.random(settings.seed(), p.split(), p.index()));
            writeJpeg(renderer.render(f), images.resolve(p.stem() + "_aligned.jpg"));
            actionRows[i] = p.stem() + ".jpg\t" + p.drawn().noun() + "\t" + p.written().noun() + "\t"
                    + FacialActionDescriber.code(f) + "\t" + FacialActionDescriber.describe(f);
            int n = done.incrementAndGet();
            if (n % step == 0 || n == plan.size()) {
                double secs = (System.nanoTime() - start) / 1e9;
                LOG.info("synthetic faces: {}/{} ({} img/s)", n, plan.size(), String.format("%.0f", n / secs));
            }
        });
        StringBuilder labels = new StringBuilder();
        StringBuilder actions = new StringBuilder("image\ttrue_label\twritten_label\taction_units\tdescription\n");
        for (int i = 0; i < plan.size(); i++) {
            Planned p = plan.get(i);
            labels.append(p.stem()).append(".jpg ").append(RafDbLabels.idOf(p.written())).append("\r\n");
            actions.append(actionRows[i]).append('\n');
        }
        Files.writeString(root.resolve(RafDbReader.LABEL_FILE), labels, StandardCharsets.UTF_8);
        Files.writeString(root.resolve(ACTIONS_FILE), actions, StandardCharsets.UTF_8);
    }

    private static void writeJpeg(BufferedImage img, Path file) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (OutputStream out = Files.newOutputStream(file); ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
    }

    private SynthesisSummary summary(Path root, List<Planned> plan, boolean reused, long start) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        int flips = 0;
        for (Planned p : plan) {
            counts.computeIfAbsent(p.split(), k -> new LinkedHashMap<>()).merge(p.written().noun(), 1, Integer::sum);
            if (p.written() != p.drawn()) {
                flips++;
            }
        }
        return new SynthesisSummary(root, counts, flips, reused, (System.nanoTime() - start) / 1_000_000);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
