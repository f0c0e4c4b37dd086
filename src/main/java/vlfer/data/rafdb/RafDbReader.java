package vlfer.data.rafdb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vlfer.config.DatasetSettings;
import vlfer.data.DataFiles;
import vlfer.data.DatasetReader;
import vlfer.data.DatasetSplit;
import vlfer.data.FaceSample;
import vlfer.data.LabelVocabulary;
import vlfer.data.RejectedRow;

/**
 * RAF-DB (basic) as shipped: {@code EmoLabel/list_patition_label.txt} lines {@code train_00001.jpg 5},
 * the split being the file-name prefix, images at {@code Image/aligned/<stem>_aligned.jpg}.
 */
public final class RafDbReader implements DatasetReader {
    public static final String LABEL_FILE = "EmoLabel/list_patition_label.txt";
    public static final String IMAGE_DIR = "Image/aligned";

    @Override
    public String format() {
        return "rafdb";
    }

    @Override
    public LabelVocabulary vocabulary() {
        return LabelVocabulary.BASIC_7;
    }

    @Override
    public DatasetSplit read(DatasetSettings dataset, String split, DataFiles files) {
        String root = files.qualify(dataset.root());
        if (!files.isDirectory(root)) {
            throw new IllegalArgumentException("dataset '" + dataset.name() + "': root " + root + " does not exist or is not a folder"
                    + " (vlfer.data.datasets." + dataset.name() + ".root)");
        }
        String labelFile = DataFiles.resolve(root, LABEL_FILE);
        List<String> lines = files.readLines(labelFile);
        LabelVocabulary vocab = vocabulary();
        List<FaceSample> samples = new ArrayList<>();
        List<RejectedRow> rejects = new ArrayList<>();
        Map<String, Long> byReason = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            long lineNo = i + 1L;
            String[] cols = line.split("\\s+");
            String name = cols[0];
            int us = name.indexOf('_');
            if (cols.length != 2 || us <= 0 || !name.endsWith(".jpg")) {
                reject(dataset, labelFile, lineNo, "malformed-row", line, rejects, byReason);
                continue;
            }
            if (!name.substring(0, us).equals(split)) {
                continue;
            }
            int rafId;
            try {
                rafId = Integer.parseInt(cols[1]);
                RafDbLabels.expressionOf(rafId);
            } catch (IllegalArgumentException e) {
                reject(dataset, labelFile, lineNo, "unknown-label", "label '" + cols[1] + "' is not a RAF-DB id 1..7", rejects, byReason);
                continue;
            }
            if (!seen.add(name)) {
                reject(dataset, labelFile, lineNo, "duplicate-row", name, rejects, byReason);
                continue;
            }
            String stem = name.substring(0, name.length() - ".jpg".length());
            String image = DataFiles.resolve(root, IMAGE_DIR + "/" + stem + "_aligned.jpg");
            int label = vocab.indexOf(RafDbLabels.expressionOf(rafId));
            samples.add(new FaceSample(dataset.name(), split, stem, image, label));
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("dataset '" + dataset.name() + "': no '" + split + "' rows in " + labelFile
                    + " (file names must start with '" + split + "_')");
        }
        return new DatasetSplit(dataset.name(), split, vocab, samples, byReason, rejects);
    }

    private static void reject(DatasetSettings ds, String file, long line, String reason, String detail,
                               List<RejectedRow> rejects, Map<String, Long> byReason) {
        rejects.add(new RejectedRow(ds.name(), file, line, reason, detail));
        byReason.merge(reason, 1L, Long::sum);
    }
}
