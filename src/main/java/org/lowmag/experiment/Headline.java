package org.lowmag.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lowmag.report.ReportDocument;
import org.lowmag.slide.Magnification;

/**
 * The report's headline: the teacher, then per student magnification the arm {@link HeadlineRule}
 * picks, with the arms it tied with on accuracy and what broke the tie, and every degenerate model
 * ({@link org.lowmag.eval.Degeneracy}: a class never predicted, or one predicted for every tissue)
 * named with what it does.
 */
final class Headline {

    private Headline() {}

    /**
     * Adds the headline section (nothing when nothing is evaluated).
     *
     * @param doc the document
     * @param config the configuration
     * @param plan the plan
     * @param res the results
     */
    static void write(
            ReportDocument doc,
            ExperimentConfig config,
            ExperimentPlan plan,
            ExperimentResults res) {
        List<String> lines = new ArrayList<>();
        SeedCell teacher = res.teacher();
        if (!teacher.isEmpty()) {
            lines.add(
                    "Teacher ("
                            + mag(teacher.magnification())
                            + "): "
                            + accuracies(teacher)
                            + "."
                            + flag(teacher));
        }
        for (double m : config.studentMags()) {
            line(plan, res, m, teacher).ifPresent(lines::add);
        }
        if (lines.isEmpty()) {
            return;
        }
        doc.heading(2, "Headline");
        doc.paragraph(
                "The best arm per magnification is chosen by a fixed rule: "
                        + HeadlineRule.TEXT
                        + (config.severalSeeds() ? " (each value the mean over seeds)" : "")
                        + ". A model is DEGENERATE when it never predicts a class or predicts one"
                        + " class for every test tissue.");
        lines.forEach(doc::paragraph);
    }

    private static Optional<String> line(
            ExperimentPlan plan, ExperimentResults res, double m, SeedCell teacher) {
        List<HeadlineRule.Candidate> candidates = new ArrayList<>();
        List<SeedCell> cells = new ArrayList<>();
        for (ExperimentPlan.ArmColumn col : plan.arms()) {
            SeedCell c = res.cell(col.arm(), m);
            if (!c.isEmpty()) {
                candidates.add(
                        new HeadlineRule.Candidate(
                                col.label(),
                                c.spread(Metric.ACCURACY).mean(),
                                c.spread(Metric.F1).mean(),
                                c.gflopsMean()));
                cells.add(c);
            }
        }
        Optional<HeadlineRule.Choice> choice = HeadlineRule.choose(candidates);
        if (choice.isEmpty()) {
            return Optional.empty();
        }
        HeadlineRule.Choice ch = choice.get();
        SeedCell best = cells.get(candidates.indexOf(ch.best()));
        StringBuilder s = new StringBuilder();
        s.append(mag(m)).append(": best ").append(ch.best().label());
        s.append(", ").append(accuracies(best));
        s.append(", macro F1 ").append(ResultTables.metric(best, Metric.F1));
        if (!teacher.isEmpty()) {
            s.append(
                    String.format(
                            Locale.ROOT,
                            ", at %.3g of the teacher's FLOPs",
                            best.gflopsMean() / teacher.gflopsMean()));
        }
        s.append('.').append(tie(ch)).append(flag(best));
        List<String> others = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            List<String> d = cells.get(i).degenerateRuns();
            if (cells.get(i) != best && !d.isEmpty()) {
                others.add(candidates.get(i).label() + " " + String.join("; ", d));
            }
        }
        if (!others.isEmpty()) {
            s.append(" Also DEGENERATE: ").append(String.join("; ", others)).append('.');
        }
        return Optional.of(s.toString());
    }

    /** " TIE: KD has the same accuracy; decided by macro F1 (...)." or empty without a tie. */
    private static String tie(HeadlineRule.Choice ch) {
        if (ch.tiedOnAccuracy().isEmpty()) {
            return "";
        }
        return " TIE: "
                + labels(ch.tiedOnAccuracy())
                + (ch.tiedOnAccuracy().size() == 1 ? " has" : " have")
                + " the same accuracy; decided by "
                + ch.decidedBy().words()
                + " ("
                + evidence(ch)
                + ").";
    }

    /** The values that broke the tie, best first: macro F1 or GFLOPs. */
    private static String evidence(HeadlineRule.Choice ch) {
        if (ch.decidedBy() == HeadlineRule.DecidedBy.ORDER) {
            return "accuracy, macro F1 and GFLOPs all equal";
        }
        boolean f1 = ch.decidedBy() == HeadlineRule.DecidedBy.F1;
        List<String> parts = new ArrayList<>();
        List<HeadlineRule.Candidate> all = new ArrayList<>(List.of(ch.best()));
        all.addAll(ch.tiedOnAccuracy());
        for (HeadlineRule.Candidate c : all) {
            parts.add(
                    f1
                            ? String.format(Locale.ROOT, "%s %.2f", c.label(), 100 * c.f1())
                            : String.format(Locale.ROOT, "%s %.4g", c.label(), c.gflops()));
        }
        return (f1 ? "macro F1 " : "GFLOPs ") + String.join(", ", parts);
    }

    private static String labels(List<HeadlineRule.Candidate> cs) {
        return String.join(" and ", cs.stream().map(HeadlineRule.Candidate::label).toList());
    }

    /** A warning sentence when the cell has a degenerate run, else empty. */
    static String flag(SeedCell c) {
        List<String> d = c.degenerateRuns();
        if (d.isEmpty()) {
            return "";
        }
        return " DEGENERATE: " + (c.severalSeeds() ? "" : "it ") + String.join("; ", d) + ".";
    }

    private static String accuracies(SeedCell r) {
        return "accuracy "
                + ResultTables.metric(r, Metric.ACCURACY)
                + ", exact accuracy "
                + ResultTables.metric(r, Metric.EXACT_ACCURACY);
    }

    private static String mag(double m) {
        return Magnification.format(m) + "x";
    }
}
