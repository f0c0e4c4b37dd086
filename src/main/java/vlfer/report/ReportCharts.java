package vlfer.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's charts, drawn with JFreeChart and encoded as PNG (so the page needs no script and no network). */
public final class ReportCharts {
    static final int WIDTH = 720;
    static final int HEIGHT = 320;

    private ReportCharts() {
    }

    /** Mean minibatch loss after every averaging round and every epoch, on an epoch axis. */
    public static byte[] loss(List<HistoryPoint> history) {
        XYSeries rounds = new XYSeries("per averaging round");
        XYSeries epochs = new XYSeries("per epoch");
        for (HistoryPoint p : history) {
            if (!Double.isNaN(p.loss())) {
                (p.isEpoch() ? epochs : rounds).add(p.progress(), p.loss());
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Training loss", "epoch", "mean minibatch loss",
                collection(rounds, epochs), PlotOrientation.VERTICAL, true, false, false);
        styleLines(chart, false);
        return png(chart, WIDTH, HEIGHT);
    }

    /** Each stage's learning rate per epoch (and the scheduled rate). */
    public static byte[] learningRates(List<HistoryPoint> epochs) {
        Map<String, XYSeries> series = new TreeMap<>();
        XYSeries scheduled = new XYSeries("scheduled");
        for (HistoryPoint p : epochs) {
            scheduled.add(p.epoch() + 1, p.learningRate());
            for (Map.Entry<String, Double> e : p.stageRates().entrySet()) {
                series.computeIfAbsent(e.getKey(), XYSeries::new).add(p.epoch() + 1, e.getValue());
            }
        }
        XYSeriesCollection data = collection(scheduled);
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart("Learning rate per stage", "epoch", "learning rate", data,
                PlotOrientation.VERTICAL, true, false, false);
        styleLines(chart, true);
        return png(chart, WIDTH, HEIGHT);
    }

    /** Training images per second, per epoch. */
    public static byte[] throughput(List<HistoryPoint> epochs) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (HistoryPoint p : epochs) {
            data.addValue(p.imagesPerSecond(), "images/s", Integer.toString(p.epoch() + 1));
        }
        JFreeChart chart = ChartFactory.createBarChart("Training throughput", "epoch", "images per second", data,
                PlotOrientation.VERTICAL, false, false, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        return png(chart, WIDTH, HEIGHT);
    }

    /** Per-class recall and precision of one evaluated split. */
    public static byte[] classBars(SplitScores s) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < s.classes().size(); i++) {
            data.addValue(nullIfNaN(s.recall()[i]), "recall", s.classes().get(i));
            data.addValue(nullIfNaN(s.precision()[i]), "precision", s.classes().get(i));
        }
        JFreeChart chart = ChartFactory.createBarChart("Recall and precision per class: " + s.name(), "class", "fraction",
                data, PlotOrientation.VERTICAL, true, false, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setRange(0, 1);
        return png(chart, WIDTH, HEIGHT);
    }

    /**
     * The confusion matrix as a heat map: rows are true classes (first at the top), columns the
     * predicted ones; colour is the row-normalised fraction (recall on the diagonal), and every
     * cell is labelled with its count.
     */
    public static byte[] confusion(SplitScores s) {
        int k = s.classes().size();
        double[][] xyz = new double[3][k * k];
        DefaultXYZDataset data = new DefaultXYZDataset();
        XYPlot plot = new XYPlot();
        for (int i = 0; i < k; i++) {
            long rowTotal = 0;
            for (long c : s.confusion()[i]) {
                rowTotal += c;
            }
            for (int j = 0; j < k; j++) {
                int n = i * k + j;
                double fraction = rowTotal == 0 ? 0 : s.confusion()[i][j] / (double) rowTotal;
                xyz[0][n] = j;
                xyz[1][n] = k - 1 - i;
                xyz[2][n] = fraction;
                XYTextAnnotation label = new XYTextAnnotation(Long.toString(s.confusion()[i][j]), j, k - 1 - i);
                label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                label.setPaint(fraction > 0.55 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(label);
            }
        }
        data.addSeries("confusion", xyz);
        String[] names = s.classes().toArray(String[]::new);
        String[] reversed = new String[k];
        for (int i = 0; i < k; i++) {
            reversed[i] = names[k - 1 - i];
        }
        SymbolAxis predicted = new SymbolAxis("predicted class", names);
        predicted.setGridBandsVisible(false);
        SymbolAxis truth = new SymbolAxis("true class", reversed);
        truth.setGridBandsVisible(false);
        LookupPaintScale scale = new LookupPaintScale(0, 1.0001, Color.WHITE);
        for (int step = 0; step <= 20; step++) {
            double f = step / 20.0;
            scale.add(f, new Color((int) (247 - 239 * f), (int) (251 - 203 * f), (int) (255 - 148 * f)));
        }
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        plot.setDataset(data);
        plot.setDomainAxis(predicted);
        plot.setRangeAxis(truth);
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart("Confusion matrix (row-normalised, counts in cells): " + s.name(),
                JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis legendAxis = new NumberAxis("fraction of the true class");
        legendAxis.setRange(0, 1);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        int side = Math.max(360, 60 * k + 160);
        return png(chart, side + 120, side);
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static XYSeriesCollection collection(XYSeries... series) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (XYSeries s : series) {
            if (s.getItemCount() > 0) {
                c.addSeries(s);
            }
        }
        return c;
    }

    private static void styleLines(JFreeChart chart, boolean shapes) {
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, shapes);
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            r.setSeriesStroke(i, new BasicStroke(i == 0 ? 1.5f : 2.5f));
            r.setSeriesShapesVisible(i, shapes || plot.getDataset().getItemCount(i) < 30);
        }
        plot.setRenderer(r);
    }

    static byte[] png(JFreeChart chart, int width, int height) {
        try {
            BufferedImage image = chart.createBufferedImage(width, height);
            return ChartUtils.encodeAsPNG(image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG: " + e.getMessage(), e);
        }
    }
}
