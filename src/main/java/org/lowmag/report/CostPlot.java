package org.lowmag.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
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
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Builds the metric-versus-cost chart (paper Figure 3); see {@link Plots#costChart}. Arms that
 * share a magnification would hide each other's CI bars, so the {@code a}-th of the {@code A} arms
 * at one magnification is drawn at {@code gflops x 10^(DODGE_DECADES (a - (A - 1) / 2))}: a few
 * percent to either side of its true cost. Arms are told apart by the legend (colour and marker);
 * each magnification is written once, at the top of a dashed vertical line at its cost, rather than
 * beside every point (where arms of one magnification and similar values overprinted each other's
 * labels).
 */
final class CostPlot {

    /** Horizontal spread between consecutive arms, in decades of the log axis (about 6%). */
    static final double DODGE_DECADES = 0.025;

    private CostPlot() {}

    static JFreeChart build(List<CostPoint> points, String title, String yLabel) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points to plot");
        }
        Map<String, List<CostPoint>> byArm = new LinkedHashMap<>();
        for (CostPoint p : points) {
            byArm.computeIfAbsent(p.arm(), a -> new ArrayList<>()).add(p);
        }
        Map<String, List<String>> armsAtMag = new LinkedHashMap<>();
        byArm.forEach(
                (arm, ps) ->
                        ps.forEach(
                                p ->
                                        armsAtMag
                                                .computeIfAbsent(
                                                        magnificationLabel(p.magnification()),
                                                        k -> new ArrayList<>())
                                                .add(arm)));
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Map.Entry<String, List<CostPoint>> e : byArm.entrySet()) {
            List<CostPoint> arm = new ArrayList<>(e.getValue());
            arm.sort(Comparator.comparingDouble(CostPoint::gflops));
            YIntervalSeries series = new YIntervalSeries(e.getKey(), false, true);
            for (CostPoint p : arm) {
                List<String> shared = armsAtMag.get(magnificationLabel(p.magnification()));
                double x = p.gflops() * dodge(shared.indexOf(e.getKey()), shared.size());
                series.add(x, 100 * p.value(), 100 * p.ciLow(), 100 * p.ciHigh());
            }
            data.addSeries(series);
        }
        double minGflops = points.stream().mapToDouble(CostPoint::gflops).min().orElseThrow();
        double maxGflops = points.stream().mapToDouble(CostPoint::gflops).max().orElseThrow();
        XYPlot plot =
                new XYPlot(
                        data,
                        costAxis(Math.log10(maxGflops / minGflops)),
                        valueAxis(yLabel),
                        renderer());
        ChartStyle.grid(plot);
        plot.setDomainMinorGridlinesVisible(true);
        plot.setDomainMinorGridlinePaint(new Color(0xEEEEEE));
        plot.setDomainMinorGridlineStroke(new BasicStroke(1f));
        magnificationPositions(points)
                .forEach(
                        (label, x) ->
                                plot.addDomainMarker(
                                        magnificationMarker(label, x), Layer.BACKGROUND));
        return ChartStyle.chart(title, plot);
    }

    /**
     * @param a the arm's index among the {@code n} arms at one magnification
     * @param n those arms' count
     * @return the factor {@code 10^(DODGE_DECADES (a - (n - 1) / 2))} on its cost: 1 for a lone arm
     */
    static double dodge(int a, int n) {
        return Math.pow(10, DODGE_DECADES * (a - (n - 1) / 2.0));
    }

    /**
     * Where each magnification is labelled: once per magnification, at the geometric mean of its
     * points' costs ({@code 10^(mean log10 gflops)}), so arms that share a cost share one label
     * instead of overprinting theirs.
     *
     * @param points the plotted points
     * @return magnification label ("1.25x") to cost in GFLOPs, in order of first appearance
     */
    static Map<String, Double> magnificationPositions(List<CostPoint> points) {
        Map<String, List<Double>> logs = new LinkedHashMap<>();
        for (CostPoint p : points) {
            logs.computeIfAbsent(magnificationLabel(p.magnification()), k -> new ArrayList<>())
                    .add(Math.log10(p.gflops()));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        logs.forEach(
                (k, v) ->
                        out.put(
                                k,
                                Math.pow(
                                        10,
                                        v.stream()
                                                .mapToDouble(Double::doubleValue)
                                                .average()
                                                .orElseThrow())));
        return out;
    }

    /** A light vertical line at a magnification's cost, labelled at the top of the plot. */
    private static ValueMarker magnificationMarker(String label, double gflops) {
        ValueMarker m =
                new ValueMarker(
                        gflops,
                        new Color(0xBBBBBB),
                        new BasicStroke(
                                1f,
                                BasicStroke.CAP_BUTT,
                                BasicStroke.JOIN_MITER,
                                1f,
                                new float[] {4f, 4f},
                                0f));
        m.setLabel(label);
        m.setLabelFont(ChartStyle.LABEL_FONT.deriveFont(Font.BOLD, 13f));
        m.setLabelPaint(Color.DARK_GRAY);
        m.setLabelBackgroundColor(Color.WHITE);
        m.setLabelAnchor(RectangleAnchor.TOP);
        m.setLabelTextAnchor(TextAnchor.TOP_CENTER);
        m.setLabelOffset(new RectangleInsets(4, 0, 0, 0));
        return m;
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
        NumberAxis y = new PercentAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        y.setLabelFont(ChartStyle.LABEL_FONT.deriveFont(14f));
        y.setTickLabelFont(ChartStyle.LABEL_FONT);
        y.setUpperMargin(0.14);
        y.setLowerMargin(0.08);
        return y;
    }

    private static XYErrorRenderer renderer() {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setCapLength(8);
        r.setDefaultLinesVisible(true);
        r.setDefaultShapesVisible(true);
        return r;
    }
}
