package vlfer.report;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import static vlfer.report.Formats.esc;
import static vlfer.report.Formats.pct;

/**
 * The run report as one self-contained HTML page: provenance, data and rejects, results, training
 * curves, per-class figures, confusion heat maps and the most confident mistakes. Charts are PNG
 * images inlined as data URIs; the page loads nothing.
 */
public final class ReportPage {
    private ReportPage() {
    }

    public static String html(RunRecord r, Instant generatedAt) {
        StringBuilder sb = new StringBuilder();
        RunFacts f = r.facts();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>vlfer run ")
                .append(esc(f.runId())).append("</title>\n<style>").append(STYLE).append("</style></head>\n<body>\n");
        sb.append("<h1>vlfer run <code>").append(esc(f.runId())).append("</code></h1>\n<p class=\"muted\">report written ")
                .append(esc(generatedAt.toString())).append("</p>\n");
        provenance(sb, f);
        results(sb, r.splits());
        data(sb, r);
        training(sb, r);
        for (SplitScores s : r.splits()) {
            split(sb, s);
        }
        mistakes(sb, r);
        return sb.append("</body></html>\n").toString();
    }

    private static void provenance(StringBuilder sb, RunFacts f) {
        sb.append("<h2>Provenance</h2>\n<table class=\"kv\" id=\"provenance\">");
        kv(sb, "method", f.method());
        kv(sb, "visual encoder", f.encoder());
        kv(sb, "text encoder", f.textEncoder());
        kv(sb, "class-embedding hash", f.embeddingHash());
        kv(sb, "config hash", f.configHash());
        kv(sb, "seed", f.seed() == null ? "(no model file in the run folder)" : f.seed().toString());
        kv(sb, "protocol", f.protocol());
        kv(sb, "evaluated weights", f.epoch() < 0 ? "none (untrained or fold means)" : "epoch " + (f.epoch() + 1));
        sb.append("</table>\n");
    }

    private static void results(StringBuilder sb, List<SplitScores> splits) {
        sb.append("<h2>Results</h2>\n<table id=\"results\"><tr><th>dataset</th><th>split</th><th>WAR</th><th>UAR</th>"
                + "<th>macro-F1</th><th>samples</th><th>rejected</th></tr>\n");
        for (SplitScores s : splits) {
            sb.append("<tr><td>").append(esc(s.dataset())).append("</td><td>").append(esc(s.split())).append("</td>")
                    .append(num(pct(s.war()))).append(num(pct(s.uar()))).append(num(pct(s.macroF1())))
                    .append(num(Long.toString(s.samples()))).append(num(Long.toString(s.rejected()))).append("</tr>\n");
        }
        sb.append("</table>\n");
    }

    private static void data(StringBuilder sb, RunRecord r) {
        sb.append("<h2>Data</h2>\n");
        List<HistoryPoint> epochs = r.epochs();
        if (!epochs.isEmpty()) {
            HistoryPoint first = epochs.get(0);
            sb.append("<p>Trained on <b>").append(esc(first.dataset() + "/" + first.split())).append("</b>: ")
                    .append(first.faces()).append(" faces per epoch");
            if (first.skipped() > 0) {
                sb.append(" (").append(first.skipped()).append(" more could not be decoded)");
            }
            sb.append(", ").append(epochs.size()).append(" epochs.</p>\n");
        }
        if (r.rejects().isEmpty()) {
            sb.append("<p>No rows were rejected.</p>\n");
            return;
        }
        sb.append("<table id=\"rejects\"><tr><th>rejects file (dataset-split)</th><th>rejected</th><th>by reason</th></tr>\n");
        for (RejectCounts c : r.rejects()) {
            sb.append("<tr><td><code>rejects/").append(esc(c.name())).append(".tsv</code></td>").append(num(Long.toString(c.total())))
                    .append("<td>").append(esc(c.byReason().isEmpty() ? "-" : c.byReason().entrySet().stream()
                            .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")))).append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private static void training(StringBuilder sb, RunRecord r) {
        sb.append("<h2>Training</h2>\n");
        List<HistoryPoint> epochs = r.epochs();
        if (epochs.isEmpty()) {
            sb.append("<p>No training history: the method does not train, or the run predates the history table.</p>\n");
            return;
        }
        chart(sb, "chart-loss", "training loss per averaging round and per epoch", ReportCharts.loss(r.history()));
        chart(sb, "chart-learning-rate", "learning rate per stage and epoch", ReportCharts.learningRates(epochs));
        chart(sb, "chart-throughput", "training images per second per epoch", ReportCharts.throughput(epochs));
        boolean selection = epochs.stream().anyMatch(p -> !Double.isNaN(p.selectionWar()));
        sb.append("<table id=\"epochs\"><tr><th>epoch</th><th>loss</th><th>learning rate</th><th>faces</th><th>images/s</th>"
                + "<th>seconds</th>").append(selection ? "<th>selection WAR</th><th>selection UAR</th>" : "").append("</tr>\n");
        for (HistoryPoint p : epochs) {
            sb.append("<tr>").append(num(Integer.toString(p.epoch() + 1))).append(num(fmt("%.4f", p.loss())))
                    .append(num(fmt("%.6f", p.learningRate()))).append(num(Long.toString(p.faces())))
                    .append(num(fmt("%.1f", p.imagesPerSecond()))).append(num(fmt("%.1f", p.seconds())));
            if (selection) {
                sb.append(num(pct(p.selectionWar()))).append(num(pct(p.selectionUar())));
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }

    private static void split(StringBuilder sb, SplitScores s) {
        sb.append("<h2>").append(esc(s.name())).append("</h2>\n");
        if (s.classes().isEmpty()) {
            sb.append("<p>No per-class figures (fold means hold only the headline metrics).</p>\n");
            return;
        }
        String id = s.dataset() + "-" + s.split();
        chart(sb, "chart-classes-" + id, "recall and precision per class on " + s.name(), ReportCharts.classBars(s));
        chart(sb, "chart-confusion-" + id, "confusion matrix of " + s.name(), ReportCharts.confusion(s));
    }

    private static void mistakes(StringBuilder sb, RunRecord r) {
        sb.append("<h2>Most confident mistakes</h2>\n");
        if (!r.predictionsKept()) {
            sb.append("<p>Predictions were not kept (<code>vlfer.output.predictions = false</code>).</p>\n");
            return;
        }
        if (r.mistakes().isEmpty()) {
            sb.append("<p>No sample was misclassified.</p>\n");
            return;
        }
        sb.append("<table id=\"mistakes\"><tr><th>dataset/split</th><th>sample id</th><th>true class</th><th>predicted</th>"
                + "<th>score of the prediction</th></tr>\n");
        for (Mistake m : r.mistakes()) {
            sb.append("<tr><td>").append(esc(m.dataset() + "/" + m.split())).append("</td><td><code>").append(esc(m.sampleId()))
                    .append("</code></td><td>").append(esc(m.label())).append("</td><td>").append(esc(m.predicted()))
                    .append("</td>").append(num(fmt("%.3f", m.confidence()))).append("</tr>\n");
        }
        sb.append("</table>\n");
    }

    private static void chart(StringBuilder sb, String id, String alt, byte[] png) {
        sb.append("<figure class=\"chart\" id=\"").append(esc(id)).append("\"><img alt=\"").append(esc(alt))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\"></figure>\n");
    }

    private static void kv(StringBuilder sb, String key, String value) {
        sb.append("<tr><th>").append(esc(key)).append("</th><td><code>").append(esc(value)).append("</code></td></tr>");
    }

    private static String num(String v) {
        return "<td class=\"n\">" + esc(v) + "</td>";
    }


    private static String fmt(String format, double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
    }


    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222}
            table{border-collapse:collapse;margin:.5em 0 1.5em}
            th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            table.kv th{background:#f4f4f4}
            figure.chart{margin:1em 0}
            figure.chart img{max-width:100%;border:1px solid #eee}
            .muted{color:#777}
            """;
}
