package vlfer.app;

import java.util.Locale;
import java.util.Map;
import vlfer.data.synth.SynthesisSummary;
import vlfer.report.Formats;

/** The tables printed at the end of a command. */
final class SummaryPrinter {
    private SummaryPrinter() {
    }

    static String run(RunSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nrun %s  (method %s, encoder %s)%n", s.runId(), s.method(), s.encoder()));
        if (s.epochsTrained() > 0) {
            sb.append(String.format(Locale.ROOT, "trained %d epochs, final loss %.4f, %.0f img/s%n",
                    s.epochsTrained(), s.finalLoss(), s.trainImagesPerSecond()));
        }
        sb.append(String.format(Locale.ROOT, "%n%-14s %-6s %7s %7s %7s %9s %8s%n", "dataset", "split", "WAR", "UAR",
                "macroF1", "samples", "rejected"));
        for (SplitResult r : s.results()) {
            sb.append(String.format(Locale.ROOT, "%-14s %-6s %6.2f%% %6.2f%% %6.2f%% %9d %8d%n", r.dataset(), r.split(),
                    100 * r.metrics().war(), 100 * r.metrics().uar(), 100 * r.metrics().macroF1(),
                    r.metrics().samples(), r.rejected()));
            sb.append("    recall: ").append(r.metrics().recallByClass(r.classes())).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%nmodel:       %s%nrun folder:  %s%nreport:      %s%nmetrics:     %s%n"
                        + "predictions: %s%nhistory:     %s%nwall time:   %s%n", s.modelPath(), s.runDir(), s.reportPath(),
                s.metricsTable(), s.predictionsTable(), s.historyTable(), Formats.minutesSeconds(s.wallSeconds())));
        return sb.toString();
    }

    static String synth(SynthesisSummary s) {
        return "synthetic faces at " + s.root() + "\n" + s;
    }

}
