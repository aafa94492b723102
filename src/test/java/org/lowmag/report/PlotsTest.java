package org.lowmag.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders one sample of each chart and checks the PNG decodes at the requested size and is not
 * blank. Set the environment variable {@code LOWMAG_PLOT_DIR} to keep copies for viewing. The
 * numbers are illustrative (accuracies from the paper's Table 4, made-up GFLOPs), not results.
 */
class PlotsTest {

    @TempDir Path tmp;

    static List<CostPoint> samplePoints() {
        double[] mags = {0.625, 1.25, 2.5, 5};
        double[] gflops = {0.071, 0.284, 1.14, 4.55};
        double[][] baseline = {
            {.7911, .7774, .8054},
            {.8270, .8123, .8414},
            {.8371, .8229, .8517},
            {.8615, .8471, .8761}
        };
        double[][] kd = {
            {.8131, .7991, .8272},
            {.8403, .8261, .8547},
            {.8568, .8425, .8713},
            {.8574, .8428, .8721}
        };
        List<CostPoint> points = new java.util.ArrayList<>();
        points.add(new CostPoint("teacher", 10, 18.2, .8706, .8565, .8848));
        for (int i = 0; i < mags.length; i++) {
            points.add(
                    new CostPoint(
                            "baseline",
                            mags[i],
                            gflops[i],
                            baseline[i][0],
                            baseline[i][1],
                            baseline[i][2]));
            points.add(new CostPoint("kd", mags[i], gflops[i], kd[i][0], kd[i][1], kd[i][2]));
        }
        return points;
    }

    @Test
    void costChartIsLogScaledAndRenders() throws IOException {
        JFreeChart chart =
                Plots.costChart(samplePoints(), "Celiac disease: accuracy vs cost", "Accuracy (%)");
        XYPlot plot = chart.getXYPlot();
        assertTrue(plot.getDomainAxis() instanceof LogAxis);
        assertEquals(3, plot.getDataset().getSeriesCount());
        assertEquals("teacher", plot.getDataset().getSeriesKey(0));
        assertEquals(1, plot.getDataset().getItemCount(0));
        assertEquals(18.2, plot.getDataset().getXValue(0, 0), 1e-12, "a lone arm is not moved");
        double half = Math.pow(10, CostPlot.DODGE_DECADES / 2);
        assertEquals(0.071 / half, plot.getDataset().getXValue(1, 0), 1e-12, "baseline left");
        assertEquals(0.071 * half, plot.getDataset().getXValue(2, 0), 1e-12, "kd right");
        assertEquals(79.11, plot.getDataset().getYValue(1, 0), 1e-9);
        assertEquals("10x", CostPlot.magnificationLabel(10.0));
        render(chart, "cost.png", 1000, 650);
    }

    /**
     * A teacher at 100% used to push the axis to 110 with a "105" tick; the room above the data
     * stays (for the magnification labels) but no tick reads more than 100.
     */
    @Test
    void percentAxisHasNoTickAbove100() {
        List<CostPoint> points =
                List.of(
                        new CostPoint("teacher", 5, 0.5, 1.0, 1.0, 1.0),
                        new CostPoint("baseline", 1.25, 0.05, 0.6, 0.5, 0.7));
        JFreeChart chart = Plots.costChart(points, "t", "Accuracy (%)");
        java.awt.image.BufferedImage img = chart.createBufferedImage(800, 500);
        assertNotNull(img);
        org.jfree.chart.axis.NumberAxis y =
                (org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getRangeAxis();
        assertTrue(y instanceof PercentAxis);
        assertTrue(y.getUpperBound() > 100, "room for the labels above 100");
        java.awt.Graphics2D g = img.createGraphics();
        @SuppressWarnings("unchecked")
        List<org.jfree.chart.axis.Tick> ticks =
                y.refreshTicks(
                        g,
                        new org.jfree.chart.axis.AxisState(),
                        new java.awt.geom.Rectangle2D.Double(0, 0, 700, 400),
                        org.jfree.chart.ui.RectangleEdge.LEFT);
        g.dispose();
        assertFalse(ticks.isEmpty());
        for (org.jfree.chart.axis.Tick t : ticks) {
            assertTrue(((org.jfree.chart.axis.ValueTick) t).getValue() <= 100, t.getText());
        }
    }

    /**
     * Arms that share a magnification used to print the same label ("0.625x") at almost the same
     * place; now no point carries a label and each magnification is written once, on a marker at
     * its cost.
     */
    @Test
    void eachMagnificationIsLabelledOnceAtItsCost() {
        XYPlot plot = Plots.costChart(samplePoints(), "t", "Accuracy (%)").getXYPlot();
        assertFalse(plot.getRenderer().getDefaultItemLabelsVisible(), "no per-point labels");
        Map<String, Double> markers = new LinkedHashMap<>();
        for (Object o : plot.getDomainMarkers(Layer.BACKGROUND)) {
            ValueMarker m = (ValueMarker) o;
            assertNull(markers.put(m.getLabel(), m.getValue()), "one label per magnification");
        }
        Map<String, Double> want =
                Map.of("10x", 18.2, "0.625x", 0.071, "1.25x", 0.284, "2.5x", 1.14, "5x", 4.55);
        assertEquals(want.keySet(), markers.keySet());
        want.forEach((k, v) -> assertEquals(v, markers.get(k), 1e-12 * v, k));
    }

    @Test
    void barChartRenders() throws IOException {
        String[] modes = {"lanczos", "bilinear", "nearest"};
        String[] mags = {"0.625x", "1.25x", "2.5x", "5x"};
        List<BarPoint> bars = new java.util.ArrayList<>();
        for (int m = 0; m < mags.length; m++) {
            for (int s = 0; s < modes.length; s++) {
                double v = 0.55 + 0.05 * m - 0.02 * s;
                bars.add(new BarPoint(mags[m], modes[s], v, v - 0.035, v + 0.03));
            }
        }
        JFreeChart chart =
                Plots.barChart(bars, "Resize ablation: macro F1", "Magnification", "F1 (%)");
        assertEquals(3, chart.getCategoryPlot().getDataset().getRowCount());
        assertEquals(4, chart.getCategoryPlot().getDataset().getColumnCount());
        render(chart, "bars.png", 900, 600);
        List<BarPoint> dup = List.of(bars.get(0), bars.get(0));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Plots.barChart(dup, "", "", ""));
        assertTrue(e.getMessage().contains("lanczos"), e.getMessage());
    }

    @Test
    void curveChartRendersWithTwoAxes() throws IOException {
        int epochs = 40;
        double[] loss = new double[epochs];
        double[] valLoss = new double[epochs];
        double[] valAcc = new double[epochs];
        for (int i = 0; i < epochs; i++) {
            loss[i] = 1.1 * Math.exp(-i / 12.0) + 0.2;
            valLoss[i] = 1.0 * Math.exp(-i / 15.0) + 0.35;
            valAcc[i] = i % 5 == 4 ? Double.NaN : 0.5 + 0.35 * (1 - Math.exp(-i / 10.0));
        }
        JFreeChart chart =
                Plots.curveChart(
                        List.of(
                                Curve.perEpoch("train loss", loss, false),
                                Curve.perEpoch("val loss", valLoss, false),
                                Curve.perEpoch("val accuracy", valAcc, true)),
                        "Training",
                        "Loss",
                        "Accuracy");
        assertEquals(2, chart.getXYPlot().getDatasetCount());
        assertEquals("Accuracy", chart.getXYPlot().getRangeAxis(1).getLabel());
        render(chart, "curves.png", 800, 500);
    }

    @Test
    void rejectsBadPoints() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new CostPoint("kd", 2.5, 0, 0.8, 0.7, 0.9));
        assertTrue(e.getMessage().contains("gflops = 0.0"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> new CostPoint("kd", 2.5, 1, 0.8, 0.9, 0.7));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Curve("x", new double[] {1, 2}, new double[] {1}, false));
        assertThrows(IllegalArgumentException.class, () -> Plots.costChart(List.of(), "", ""));
    }

    private void render(JFreeChart chart, String name, int w, int h) throws IOException {
        Path png = tmp.resolve("sub").resolve(name);
        Plots.savePng(chart, png, w, h);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "PNG did not decode");
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < h; y += 3) {
            for (int x = 0; x < w; x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "image looks blank: " + colours.size() + " colours");
        try (var files = Files.list(png.getParent())) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
        String keep = System.getenv("LOWMAG_PLOT_DIR");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.copy(png, Path.of(keep, name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
