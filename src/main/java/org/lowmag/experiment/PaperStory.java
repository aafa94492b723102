package org.lowmag.experiment;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lowmag.dataset.Csv;
import org.lowmag.eval.Estimate;
import org.lowmag.slide.Magnification;

/**
 * The paper's claim checked in plain words, per student magnification, from the paired comparisons
 * of exact accuracy (fraction correct; paired bootstrap 95% intervals, see {@link
 * PairedComparisons}). The claim: at low magnification a model trained from scratch (the baseline)
 * loses accuracy against the high-magnification teacher, and a distilled student recovers most of
 * it. With {@code L = teacher - baseline} (the loss) and {@code G = student - baseline} (the gain)
 * the student recovers the fraction {@code G / L}.
 *
 * <p>A distilled student (KD, and each KD arm with auxiliary data; fine-tuned arms aside) <b>shows
 * the paper's effect</b> when the baseline is clearly below the teacher (the interval of {@code
 * baseline - teacher} lies below 0), the student is clearly above the baseline (the interval of
 * {@code student - baseline} lies above 0) and {@code G / L >= 1/2}. Each student is judged and
 * named on its own; a magnification shows the effect when at least one does. Every other outcome is
 * said as it is: no measurable loss at low magnification, a gain whose interval includes 0, or a
 * gain smaller than half the loss.
 */
public final class PaperStory {

    /** The share of the loss a student must recover for the effect to count as shown. */
    static final double MOST = 0.5;

    /**
     * One paired difference, {@code A - B}, of exact accuracy (fractions).
     *
     * @param magnification the student magnification
     * @param labelA arm A's label ("KD (aux)")
     * @param labelB arm B's label ("Baseline", "Teacher (5x)")
     * @param diff the difference with its interval
     */
    public record Diff(double magnification, String labelA, String labelB, Estimate diff) {}

    /**
     * The story at one magnification.
     *
     * @param magnification the student magnification
     * @param text the plain-words paragraph
     * @param shown whether the magnification shows the paper's effect
     */
    public record Line(double magnification, String text, boolean shown) {}

    private PaperStory() {}

    /**
     * @param comparisons the report's paired comparisons
     * @return their exact-accuracy differences
     */
    static List<Diff> of(List<PairedComparisons.Comparison> comparisons) {
        return comparisons.stream()
                .map(
                        c ->
                                new Diff(
                                        c.magnification(),
                                        c.labelA(),
                                        c.labelB(),
                                        c.difference().exactAccuracy()))
                .toList();
    }

    /**
     * Reads {@code paired.csv} (see {@link PairedTable}).
     *
     * @param csv the file's text
     * @return its exact-accuracy differences
     * @throws IOException when it cannot be read
     */
    public static List<Diff> readPairedCsv(Reader csv) throws IOException {
        List<List<String>> rows = Csv.parse(csv);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> col = Csv.columns(rows.get(0));
        List<Diff> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            out.add(
                    new Diff(
                            Double.parseDouble(r.get(col.get("magnification"))),
                            r.get(col.get("arm_a")),
                            r.get(col.get("arm_b")),
                            new Estimate(
                                    Double.parseDouble(r.get(col.get("exact_accuracy_diff"))),
                                    Double.parseDouble(
                                            r.get(col.get("exact_accuracy_diff_ci_low"))),
                                    Double.parseDouble(
                                            r.get(col.get("exact_accuracy_diff_ci_high"))))));
        }
        return out;
    }

    /**
     * @param diffs the paired differences
     * @return one paragraph per student magnification that has the baseline, a distilled arm and
     *     the teacher compared, in the order of the magnifications
     */
    public static List<Line> lines(List<Diff> diffs) {
        Map<Double, List<Diff>> byMag = new LinkedHashMap<>();
        diffs.forEach(d -> byMag.computeIfAbsent(d.magnification(), k -> new ArrayList<>()).add(d));
        List<Line> out = new ArrayList<>();
        byMag.forEach((mag, ds) -> line(mag, ds).ifPresent(out::add));
        return out;
    }

    private static Optional<Line> line(double mag, List<Diff> ds) {
        Optional<Diff> baseTeacher =
                ds.stream()
                        .filter(d -> d.labelA().equals("Baseline") && isTeacher(d.labelB()))
                        .findFirst();
        List<Diff> students =
                ds.stream()
                        .filter(d -> d.labelB().equals("Baseline") && isDistilled(d.labelA()))
                        .toList();
        if (baseTeacher.isEmpty() || students.isEmpty()) {
            return Optional.empty();
        }
        Estimate loss = negate(baseTeacher.get().diff());
        boolean lossClear = loss.ciLow() > 0;
        String teacher = baseTeacher.get().labelB().toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        sb.append(Magnification.format(mag)).append("x: ");
        sb.append("the baseline (trained from scratch at this magnification) is ")
                .append(signed(loss.value(), "below", "above"))
                .append(" the ")
                .append(teacher)
                .append(' ')
                .append(interval(loss))
                .append(lossClear ? ", clearly below" : ", not clearly different")
                .append(").");
        List<String> showing = new ArrayList<>();
        List<String> unclear = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        for (Diff sd : students) {
            String student = sd.labelA();
            Estimate gain = sd.diff();
            boolean gainClear = gain.ciLow() > 0;
            double recovered = loss.value() > 0 ? gain.value() / loss.value() : Double.NaN;
            sb.append(' ')
                    .append(student)
                    .append(" is ")
                    .append(signed(gain.value(), "above", "below"))
                    .append(" the baseline ")
                    .append(interval(gain))
                    .append(clarity(gain))
                    .append(")");
            if (lossClear) {
                sb.append(
                        String.format(
                                Locale.ROOT,
                                ", recovering %.0f%% of the accuracy the baseline lost",
                                100 * recovered));
            }
            ds.stream()
                    .filter(d -> d.labelA().equals(student) && isTeacher(d.labelB()))
                    .findFirst()
                    .ifPresent(
                            st ->
                                    sb.append(", and ")
                                            .append(signed(st.diff().value(), "above", "below"))
                                            .append(" the teacher ")
                                            .append(interval(st.diff()))
                                            .append(clarity(st.diff()))
                                            .append(")"));
            sb.append('.');
            if (lossClear && gainClear && recovered >= MOST) {
                showing.add(student);
            } else if (lossClear && gainClear) {
                partial.add(student);
            } else {
                unclear.add(student);
            }
        }
        sb.append(' ');
        if (!lossClear) {
            sb.append(
                    "The paper's effect is not shown here: the baseline loses no measurable"
                            + " accuracy against the teacher, so there is nothing clear for"
                            + " distillation to recover.");
        } else if (showing.isEmpty()) {
            sb.append("The paper's effect is not shown here: the baseline loses accuracy, but ");
            sb.append(
                    partial.isEmpty()
                            ? "no distilled student's gain over it is clear (each interval reaches"
                                    + " 0 or below)."
                            : "the distilled students recover less than half of it.");
        } else {
            sb.append("This matches the paper")
                    .append(showing.size() == students.size() ? "" : " for " + and(showing))
                    .append(
                            ": at this magnification training from scratch loses accuracy, and"
                                    + " distillation recovers most of it");
            if (!unclear.isEmpty()) {
                sb.append("; ").append(and(unclear)).append("'s gain is not clear in this run");
            }
            if (!partial.isEmpty()) {
                sb.append("; ").append(and(partial)).append(" recovers less than half");
            }
            sb.append('.');
        }
        return Optional.of(new Line(mag, sb.toString(), !showing.isEmpty()));
    }

    /** KD and the KD (auxiliary) arms; not the fine-tuned ones. */
    private static boolean isDistilled(String label) {
        return label.equals("KD") || (label.startsWith("KD (") && !label.contains("+"));
    }

    private static String and(List<String> names) {
        return names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1))
                        + " and "
                        + names.get(names.size() - 1);
    }

    /** ", clearly above", ", clearly below" or ", not clearly different" for a difference. */
    private static String clarity(Estimate e) {
        return e.ciLow() > 0
                ? ", clearly above"
                : e.ciHigh() < 0 ? ", clearly below" : ", not clearly different";
    }

    private static boolean isTeacher(String label) {
        return label.startsWith("Teacher");
    }

    private static Estimate negate(Estimate e) {
        return new Estimate(-e.value(), -e.ciHigh(), -e.ciLow());
    }

    /** "12.3 points below" for 0.123 with words (below, above); "0.0 points" at 0. */
    private static String signed(double v, String positive, String negative) {
        if (Math.abs(v) < 5e-4) {
            return "level with";
        }
        return String.format(
                Locale.ROOT, "%.1f points %s", 100 * Math.abs(v), v > 0 ? positive : negative);
    }

    /**
     * The interval in the direction the words give: of {@code e} when its value is positive (or 0),
     * of {@code -e} when negative, so "3.0 points below (CI 1.0 to 5.0" reads the same way round.
     *
     * @return {@code "(paired 95% CI 1.0 to 5.0 points"}, without the closing parenthesis
     */
    private static String interval(Estimate e) {
        Estimate d = e.value() < 0 ? negate(e) : e;
        return String.format(
                Locale.ROOT,
                "(paired 95%% CI %.1f to %.1f points",
                points(d.ciLow()),
                points(d.ciHigh()));
    }

    /** Percentage points rounded to 0.1, with no "-0.0". */
    private static double points(double fraction) {
        return Math.round(1000 * fraction) / 10.0 + 0.0;
    }
}
