package org.lowmag.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lowmag.report.Plots;

/**
 * The chart of the training-step benchmark: achieved GFLOP/s (median; 3 x forward FLOPs per tissue)
 * against the input side in pixels (log-2 axis), for LowMag and PyTorch and each architecture, with
 * the machine's FP32 peak and 60% of it as horizontal lines.
 */
final class GflopsChart {

    private static final Map<String, String> LABELS =
            Map.of(
                    "lowmag", "LowMag",
                    "pytorch-omp", "PyTorch (GOMP_SPINCOUNT=1000)",
                    "pytorch", "PyTorch (caller's env)");

    private GflopsChart() {}

    /**
     * Writes the chart when the raw results hold training steps.
     *
     * @param raw the raw results
     * @param settings the run's settings (peak, tissues per step)
     * @param png the output file
     * @throws IOException when the file cannot be written
     */
    static void save(Map<String, RawResults.Entry> raw, ReportRows.Settings settings, Path png)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        double minSide = Double.MAX_VALUE;
        double maxSide = 0;
        for (String arch : List.of("paper", "resnet18")) {
            for (String impl : List.of("lowmag", "pytorch-omp", "pytorch")) {
                XYSeries s = new XYSeries(LABELS.get(impl) + " " + arch);
                for (int side : ReportRows.trainSizes(raw, arch)) {
                    RawResults.Entry e = raw.get("train/" + arch + "/" + side + "/" + impl);
                    if (e != null) {
                        Samples g =
                                ReportRows.gflops(e.samples(), arch, side, settings.accumulate());
                        s.add(side, g.median());
                        minSide = Math.min(minSide, side);
                        maxSide = Math.max(maxSide, side);
                    }
                }
                if (s.getItemCount() > 0) {
                    data.addSeries(s);
                }
            }
        }
        if (data.getSeriesCount() == 0) {
            return;
        }
        double peak = settings.peak().gflops();
        for (double f : new double[] {1.0, 0.6}) {
            XYSeries s = new XYSeries(f == 1.0 ? "FP32 peak" : "60% of peak");
            s.add(minSide, peak * f);
            s.add(maxSide, peak * f);
            data.addSeries(s);
        }
        JFreeChart chart =
                ChartFactory.createXYLineChart(
                        "Training step throughput (" + settings.peak().cores() + " cores)",
                        "input side (px)",
                        "GFLOP/s (3 x forward FLOPs)",
                        data,
                        PlotOrientation.VERTICAL,
                        true,
                        false,
                        false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        LogAxis x = new LogAxis("input side (px)");
        x.setBase(2);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new DecimalFormat("0"));
        x.setRange(minSide / 1.2, maxSide * 1.2);
        plot.setDomainAxis(x);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String key = data.getSeriesKey(i).toString();
            if (!key.startsWith("LowMag")) {
                r.setSeriesStroke(
                        i,
                        new BasicStroke(
                                1.5f,
                                BasicStroke.CAP_BUTT,
                                BasicStroke.JOIN_MITER,
                                10f,
                                new float[] {6f, 4f},
                                0f));
            } else {
                r.setSeriesStroke(i, new BasicStroke(2.5f));
            }
        }
        plot.setRenderer(r);
        Plots.savePng(chart, png);
    }
}
