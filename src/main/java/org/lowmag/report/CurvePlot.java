package org.lowmag.report;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Builds a training-curve chart; see {@link Plots#curveChart}. */
final class CurvePlot {

    /** Curves with at most this many points also get markers. */
    private static final int MARKER_LIMIT = 60;

    private CurvePlot() {}

    static JFreeChart build(List<Curve> curves, String title, String leftLabel, String rightLabel) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no curves to plot");
        }
        XYSeriesCollection left = new XYSeriesCollection();
        XYSeriesCollection right = new XYSeriesCollection();
        int maxPoints = 0;
        for (Curve c : curves) {
            XYSeries s = new XYSeries(c.name(), false, true);
            double[] x = c.epochs();
            double[] y = c.values();
            for (int i = 0; i < x.length; i++) {
                s.add(x[i], Double.isNaN(y[i]) ? null : Double.valueOf(y[i]));
            }
            maxPoints = Math.max(maxPoints, x.length);
            (c.rightAxis() ? right : left).addSeries(s);
        }
        boolean markers = maxPoints <= MARKER_LIMIT;
        NumberAxis epochAxis = axis("Epoch");
        epochAxis.setAutoRangeIncludesZero(false);
        XYPlot plot =
                new XYPlot(
                        left,
                        epochAxis,
                        axis(leftLabel),
                        new XYLineAndShapeRenderer(true, markers));
        if (right.getSeriesCount() > 0) {
            plot.setDataset(1, right);
            plot.setRangeAxis(1, axis(rightLabel));
            plot.mapDatasetToRangeAxis(1, 1);
            plot.setRenderer(1, new XYLineAndShapeRenderer(true, markers));
        }
        ChartStyle.grid(plot);
        return ChartStyle.chart(title, plot);
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setLabelFont(ChartStyle.LABEL_FONT.deriveFont(14f));
        a.setTickLabelFont(ChartStyle.LABEL_FONT);
        return a;
    }
}
