package org.lowmag.experiment;

import java.io.PrintStream;
import java.util.Locale;
import org.lowmag.util.Progress;

/**
 * Progress across an experiment: a line before each run ({@code [experiment 3/9] kd-2.5x (distill,
 * 15 epochs) ...}) and one after it with the elapsed time and an estimate for the rest.
 *
 * <p>The estimate assumes time proportional to work units: for a run of {@code E} remaining epochs
 * over {@code N} tissues at magnification {@code m} (teacher at {@code M}), {@code units = E * N *
 * w}, with {@code w = 3 m^2} for training (forward and backward), {@code w = M^2 + 3 m^2} for
 * distillation (the teacher only runs forward) and {@code w = m^2} for fine-tuning (one forward
 * pass; the backward pass stops at the last layer). Seconds per unit are measured on the runs made
 * so far in this invocation: {@code ETA = sum(remaining units) * seconds / units done}.
 */
final class ExperimentProgress {

    private final PrintStream out;
    private final int total;
    private final double teacherMag;
    private double unitsDone;
    private double secondsDone;

    /**
     * @param out where lines go (stderr, beside the jobs' own bars)
     * @param total the number of runs
     * @param teacherMag the teacher's magnification
     */
    ExperimentProgress(PrintStream out, int total, double teacherMag) {
        this.out = out;
        this.total = total;
        this.teacherMag = teacherMag;
    }

    /**
     * @param r a run
     * @param epochs epochs still to do
     * @param tissues tissues per epoch
     * @return its work units
     */
    double units(RunSpec r, int epochs, int tissues) {
        double m2 = r.magnification() * r.magnification();
        double w =
                switch (r.kind()) {
                    case TRAIN -> 3 * m2;
                    case DISTILL -> teacherMag * teacherMag + 3 * m2;
                    case FINETUNE -> m2;
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
