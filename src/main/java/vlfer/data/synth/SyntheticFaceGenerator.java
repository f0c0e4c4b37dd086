package vlfer.data.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.data.Expression;
import vlfer.data.LabelVocabulary;
import vlfer.data.Seeds;
import vlfer.data.synth.layout.RafDbLayout;
import vlfer.data.synth.layout.SynthLayout;
import vlfer.data.DatasetFormats;

/**
 * Writes the synthetic faces in a real dataset layout (RAF-DB by default; any reader format, see
 * {@link DatasetFormats}), with a facial-action table giving each face's action units and description.
 * Generation runs in parallel yet is byte-identical for a seed, goes to a temporary sibling folder
 * that is moved into place only when complete, and is skipped when the folder already holds the
 * same settings.
 */
public final class SyntheticFaceGenerator {
    /** Bumped whenever drawing changes, so that old folders are regenerated. */
    public static final int VERSION = 3;
    public static final String STAMP_FILE = "synth.properties";
    /** Where the RAF-DB layout keeps the facial-action table (other layouts: facial_actions.tsv at the root). */
    public static final String ACTIONS_FILE = RafDbLayout.ACTIONS_FILE;
    /** Folds of the k-fold video layouts (DFEW, MAFW). */
    public static final int FOLDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticFaceGenerator.class);

    private final SynthSettings settings;

    public SyntheticFaceGenerator(SynthSettings settings) {
        this.settings = settings;
    }

    public SynthesisSummary writeRafDb(Path root) {
        return write(root, "rafdb");
    }

    /** Writes the faces in the layout of reader format {@code format}. */
    public SynthesisSummary write(Path root, String format) {
        long start = System.nanoTime();
        SynthLayout layout = DatasetFormats.forName(format, "vlfer.synth.layout").layout();
        SynthSettings s = settings.withVocabulary(layout.vocabulary());
        String stamp = s.stamp() + "layout=" + format + "\n";
        List<SynthFace> plan = plan(s, layout.splits());
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
                layout.write(tmp, plan, new SynthCanvas(s));
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

    /**
     * Every face of every split, classes balanced and shuffled per split, each with its drawn class,
     * its written class (label noise), a fold and its parameters. A pooled split ("all", k-fold
     * layouts) holds train-per-class + test-per-class faces per class.
     */
    static List<SynthFace> plan(SynthSettings s, List<String> splits) {
        LabelVocabulary vocab = s.vocabulary();
        FaceParameterSampler sampler = new FaceParameterSampler(s);
        List<SynthFace> plan = new ArrayList<>();
        for (int si = 0; si < splits.size(); si++) {
            String split = splits.get(si);
            int perClass = split.equals("all") ? s.trainPerClass() + s.testPerClass()
                    : si == 0 ? s.trainPerClass() : s.testPerClass();
            List<Expression> order = new ArrayList<>();
            for (int i = 0; i < perClass; i++) {
                order.addAll(vocab.classes());
            }
            Collections.shuffle(order, new Random(Seeds.derive(s.seed(), split.hashCode(), -1)));
            for (int i = 0; i < order.size(); i++) {
                Expression drawn = order.get(i);
                SplittableRandom noise = new SplittableRandom(Seeds.derive(s.seed(), split.hashCode(), i, 7));
                Expression written = drawn;
                if (noise.nextDouble() < s.labelNoise()) {
                    int other = noise.nextInt(vocab.size() - 1);
                    written = vocab.get(other >= vocab.indexOf(drawn) ? other + 1 : other);
                }
                FaceParameters params = sampler.sample(drawn, FaceParameterSampler.random(s.seed(), split, i));
                plan.add(new SynthFace(split, i, drawn, written, i % FOLDS + 1, params));
            }
        }
        return plan;
    }

    private SynthesisSummary summary(Path root, List<SynthFace> plan, boolean reused, long start) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        int flips = 0;
        for (SynthFace p : plan) {
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
