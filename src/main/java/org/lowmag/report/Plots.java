package org.lowmag.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.lowmag.util.AtomicFiles;

/**
 * The charts of LowMag reports (JFreeChart, rendered off-screen; run with {@code
 * -Djava.awt.headless=true} where there is no display, as the {@code lowmag} launcher does). Metric
 * values come in as fractions in [0, 1] and are plotted in percent.
 */
public final class Plots {

    /** Default PNG width in pixels. */
    public static final int WIDTH_PX = 1000;

    /** Default PNG height in pixels. */
    public static final int HEIGHT_PX = 650;

    private Plots() {}

    /**
     * Metric versus cost (paper Figure 3): x is GFLOPs per forward pass on a log-10 axis, y the
     * metric in percent with vertical confidence-interval bars; one line with markers per arm
     * (points joined in order of cost; the legend names the arms), arms at one magnification drawn
     * a few percent apart, and each magnification ("2.5x") written once at the top of a dashed line
     * at its cost. An arm with one point (the teacher) appears as a single marker.
     *
     * @param points the models, arms in first-appearance order
     * @param title the chart title
     * @param yLabel the y-axis label, e.g. "Accuracy (%)"
     * @return the chart
     */
    public static JFreeChart costChart(List<CostPoint> points, String title, String yLabel) {
        return CostPlot.build(points, title, yLabel);
    }

    /**
     * Grouped bars with confidence-interval whiskers, e.g. resize mode (series) by magnification
     * (group). Bars start at 0; the value axis reaches 5% above the highest upper bound.
     *
     * @param bars the bars; groups and series in first-appearance order, one bar per pair
     * @param title the chart title
     * @param xLabel the group axis label, e.g. "Magnification"
     * @param yLabel the value axis label, e.g. "Accuracy (%)"
     * @return the chart
     */
    public static JFreeChart barChart(
            List<BarPoint> bars, String title, String xLabel, String yLabel) {
        return BarPlot.build(bars, title, xLabel, yLabel);
    }

    /**
     * Training curves: metrics per epoch, with an optional right-hand axis for curves on another
     * scale (e.g. loss on the left, accuracy on the right). Values are plotted as given.
     *
     * @param curves the series
     * @param title the chart title
     * @param leftLabel the left axis label
     * @param rightLabel the right axis label (used when a curve has {@code rightAxis})
     * @return the chart
     */
    public static JFreeChart curveChart(
            List<Curve> curves, String title, String leftLabel, String rightLabel) {
        return CurvePlot.build(curves, title, leftLabel, rightLabel);
    }

    /**
     * Renders a chart into a PNG file atomically.
     *
     * @param chart the chart
     * @param png the target file (parent folders are created)
     * @param widthPx image width in pixels
     * @param heightPx image height in pixels
     * @throws IOException when the file cannot be written
     */
    public static void savePng(JFreeChart chart, Path png, int widthPx, int heightPx)
            throws IOException {
        if (widthPx < 1 || heightPx < 1) {
            throw new IllegalArgumentException(
                    "image size " + widthPx + "x" + heightPx + " px must be positive");
        }
        AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, widthPx, heightPx));
    }

    /**
     * Renders a chart at the default size ({@value #WIDTH_PX} x {@value #HEIGHT_PX} px).
     *
     * @param chart the chart
     * @param png the target file
     * @throws IOException when the file cannot be written
     */
    public static void savePng(JFreeChart chart, Path png) throws IOException {
        savePng(chart, png, WIDTH_PX, HEIGHT_PX);
    }
}
