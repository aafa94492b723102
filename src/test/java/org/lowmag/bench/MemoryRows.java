package org.lowmag.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The memory section of the report. Peak resident memory grows linearly with the tissue's pixels
 * (activations kept for backward), so the two largest measured sizes give {@code GiB = a + b *
 * pixels}; from it the peak at 8192x8192 (unless measured) and the largest square tissue that
 * trains within the limit: {@code side = sqrt((limit - a) / b)}.
 */
final class MemoryRows {

    private static final String SECTION = "6 memory (training)";
    private static final int BIG_SIDE = 8192;

    private final Map<String, RawResults.Entry> raw;
    private final double limitGib;

    MemoryRows(Map<String, RawResults.Entry> raw, double limitGib) {
        this.raw = raw;
        this.limitGib = limitGib;
    }

    void addTo(List<ReportRow> rows) {
        TreeMap<Integer, Double> peaks = new TreeMap<>();
        for (Map.Entry<String, RawResults.Entry> e : raw.entrySet()) {
            String[] p = e.getKey().split("/");
            if (p.length == 2 && p[0].equals("memory")) {
                peaks.put(Integer.parseInt(p[1]), e.getValue().samples().median());
            }
        }
        for (Map.Entry<Integer, Double> e : peaks.entrySet()) {
            int side = e.getKey();
            RawResults.Entry composite = raw.get("memory/" + side + "/composite");
            rows.add(
                    new ReportRow(
                            SECTION,
                            "peak RSS, paper, one " + side + " px tissue",
                            one(e.getValue()),
                            "GiB",
                            composite == null ? null : "composite (before)",
                            composite == null ? null : composite.samples(),
                            Double.NaN,
                            Double.NaN,
                            false));
        }
        for (int side : peaks.keySet()) {
            RawResults.Entry fused = raw.get("memory/" + side + "/step");
            RawResults.Entry composite = raw.get("memory/" + side + "/composite/step");
            if (fused != null && composite != null) {
                rows.add(
                        new ReportRow(
                                SECTION,
                                side + " px training step time, fused GN + Adam vs composite",
                                fused.samples(),
                                "s",
                                "composite (before)",
                                composite.samples(),
                                Double.NaN,
                                Double.NaN,
                                false));
            }
        }
        TreeMap<Integer, Double> fit = new TreeMap<>(peaks);
        fit.remove(BIG_SIDE);
        if (fit.size() < 2) {
            return;
        }
        int s1 = fit.lowerKey(fit.lastKey());
        int s2 = fit.lastKey();
        double px1 = (double) s1 * s1;
        double px2 = (double) s2 * s2;
        double b = (fit.get(s2) - fit.get(s1)) / (px2 - px1);
        double a = fit.get(s1) - b * px1;
        boolean measured = peaks.containsKey(BIG_SIDE);
        double big = measured ? peaks.get(BIG_SIDE) : a + b * BIG_SIDE * (double) BIG_SIDE;
        rows.add(
                new ReportRow(
                        SECTION,
                        BIG_SIDE
                                + " px tissue, peak RSS vs limit ("
                                + (measured ? "measured" : "extrapolated from " + s1 + ", " + s2)
                                + ")",
                        one(big),
                        "GiB",
                        "limit",
                        one(limitGib),
                        Double.NaN,
                        1.0,
                        true));
        rows.add(
                ReportRow.alone(
                        SECTION,
                        "largest square tissue within "
                                + Format.num(limitGib)
                                + " GiB (linear fit)",
                        one(Math.sqrt((limitGib - a) / b)),
                        "px side"));
        rows.add(
                ReportRow.alone(
                        SECTION,
                        "memory per tissue pixel (fit slope)",
                        one(b * 1024 * 1024 * 1024),
                        "B/px"));
    }

    private static Samples one(double v) {
        return new Samples(new double[] {v});
    }
}
