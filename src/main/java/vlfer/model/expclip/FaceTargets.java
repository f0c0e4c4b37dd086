package vlfer.model.expclip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.data.DataFiles;
import vlfer.text.TextEncoder;

/**
 * expclip's target vector per training face, by sample id, built once on the driver: read from a
 * user's TSV (sample id, then the values), or the text encoder's embedding of each face's facial-
 * action description in {@code EmoLabel/facial_actions.tsv} (written by {@code vlfer synth}).
 * Ids match a sample's id with or without the file extension. Bad lines are errors naming file and line.
 */
final class FaceTargets {
    static final String DESCRIPTIONS = "EmoLabel/facial_actions.tsv";
    private static final Logger LOG = LoggerFactory.getLogger(FaceTargets.class);
    private static final int BATCH = 256;

    private FaceTargets() {
    }

    /** Targets for the dataset at {@code root}: from {@code file} when set, else its descriptions. */
    static Map<String, float[]> load(String file, String root, DataFiles files, Supplier<TextEncoder> text) {
        return file.isEmpty() ? describe(DataFiles.resolve(root, DESCRIPTIONS), files, text) : vectors(file, files);
    }

    private static List<String> lines(String path, DataFiles files, String what) {
        if (!files.exists(path)) {
            throw new IllegalArgumentException("expclip targets: " + path + " does not exist (" + what + ")");
        }
        return files.readLines(path, StandardCharsets.UTF_8);
    }

    private static Map<String, float[]> describe(String path, DataFiles files, Supplier<TextEncoder> text) {
        List<String> lines = lines(path, files, "vlfer synth writes it next to the synthetic faces; for other datasets "
                + "set vlfer.method.expclip.targets to a file of vectors");
        List<String> ids = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cols = lines.get(i).split("\t", -1);
            if (cols.length < 5 || cols[4].isBlank()) {
                throw new IllegalArgumentException(path + ":" + (i + 1) + ": expected 5 tab-separated columns with a description");
            }
            ids.add(stem(cols[0]));
            descriptions.add(cols[4]);
        }
        long start = System.nanoTime();
        Map<String, float[]> out = new HashMap<>();
        try (TextEncoder encoder = text.get()) {
            for (int from = 0; from < ids.size(); from += BATCH) {
                int to = Math.min(ids.size(), from + BATCH);
                float[][] v = encoder.encode(descriptions.subList(from, to));
                for (int i = from; i < to; i++) {
                    out.put(ids.get(i), v[i - from]);
                }
                LOG.info("expclip targets: {}/{} face descriptions encoded", to, ids.size());
            }
        }
        LOG.info("expclip targets: {} faces, {} dims, from {} in {} s", out.size(), out.isEmpty() ? 0 : out.values().iterator()
                .next().length, path, String.format("%.1f", (System.nanoTime() - start) / 1e9));
        return out;
    }

    private static Map<String, float[]> vectors(String path, DataFiles files) {
        List<String> lines = lines(path, files, "vlfer.method.expclip.targets");
        Map<String, float[]> out = new HashMap<>();
        int width = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cols = lines.get(i).split("\t");
            if (width < 0) {
                width = cols.length - 1;
            }
            if (cols.length - 1 != width || width < 1) {
                throw new IllegalArgumentException(path + ":" + (i + 1) + ": " + (cols.length - 1) + " values, expected " + width);
            }
            float[] v = new float[width];
            for (int j = 0; j < width; j++) {
                try {
                    v[j] = Float.parseFloat(cols[j + 1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(path + ":" + (i + 1) + ": value " + (j + 1) + " '" + cols[j + 1]
                            + "' is not a number");
                }
            }
            if (out.put(stem(cols[0]), v) != null) {
                throw new IllegalArgumentException(path + ":" + (i + 1) + ": sample " + cols[0] + " is listed twice");
            }
        }
        return out;
    }

    /** {@code name} without its file extension. */
    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > name.lastIndexOf('/') + 1 ? name.substring(0, dot) : name;
    }

    /** The target of each of {@code samples} (by its id, or its id without extension); those without one are left out. */
    static Map<String, float[]> forSamples(Map<String, float[]> targets, List<vlfer.data.FaceSample> samples) {
        Map<String, float[]> out = new HashMap<>();
        for (vlfer.data.FaceSample s : samples) {
            float[] v = targets.containsKey(s.id()) ? targets.get(s.id()) : targets.get(stem(s.id()));
            if (v != null) {
                out.put(s.id(), v);
            }
        }
        return out;
    }
}
