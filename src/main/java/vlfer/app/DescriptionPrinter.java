package vlfer.app;

import java.util.Map;

/** Prints a {@link DatasetDescription} as a readable report or as JSON. */
final class DescriptionPrinter {
    private DescriptionPrinter() {
    }

    static String text(DatasetDescription d) {
        StringBuilder sb = new StringBuilder();
        sb.append("manifest   ").append(d.manifest()).append('\n');
        sb.append("format     ").append(d.format()).append(d.video() ? " (clips)" : "").append(d.fold() > 0 ? ", fold " + d.fold() : "")
                .append('\n');
        sb.append("root       ").append(d.root()).append('\n');
        sb.append("classes    ").append(String.join(", ", d.classes())).append('\n');
        sb.append("label map  ").append(d.labelMap()).append('\n');
        for (DatasetDescription.LabelRow r : d.labelMapping()) {
            sb.append(String.format("  %-10s -> %-32s %s%n", r.token(), r.meaning(),
                    r.classIndex() >= 0 ? "class " + r.classIndex() : (r.meaning().startsWith("excluded") ? "" : "(not in classes)")));
        }
        for (DatasetDescription.SplitDescription s : d.splits()) {
            sb.append('\n').append("split ").append(s.split()).append(": ").append(s.samples()).append(d.video() ? " clips" : " samples")
                    .append(", ").append(s.rejects()).append(" rejected").append(s.imagesVerified() ? " (every image decoded)" : "")
                    .append('\n');
            for (Map.Entry<String, Long> e : s.samplesByClass().entrySet()) {
                sb.append(String.format("  %-16s %8d%n", e.getKey(), e.getValue()));
            }
            if (!s.rejectsByReason().isEmpty()) {
                sb.append("  rejected by reason:\n");
                s.rejectsByReason().forEach((k, v) -> sb.append(String.format("    %-28s %8d%n", k, v)));
                sb.append("  examples:\n");
                s.rejectExamples().forEach(x -> sb.append("    ").append(x).append('\n'));
            }
            if (!s.excludedByReason().isEmpty()) {
                sb.append("  excluded by the dataset's protocol:\n");
                s.excludedByReason().forEach((k, v) -> sb.append(String.format("    %-28s %8d%n", k, v)));
            }
            sb.append(s.overBudget() == null ? "  reject budget: within vlfer.data.max-reject-fraction; training would run\n"
                    : "  reject budget: TRAINING WOULD STOP: " + s.overBudget() + "\n");
        }
        DatasetDescription.Accounting a = d.accounting();
        if (!a.listFileRows().isEmpty()) {
            sb.append('\n').append("list files: ").append(a.rows()).append(" rows (non-blank lines after headers); the splits read")
                    .append(" account for ").append(a.accounted()).append(" (samples + rejects + exclusions)")
                    .append(a.rows() == a.accounted() ? ": every row once" : ": read every split to account for all")
                    .append('\n');
            a.listFileRows().forEach((f, n) -> sb.append(String.format("  %8d  %s%n", n, f)));
        }
        return sb.toString();
    }

    static String json(DatasetDescription d) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(d);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
