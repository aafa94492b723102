package org.lowmag.report;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Builds a grouped bar chart with confidence intervals; see {@link Plots#barChart}. */
final class BarPlot {

    private BarPlot() {}

    static JFreeChart build(List<BarPoint> bars, String title, String xLabel, String yLabel) {
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no bars to plot");
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        CiBarRenderer renderer = new CiBarRenderer();
        for (BarPoint b : bars) {
            if (data.getColumnKeys().contains(b.group())
                    && data.getRowKeys().contains(b.series())
                    && data.getValue(b.series(), b.group()) != null) {
                throw new IllegalArgumentException(
                        "two bars for series " + b.series() + " in group " + b.group());
            }
            data.addValue(100 * b.value(), b.series(), b.group());
            renderer.putInterval(b.series(), b.group(), 100 * b.ciLow(), 100 * b.ciHigh());
        }
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.05);
        CategoryAxis x = new CategoryAxis(xLabel);
        x.setLabelFont(ChartStyle.LABEL_FONT.deriveFont(14f));
        x.setTickLabelFont(ChartStyle.LABEL_FONT);
        NumberAxis y = new PercentAxis(yLabel);
        y.setLabelFont(ChartStyle.LABEL_FONT.deriveFont(14f));
        y.setTickLabelFont(ChartStyle.LABEL_FONT);
        y.setRange(0, Math.max(1e-9, renderer.maxHigh() * 1.05));
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        return ChartStyle.chart(title, plot);
    }
}
