package org.lowmag.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rule that names the "best" arm at one magnification in the report's headline, stated there as
 * {@link #TEXT}. Over the candidates {@code i} with accuracy {@code a_i} (the paper's macro
 * one-vs-rest accuracy, the mean over seeds), macro F1 {@code f_i} and cost {@code g_i} (GFLOPs per
 * forward pass):
 *
 * <pre>
 *   A = { i : a_i &gt;= max_j a_j - TIE }             the arms tied on accuracy
 *   F = { i in A : f_i &gt;= max_{j in A} f_j - TIE }   of those, the arms tied on macro F1
 *   G = { i in F : g_i &lt;= min_{j in F} g_j + TIE }   of those, the cheapest
 *   best = the first of G in table order
 * </pre>
 *
 * {@code TIE = 1e-9} (values are fractions): on one test set of {@code N} tissues and {@code k}
 * classes two accuracies either coincide or differ by at least {@code 2 / (k N)}, so the tolerance
 * only absorbs rounding. Macro F1 breaks accuracy ties in favour of a model that predicts every
 * class: one that never predicts a class scores F1 0 on it.
 */
final class HeadlineRule {

    /** Values closer than this count as equal. */
    static final double TIE = 1e-9;

    /** The rule in words, for the report. */
    static final String TEXT =
            "the highest accuracy (macro one-vs-rest); an accuracy tie is broken by the higher"
                    + " macro F1, then by fewer GFLOPs per forward pass, then by table order";

    private HeadlineRule() {}

    /**
     * One arm at one magnification.
     *
     * @param label the arm's label, e.g. "KD (aux)"
     * @param accuracy its accuracy, fraction
     * @param f1 its macro F1, fraction
     * @param gflops its GFLOPs per forward pass
     */
    record Candidate(String label, double accuracy, double f1, double gflops) {}

    /** What decided the choice. */
    enum DecidedBy {
        /** No other arm reached the best accuracy. */
        ACCURACY("accuracy"),
        /** Several arms tied on accuracy; macro F1 decided. */
        F1("macro F1"),
        /** Tied on accuracy and macro F1; the lower cost decided. */
        GFLOPS("fewer GFLOPs"),
        /** Tied on all three; the first in table order was taken. */
        ORDER("table order");

        private final String words;

        DecidedBy(String words) {
            this.words = words;
        }

        /**
         * @return e.g. "macro F1"
         */
        String words() {
            return words;
        }
    }

    /**
     * The choice.
     *
     * @param best the headline arm
     * @param tiedOnAccuracy the other arms with the best accuracy (within {@link #TIE}), in table
     *     order; empty when none
     * @param decidedBy what decided between them
     */
    record Choice(Candidate best, List<Candidate> tiedOnAccuracy, DecidedBy decidedBy) {

        /** Copies. */
        Choice {
            tiedOnAccuracy = List.copyOf(tiedOnAccuracy);
        }
    }

    /**
     * @param candidates the evaluated arms in table order
     * @return the choice, or empty when there is no candidate
     */
    static Optional<Choice> choose(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        double bestAcc = candidates.stream().mapToDouble(Candidate::accuracy).max().orElseThrow();
        List<Candidate> a = keep(candidates, c -> c.accuracy() >= bestAcc - TIE);
        double bestF1 = a.stream().mapToDouble(Candidate::f1).max().orElseThrow();
        List<Candidate> f = keep(a, c -> c.f1() >= bestF1 - TIE);
        double cheapest = f.stream().mapToDouble(Candidate::gflops).min().orElseThrow();
        List<Candidate> g = keep(f, c -> c.gflops() <= cheapest + TIE);
        Candidate best = g.get(0);
        DecidedBy by =
                a.size() == 1
                        ? DecidedBy.ACCURACY
                        : f.size() == 1
                                ? DecidedBy.F1
                                : g.size() == 1 ? DecidedBy.GFLOPS : DecidedBy.ORDER;
        List<Candidate> tied = new ArrayList<>(a);
        tied.remove(best);
        return Optional.of(new Choice(best, tied, by));
    }

    private static List<Candidate> keep(
            List<Candidate> cs, java.util.function.Predicate<Candidate> p) {
        return cs.stream().filter(p).toList();
    }
}
