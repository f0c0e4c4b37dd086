package vlfer.report;

import java.util.Locale;

/** How figures read in the report, the run list, the gate and the summaries: 95.00%, 3m37s, escaped HTML. */
public final class Formats {
    private Formats() {
    }

    /** A fraction as a percentage with two decimals ("-" for none). */
    public static String pct(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    /** Seconds as minutes and seconds: "3m37s" ("-" for none). */
    public static String minutesSeconds(double seconds) {
        if (Double.isNaN(seconds) || seconds <= 0) {
            return seconds == 0 ? "0m00s" : "-";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    /** Text for HTML: the five markup characters escaped (null: empty). */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
