package org.lowmag.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lowmag.eval.ConfusionMatrix;
import org.lowmag.eval.Degeneracy;
import org.lowmag.eval.Spread;

/**
 * One cell of the grid (the teacher, an arm at a magnification, an ablation bar) over the seeds:
 * the results of those of its runs that are evaluated, in seed order. With one seed it holds at
 * most one result.
 *
 * @param base the cell's base run name, e.g. {@code kd-2.5x}
 * @param seeds the experiment's seeds
 * @param results the evaluated runs, in seed order (those not evaluated yet are left out)
 */
public record SeedCell(String base, List<Long> seeds, List<RunResult> results) {

    /** Copies. */
    public SeedCell {
        seeds = List.copyOf(seeds);
        results = List.copyOf(results);
    }

    /**
     * @return whether none of its runs is evaluated
     */
    public boolean isEmpty() {
        return results.isEmpty();
    }

    /**
     * @return whether the experiment has several seeds (so the cell shows a spread)
     */
    public boolean severalSeeds() {
        return seeds.size() > 1;
    }

    /**
     * @return its first evaluated run (the only one with one seed)
     */
    public RunResult first() {
        return results.get(0);
    }

    /**
     * @param seed one of the seeds
     * @return that seed's result, if evaluated
     */
    public Optional<RunResult> ofSeed(long seed) {
        return results.stream().filter(r -> r.seed() == seed).findFirst();
    }

    /**
     * @param m a metric
     * @return the spread of its point values over the evaluated runs
     */
    public Spread spread(Metric m) {
        return Spread.of(results.stream().map(r -> r.get(m).value()).toList());
    }

    /**
     * @return the mean over the evaluated runs of the GFLOPs per forward pass
     */
    public double gflopsMean() {
        return results.stream().mapToDouble(RunResult::gflopsMean).average().orElseThrow();
    }

    /**
     * @return the mean over the evaluated runs of the measured seconds per tissue (each the median
     *     of its timed passes)
     */
    public double secondsPerTissue() {
        return results.stream().mapToDouble(RunResult::secondsPerTissue).average().orElseThrow();
    }

    /**
     * @return the sum of its runs' confusion matrices: with one seed the run's own
     */
    public ConfusionMatrix pooledConfusion() {
        int k = first().confusion().classes();
        int[][] sum = new int[k][k];
        for (RunResult r : results) {
            for (int t = 0; t < k; t++) {
                for (int p = 0; p < k; p++) {
                    sum[t][p] += r.confusion().count(t, p);
                }
            }
        }
        return ConfusionMatrix.ofCounts(sum);
    }

    /**
     * @return one line per degenerate run ({@link Degeneracy}): {@code "never predicts blue"} with
     *     one seed, {@code "seed 1 never predicts blue"} with several; empty when none is
     */
    public List<String> degenerateRuns() {
        List<String> out = new ArrayList<>();
        for (RunResult r : results) {
            Degeneracy d = r.degeneracy();
            if (d.degenerate()) {
                String what = d.describe(r.classes());
                out.add(severalSeeds() ? "seed " + r.seed() + " " + what : what);
            }
        }
        return out;
    }

    /**
     * @return the seconds per tissue of its fastest timed pass (over all its runs)
     */
    public double secondsPerTissueMin() {
        return results.stream().mapToDouble(r -> r.timing().minPerItem()).min().orElseThrow();
    }

    /**
     * @return the seconds per tissue of its slowest timed pass (over all its runs)
     */
    public double secondsPerTissueMax() {
        return results.stream().mapToDouble(r -> r.timing().maxPerItem()).max().orElseThrow();
    }

    /**
     * @return the timed passes per run, e.g. {@code "5"}, or {@code "1-5"} when its runs differ
     */
    public String timedPasses() {
        int lo = results.stream().mapToInt(r -> r.timing().timedPasses()).min().orElseThrow();
        int hi = results.stream().mapToInt(r -> r.timing().timedPasses()).max().orElseThrow();
        return lo == hi ? Integer.toString(lo) : lo + "-" + hi;
    }

    /**
     * @return the magnification of its runs
     */
    public double magnification() {
        return first().magnification();
    }
}
