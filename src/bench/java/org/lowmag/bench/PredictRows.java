package org.lowmag.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rows of the end-to-end prediction benchmark ({@link PredictBench}): for each slide, each student
 * against the teacher (the highest magnification measured), in slides per second, so that the ratio
 * is the speed-up {@code teacher s/slide / student s/slide}. The target is {@code 0.6 x} the FLOP
 * ratio {@code teacher GFLOPs / student GFLOPs} of that slide. The figure text carries the
 * student's time split (detection, reading, inference) so a missed target shows its cause.
 */
final class PredictRows {

    /** The measured speed-up must reach this fraction of the FLOP ratio. */
    static final double TARGET_FRACTION = 0.6;

    private static final String SECTION = "7 predict end to end";

    private final Map<String, RawResults.Entry> raw;

    PredictRows(Map<String, RawResults.Entry> raw) {
        this.raw = raw;
    }

    void addTo(List<ReportRow> rows) {
        Map<String, TreeSet<Double>> mags = new TreeMap<>();
        for (String k : raw.keySet()) {
            String[] p = k.split("/");
            if (p.length == 4 && p[0].equals("predict") && p[3].equals("seconds")) {
                mags.computeIfAbsent(p[1], s -> new TreeSet<>())
                        .add(Double.parseDouble(p[2].substring(0, p[2].length() - 1)));
            }
        }
        for (Map.Entry<String, TreeSet<Double>> e : mags.entrySet()) {
            String slide = e.getKey();
            double teacher = e.getValue().last();
            for (double student : e.getValue().descendingSet()) {
                if (student == teacher) {
                    continue;
                }
                Samples ts = get(slide, teacher, "seconds");
                Samples ss = get(slide, student, "seconds");
                double flopRatio =
                        get(slide, teacher, "gflops").median()
                                / get(slide, student, "gflops").median();
                String figure =
                        String.format(
                                Locale.ROOT,
                                "%s: %sx vs %sx, slides/s (FLOP ratio %s; %sx: detect %s + read"
                                        + " %s + infer %s s; %sx: %s + %s + %s s)",
                                slide,
                                PredictBench.fmt(student),
                                PredictBench.fmt(teacher),
                                Format.num(flopRatio),
                                PredictBench.fmt(student),
                                Format.num(get(slide, student, "detect").median()),
                                Format.num(get(slide, student, "read").median()),
                                Format.num(get(slide, student, "infer").median()),
                                PredictBench.fmt(teacher),
                                Format.num(get(slide, teacher, "detect").median()),
                                Format.num(get(slide, teacher, "read").median()),
                                Format.num(get(slide, teacher, "infer").median()));
                rows.add(
                        new ReportRow(
                                SECTION,
                                figure,
                                ss.map(v -> 1 / v),
                                "slides/s",
                                "teacher " + PredictBench.fmt(teacher) + "x",
                                ts.map(v -> 1 / v),
                                TARGET_FRACTION * flopRatio,
                                Double.NaN,
                                false));
            }
        }
    }

    private Samples get(String slide, double mag, String what) {
        RawResults.Entry e =
                raw.get("predict/" + slide + "/" + PredictBench.fmt(mag) + "x/" + what);
        if (e == null) {
            throw new IllegalStateException(
                    "raw results lack predict/" + slide + "/" + mag + "x/" + what);
        }
        return e.samples();
    }
}
