package vlfer.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reference embeddings committed as TSV fixtures by the scripts in src/test/python: a sentence, its
 * token ids, optionally an "output:pooling" kind, then the comma-separated values ('#' = comment).
 */
final class ReferenceVectors {
    record Row(String sentence, String kind, double[] values) {
    }

    private ReferenceVectors() {
    }

    static List<Row> read(String resource) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = ReferenceVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("test resource " + resource + " not found");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cols = line.split("\t");
                double[] values = Arrays.stream(cols[cols.length - 1].split(",")).mapToDouble(Double::parseDouble).toArray();
                rows.add(new Row(cols[0], cols.length > 3 ? cols[2] : "", values));
            }
        }
        return rows;
    }

    /** The largest |encoder - reference| over every row's values; fails on a dimension mismatch. */
    static double maxAbsDifference(TextEncoder encoder, List<Row> rows) {
        double max = 0;
        for (Row r : rows) {
            float[] got = encoder.encode(List.of(r.sentence()))[0];
            if (got.length != r.values().length) {
                throw new AssertionError(r.sentence() + ": " + got.length + " values, reference has " + r.values().length);
            }
            for (int i = 0; i < got.length; i++) {
                max = Math.max(max, Math.abs(got[i] - r.values()[i]));
            }
        }
        return max;
    }
}
