package org.lowmag.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A value axis in percent whose ticks (labels and gridlines) stop at 100: the plot may keep room
 * above 100 for its labels, but the axis never reads "105" for a metric that cannot exceed 100%.
 */
final class PercentAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;

    /** The highest value that gets a tick. */
    static final double MAX_PERCENT = 100;

    /**
     * @param label the axis label
     */
    PercentAxis(String label) {
        super(label);
    }

    /** JFreeChart declares a raw {@code List} of {@link Tick}s. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(
            Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        return withinPercent(super.refreshTicks(g2, state, dataArea, edge));
    }

    /**
     * @param ticks ticks of the axis
     * @return those at or below {@link #MAX_PERCENT}
     */
    static List<Tick> withinPercent(List<Tick> ticks) {
        return ticks.stream()
                .filter(t -> !(t instanceof ValueTick v) || v.getValue() <= MAX_PERCENT + 1e-9)
                .toList();
    }
}
