package org.lowmag.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;

/**
 * A vertical bar renderer that also draws an asymmetric confidence interval on each bar: a vertical
 * line from the lower to the upper bound with caps a quarter of the bar wide.
 */
final class CiBarRenderer extends BarRenderer {

    private static final long serialVersionUID = 1L;

    /** {@code {low, high}} per {@code series + "\0" + group}, in plotted units. */
    private final HashMap<String, double[]> intervals = new HashMap<>();

    /**
     * @param series the row key
     * @param group the column key
     * @param low lower bound in plotted units
     * @param high upper bound in plotted units
     */
    void putInterval(String series, String group, double low, double high) {
        intervals.put(series + "\0" + group, new double[] {low, high});
    }

    @Override
    public void drawItem(
            Graphics2D g2,
            CategoryItemRendererState state,
            Rectangle2D dataArea,
            CategoryPlot plot,
            CategoryAxis domainAxis,
            ValueAxis rangeAxis,
            CategoryDataset dataset,
            int row,
            int column,
            int pass) {
        super.drawItem(
                g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        double[] ci = intervals.get(dataset.getRowKey(row) + "\0" + dataset.getColumnKey(column));
        if (ci == null || state.getVisibleSeriesIndex(row) < 0) {
            return;
        }
        double w0 =
                calculateBarW0(
                        plot, plot.getOrientation(), dataArea, domainAxis, state, row, column);
        double x = w0 + state.getBarWidth() / 2;
        double cap = state.getBarWidth() / 4;
        RectangleEdge edge = plot.getRangeAxisEdge();
        double yLow = rangeAxis.valueToJava2D(ci[0], dataArea, edge);
        double yHigh = rangeAxis.valueToJava2D(ci[1], dataArea, edge);
        g2.setPaint(Color.BLACK);
        g2.setStroke(new BasicStroke(1.5f));
        g2.draw(new Line2D.Double(x, yLow, x, yHigh));
        g2.draw(new Line2D.Double(x - cap, yLow, x + cap, yLow));
        g2.draw(new Line2D.Double(x - cap, yHigh, x + cap, yHigh));
    }

    /**
     * @return the largest upper bound, or 0 when there is none
     */
    double maxHigh() {
        double max = 0;
        for (Map.Entry<String, double[]> e : intervals.entrySet()) {
            max = Math.max(max, e.getValue()[1]);
        }
        return max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CiBarRenderer other
                && super.equals(o)
                && intervals.keySet().equals(other.intervals.keySet());
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
