package org.lowmag.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;

/** The shared look of LowMag charts: white background, light grid, a colour-blind-safe palette. */
final class ChartStyle {

    /** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies. */
    static final Paint[] PALETTE = {
        new Color(0x0072B2),
        new Color(0xD55E00),
        new Color(0x009E73),
        new Color(0xCC79A7),
        new Color(0xE69F00),
        new Color(0x56B4E9),
        new Color(0x000000),
        new Color(0xF0E442),
    };

    static final Color GRID = new Color(0xDCDCDC);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ChartStyle() {}

    /**
     * Wraps a plot into a chart with the LowMag look and the legend at the bottom.
     *
     * @param title the chart title (may be empty)
     * @param plot the plot
     * @return the chart
     */
    static JFreeChart chart(String title, Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setDrawingSupplier(drawingSupplier());
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        return chart;
    }

    /**
     * @param plot an XY plot to give light grid lines
     */
    static void grid(XYPlot plot) {
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(true);
    }

    private static DefaultDrawingSupplier drawingSupplier() {
        Stroke[] strokes = {new BasicStroke(2f)};
        Stroke[] outlines = {new BasicStroke(1f)};
        Shape[] shapes = {
            new Ellipse2D.Double(-4.5, -4.5, 9, 9),
            new Rectangle2D.Double(-4, -4, 8, 8),
            DefaultDrawingSupplier.createStandardSeriesShapes()[2],
            DefaultDrawingSupplier.createStandardSeriesShapes()[3],
            DefaultDrawingSupplier.createStandardSeriesShapes()[4],
        };
        return new DefaultDrawingSupplier(
                PALETTE, PALETTE, new Paint[] {Color.GRAY}, strokes, outlines, shapes);
    }
}
