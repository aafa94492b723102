package org.lowmag.experiment;

import java.io.PrintStream;
import java.util.Locale;
import org.lowmag.util.Progress;

/**
 * Progress across an experiment: a line before each run ({@code [experiment 3/9] kd-2.5x (distill,
 * 15 epochs) ...}) and one after it with the elapsed time and an estimate for the rest.
 *
 * <p>The estimate assumes time proportional to work units. One forward pass over a tissue of {@code
 * p} pixels costs {@code p + P0} units, where {@code P0 =} {@value #PASS_OVERHEAD_PX} pixel
 * equivalents is the fixed cost of a pass (kernel launches, small-tensor overheads: on 2 CPU cores,
 * a 50x50 px tissue costs about a third of a 200x200 px one, not a sixteenth); a training step is
 * three passes (forward and backward). For a run of {@code E} remaining epochs over {@code N}
 * tissues of mean size {@code p} at the student's magnification ({@code q} at the teacher's):
 * {@code units = E * N * w} with {@code w = 3 (p + P0)} for training, {@code w = (q + P0) + 3 (p +
 * P0)} for distillation (the teacher only runs forward) and {@code w = p + P0} for fine-tuning (the
 * backward pass stops at the last layer). Seconds per unit are measured on the runs made so far in
 * this invocation: {@code ETA = sum(remaining units) * seconds / units done}.
 */
final class ExperimentProgress {

    /** Fixed cost of one forward pass, in pixel equivalents ({@code P0}). */
    static final double PASS_OVERHEAD_PX = 16_384;

    private final PrintStream out;
    private final int total;
    private double unitsDone;
    private double secondsDone;

    /**
     * @param out where lines go (stderr, beside the jobs' own bars)
     * @param total the number of runs
     */
    ExperimentProgress(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    /**
     * @param r a run
     * @param epochs epochs still to do
     * @param tissues tissues per epoch
     * @param studentPx mean pixels of those tissues at the run's magnification
     * @param teacherPx mean pixels of those tissues at the teacher's magnification (used only by
     *     distillation)
     * @return its work units
     */
    static double units(RunSpec r, int epochs, int tissues, double studentPx, double teacherPx) {
        double pass = studentPx + PASS_OVERHEAD_PX;
        double w =
                switch (r.kind()) {
                    case TRAIN -> 3 * pass;
                    case DISTILL -> teacherPx + PASS_OVERHEAD_PX + 3 * pass;
                    case FINETUNE -> pass;
                };
        return (double) epochs * tissues * w;
    }

    void line(int index, String text) {
        out.printf(Locale.ROOT, "[experiment %d/%d] %s%n", index, total, text);
        out.flush();
    }

    /**
     * Records a finished run and prints its time and the estimate for the rest.
     *
     * @param index its 1-based position
     * @param r the run
     * @param seconds how long it took
     * @param units its work units
     * @param unitsLeft the units of the runs still to make
     */
    void finished(int index, RunSpec r, double seconds, double units, double unitsLeft) {
        unitsDone += units;
        secondsDone += seconds;
        String eta =
                unitsLeft <= 0
                        ? "nothing left to train"
                        : unitsDone > 0
                                ? "about "
                                        + Progress.formatSeconds(
                                                unitsLeft * secondsDone / unitsDone)
                                        + " left for the other runs"
                                : "no estimate yet";
        line(index, r.name() + " done in " + Progress.formatSeconds(seconds) + "; " + eta);
    }
}
