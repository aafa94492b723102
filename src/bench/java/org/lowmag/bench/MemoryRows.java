package org.lowmag.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The memory section of the report, for ordinary training (keys {@code memory/SIZE}) and training
 * with activation checkpointing (keys {@code memory/SIZE/checkpoint}): the peak per size, the
 * checkpointed peak and step time against the ordinary ones, and for each of the two a linear fit.
 * Peak resident memory grows about linearly with the tissue's pixels, so the two largest measured
 * sizes give {@code GiB = a + b * pixels}; from it the peak at 8192x8192 (unless measured) and the
 * largest square tissue that trains within the limit: {@code side = sqrt((limit - a) / b)}. The
 * target, an 8192 px tissue training within the limit, is judged on the checkpointed series when
 * there is one (training checkpoints such tissues), else on the ordinary one.
 */
final class MemoryRows {

    private static final String SECTION = "6 memory (training)";
    private static final int BIG_SIDE = 8192;
    private static final String CHECKPOINT = "checkpoint";

    private final Map<String, RawResults.Entry> raw;
    private final double limitGib;

    MemoryRows(Map<String, RawResults.Entry> raw, double limitGib) {
        this.raw = raw;
        this.limitGib = limitGib;
    }

    void addTo(List<ReportRow> rows) {
        TreeMap<Integer, Double> peaks = peaks("");
        TreeMap<Integer, Double> checkpointed = peaks(CHECKPOINT);
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
        for (Map.Entry<Integer, Double> e : checkpointed.entrySet()) {
            int side = e.getKey();
            Double ordinary = peaks.get(side);
            rows.add(
                    new ReportRow(
                            SECTION,
                            "peak RSS, paper, one " + side + " px tissue, activations checkpointed",
                            one(e.getValue()),
                            "GiB",
                            ordinary == null ? null : "not checkpointed",
                            ordinary == null ? null : one(ordinary),
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
        for (int side : checkpointed.keySet()) {
            RawResults.Entry with = raw.get("memory/" + side + "/" + CHECKPOINT + "/step");
            RawResults.Entry without = raw.get("memory/" + side + "/step");
            if (with != null) {
                rows.add(
                        new ReportRow(
                                SECTION,
                                side + " px training step time, activations checkpointed",
                                with.samples(),
                                "s",
                                without == null ? null : "not checkpointed",
                                without == null ? null : without.samples(),
                                Double.NaN,
                                Double.NaN,
                                false));
            }
        }
        boolean judgeCheckpointed = checkpointed.containsKey(BIG_SIDE) || checkpointed.size() >= 2;
        addFit(rows, peaks, "without checkpointing", !judgeCheckpointed);
        addFit(rows, checkpointed, "activations checkpointed", judgeCheckpointed);
    }

    /** Peak GiB by side for a tag ({@code ""}: ordinary training). */
    private TreeMap<Integer, Double> peaks(String tag) {
        TreeMap<Integer, Double> out = new TreeMap<>();
        for (Map.Entry<String, RawResults.Entry> e : raw.entrySet()) {
            String[] p = e.getKey().split("/");
            boolean match = tag.isEmpty() ? p.length == 2 : p.length == 3 && p[2].equals(tag);
            if (match && p[0].equals("memory")) {
                out.put(Integer.parseInt(p[1]), e.getValue().samples().median());
            }
        }
        return out;
    }

    private void addFit(
            List<ReportRow> rows, TreeMap<Integer, Double> peaks, String mode, boolean target) {
        boolean measured = peaks.containsKey(BIG_SIDE);
        double a = Double.NaN;
        double b = Double.NaN;
        String from = "";
        if (peaks.size() >= 2) {
            int s1 = peaks.lowerKey(peaks.lastKey());
            int s2 = peaks.lastKey();
            double px1 = (double) s1 * s1;
            double px2 = (double) s2 * s2;
            b = (peaks.get(s2) - peaks.get(s1)) / (px2 - px1);
            a = peaks.get(s1) - b * px1;
            from = "extrapolated from " + s1 + ", " + s2;
        } else if (!measured) {
            return;
        }
        double big = measured ? peaks.get(BIG_SIDE) : a + b * BIG_SIDE * (double) BIG_SIDE;
        String limit = Format.num(limitGib) + " GiB";
        rows.add(
                new ReportRow(
                        SECTION,
                        BIG_SIDE
                                + " px"
                                + (target ? " trains in " + limit : "")
                                + ", "
                                + mode
                                + ": peak RSS vs limit ("
                                + (measured ? "measured" : from)
                                + ")",
                        one(big),
                        "GiB",
                        "limit",
                        one(limitGib),
                        Double.NaN,
                        target ? 1.0 : Double.NaN,
                        true));
        if (Double.isNaN(b)) {
            return;
        }
        rows.add(
                ReportRow.alone(
                        SECTION,
                        "largest square tissue within " + limit + ", " + mode + " (linear fit)",
                        one(Math.sqrt((limitGib - a) / b)),
                        "px side"));
        rows.add(
                ReportRow.alone(
                        SECTION,
                        "memory per tissue pixel, " + mode + " (fit slope)",
                        one(b * 1024 * 1024 * 1024),
                        "B/px"));
    }

    private static Samples one(double v) {
        return new Samples(new double[] {v});
    }
}
