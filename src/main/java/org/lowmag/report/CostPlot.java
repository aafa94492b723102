package org.lowmag.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Builds the metric-versus-cost chart (paper Figure 3); see {@link Plots#costChart}. Arms that
 * share a cost would hide each other's CI bars, so arm {@code a} of {@code A} is drawn at {@code
 * gflops x 10^(DODGE_DECADES (a - (A - 1) / 2))}: a few percent to either side of its true cost.
 */
final class CostPlot {

    /** Horizontal spread between consecutive arms, in decades of the log axis (about 3.5%). */
    static final double DODGE_DECADES = 0.015;

    private CostPlot() {}

    static JFreeChart build(List<CostPoint> points, String title, String yLabel) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points to plot");
        }
        Map<String, List<CostPoint>> byArm = new LinkedHashMap<>();
        for (CostPoint p : points) {
            byArm.computeIfAbsent(p.arm(), a -> new ArrayList<>()).add(p);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<List<String>> labels = new ArrayList<>();
        int armIndex = 0;
        for (Map.Entry<String, List<CostPoint>> e : byArm.entrySet()) {
            List<CostPoint> arm = new ArrayList<>(e.getValue());
            arm.sort(Comparator.comparingDouble(CostPoint::gflops));
            YIntervalSeries series = new YIntervalSeries(e.getKey(), false, true);
            List<String> armLabels = new ArrayList<>();
            double shift = Math.pow(10, DODGE_DECADES * (armIndex++ - (byArm.size() - 1) / 2.0));
            for (CostPoint p : arm) {
                series.add(p.gflops() * shift, 100 * p.value(), 100 * p.ciLow(), 100 * p.ciHigh());
                armLabels.add(magnificationLabel(p.magnification()));
            }
            data.addSeries(series);
            labels.add(armLabels);
        }
        double minGflops = points.stream().mapToDouble(CostPoint::gflops).min().orElseThrow();
        double maxGflops = points.stream().mapToDouble(CostPoint::gflops).max().orElseThrow();
        XYPlot plot =
                new XYPlot(
                        data,
                        costAxis(Math.log10(maxGflops / minGflops)),
                        valueAxis(yLabel),
                        renderer(labels));
        ChartStyle.grid(plot);
        plot.setDomainMinorGridlinesVisible(true);
        plot.setDomainMinorGridlinePaint(new Color(0xEEEEEE));
        plot.setDomainMinorGridlineStroke(new BasicStroke(1f));
        return ChartStyle.chart(title, plot);
    }

    /**
     * @param magnification e.g. 2.5
     * @return e.g. "2.5x"; "10x" for 10.0; "0.625x" for 0.625
     */
    static String magnificationLabel(double magnification) {
        return BigDecimal.valueOf(magnification).stripTrailingZeros().toPlainString() + "x";
    }

    /**
     * A log-10 cost axis. Data spanning at least one decade gets ticks at powers of 10 with minor
     * ticks at 2..9 times them; narrower data gets ticks at powers of 2.
     */
    private static LogAxis costAxis(double decades) {
        LogAxis x = new LogAxis("GFLOPs per forward pass (log scale)");
        x.setBase(10);
        DecimalFormat format = new DecimalFormat("0.####");
        x.setNumberFormatOverride(format);
        if (decades >= 1) {
            x.setTickUnit(new NumberTickUnit(1, format, 9));
        } else {
            x.setTickUnit(new NumberTickUnit(Math.log10(2), format, 1));
        }
        x.setLabelFont(ChartStyle.LABEL_FONT.deriveFont(14f));
        x.setTickLabelFont(ChartStyle.LABEL_FONT);
        x.setMinorTickMarksVisible(true);
        x.setLowerMargin(0.08);
        x.setUpperMargin(0.12);
        return x;
    }

    private static NumberAxis valueAxis(String yLabel) {
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        y.setLabelFont(ChartStyle.LABEL_FONT.deriveFont(14f));
        y.setTickLabelFont(ChartStyle.LABEL_FONT);
        y.setUpperMargin(0.08);
        y.setLowerMargin(0.08);
        return y;
    }

    private static XYErrorRenderer renderer(List<List<String>> labels) {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setCapLength(8);
        r.setDefaultLinesVisible(true);
        r.setDefaultShapesVisible(true);
        r.setDefaultItemLabelGenerator((dataset, s, i) -> labels.get(s).get(i));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(ChartStyle.LABEL_FONT);
        r.setDefaultItemLabelPaint(Color.DARK_GRAY);
        r.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setItemLabelInsets(new RectangleInsets(2, 6, 2, 6));
        return r;
    }
}
