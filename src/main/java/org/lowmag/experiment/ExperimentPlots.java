package org.lowmag.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lowmag.eval.Estimate;
import org.lowmag.eval.Spread;
import org.lowmag.report.BarPoint;
import org.lowmag.report.CostPoint;
import org.lowmag.report.Plots;
import org.lowmag.slide.Magnification;

/**
 * The report's charts: a metric versus GFLOPs per forward pass (paper Figure 3; log x, CI bars, one
 * line per arm, points labelled by magnification, the teacher a single point) and the resize
 * ablation as grouped bars with CIs (Supplementary Figure 1). With several seeds a point or bar is
 * the mean over the evaluated seeds and its whisker spans their minimum to maximum (not a CI).
 */
final class ExperimentPlots {

    private static final List<Metric> ABLATION_METRICS =
            List.of(Metric.ACCURACY, Metric.F1, Metric.PRECISION, Metric.RECALL);

    private ExperimentPlots() {}

    /**
     * Writes the cost chart of one metric.
     *
     * @param png the target file
     * @param metric the metric on the y axis
     * @param labelled the models: arm label and runs (teacher first), each with an evaluated run
     * @return whether a chart was written (false when nothing is evaluated yet)
     * @throws IOException when the file cannot be written
     */
    static boolean cost(Path png, Metric metric, List<Labelled> labelled) throws IOException {
        List<CostPoint> points = new ArrayList<>();
        for (Labelled l : labelled) {
            Estimate e = shown(l.cell(), metric);
            points.add(
                    new CostPoint(
                            l.label(),
                            l.cell().magnification(),
                            l.cell().gflopsMean(),
                            e.value(),
                            e.ciLow(),
                            e.ciHigh()));
        }
        if (points.isEmpty()) {
            return false;
        }
        Plots.savePng(
                Plots.costChart(
                        points,
                        "Test " + shortName(metric) + " versus computational cost",
                        metric.label() + ", %"),
                png);
        return true;
    }

    /**
     * Writes the ablation chart: bars per resize mode, grouped by metric (and magnification when
     * there are several).
     *
     * @param png the target file
     * @param ablation the ablation settings
     * @param cells the plan's cells
     * @param res the results
     * @return whether a chart was written (false when no ablation run is evaluated)
     * @throws IOException when the file cannot be written
     */
    static boolean ablation(
            Path png,
            Ablation ablation,
            List<ExperimentPlan.AblationCell> cells,
            ExperimentResults res)
            throws IOException {
        List<BarPoint> bars = new ArrayList<>();
        boolean severalMags = ablation.mags().size() > 1;
        for (ExperimentPlan.AblationCell c : cells) {
            SeedCell r = res.ablation(c);
            if (r.isEmpty()) {
                continue;
            }
            for (Metric m : ABLATION_METRICS) {
                String group =
                        severalMags
                                ? groupName(m) + " " + Magnification.format(c.magnification()) + "x"
                                : groupName(m);
                Estimate e = shown(r, m);
                bars.add(
                        new BarPoint(
                                group,
                                ResultTables.resizeLabel(c.resize()),
                                e.value(),
                                e.ciLow(),
                                e.ciHigh()));
            }
        }
        if (bars.isEmpty()) {
            return false;
        }
        String mags =
                String.join(
                        ", ",
                        ablation.mags().stream().map(m -> Magnification.format(m) + "x").toList());
        Plots.savePng(
                Plots.barChart(
                        sortByGroup(bars),
                        "Resize ablation of the pixel loss (" + mags + ")",
                        "",
                        "Test metric, % (accuracy: macro one-vs-rest)"),
                png);
        return true;
    }

    /**
     * @param c a cell with an evaluated run
     * @param m a metric
     * @return what its point shows: the run's value and CI with one seed; with several the mean
     *     over seeds and the range from the smallest to the largest seed's value
     */
    static Estimate shown(SeedCell c, Metric m) {
        if (!c.severalSeeds()) {
            return c.first().get(m);
        }
        Spread s = c.spread(m);
        return new Estimate(s.mean(), s.min(), s.max());
    }

    /** Orders bars so that every group's series keep the configured resize order. */
    private static List<BarPoint> sortByGroup(List<BarPoint> bars) {
        List<String> groups = bars.stream().map(BarPoint::group).distinct().toList();
        List<BarPoint> out = new ArrayList<>();
        for (String g : groups) {
            bars.stream().filter(b -> b.group().equals(g)).forEach(out::add);
        }
        return out;
    }

    private static String groupName(Metric m) {
        String s = shortName(m);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String shortName(Metric m) {
        return switch (m) {
            case ACCURACY -> "accuracy";
            case EXACT_ACCURACY -> "exact accuracy";
            case F1 -> "F1";
            case PRECISION -> "precision";
            case RECALL -> "recall";
        };
    }

    /**
     * A cell of the grid with its arm's label.
     *
     * @param label e.g. "KD (aux)"
     * @param cell its runs over the seeds, at least one evaluated
     */
    record Labelled(String label, SeedCell cell) {}
}
