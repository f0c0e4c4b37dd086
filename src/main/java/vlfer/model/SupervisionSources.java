package vlfer.model;

import java.util.function.Supplier;
import vlfer.data.DataFiles;
import vlfer.text.TextEncoder;

/**
 * Where a method may find what it trains on besides the split: the training dataset's root, the
 * run's file access, and the configured text encoder (opened only if asked for; the caller closes it).
 */
public record SupervisionSources(String datasetRoot, DataFiles files, Supplier<TextEncoder> textEncoder) {
}
