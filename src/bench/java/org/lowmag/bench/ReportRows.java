package org.lowmag.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.lowmag.arch.Architecture;
import org.lowmag.cost.FlopCounter;

/**
 * Turns the raw samples of one run into {@link ReportRow}s, section by section. Throughputs are
 * derived from seconds per step: {@code tissues/s = tissues per step / seconds}; training FLOP/s
 * use the convention {@code FLOPs per tissue = 3 x forward FLOPs} ({@link FlopCounter}:
 * convolutions and the FC layer, {@code 2 x MACs}; backward counted as twice the forward).
 * Quantities missing from the raw file (a section skipped) give no row.
 */
final class ReportRows {

    /** The run's settings the rows need. */
    record Settings(
            MachinePeak peak,
            int accumulate,
            int distillAccumulate,
            int teacherPx,
            int studentPx,
            double memoryLimitGib) {}

    private final Map<String, RawResults.Entry> raw;
    private final Settings settings;
    private final List<ReportRow> rows = new ArrayList<>();

    ReportRows(Map<String, RawResults.Entry> raw, Settings settings) {
        this.raw = raw;
        this.settings = settings;
    }

    List<ReportRow> build() {
        train();
        distill();
        inference();
        lanczos();
        slide();
        new MemoryRows(raw, settings.memoryLimitGib()).addTo(rows);
        new PredictRows(raw).addTo(rows);
        List<ReportRow> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(r -> r.section().charAt(0)));
        return List.copyOf(sorted);
    }

    private Samples get(String key) {
        RawResults.Entry e = raw.get(key);
        return e == null ? null : e.samples();
    }

    /** Training sizes measured for an architecture, ascending. */
    static TreeSet<Integer> trainSizes(Map<String, RawResults.Entry> raw, String arch) {
        TreeSet<Integer> sizes = new TreeSet<>();
        for (String k : raw.keySet()) {
            String[] p = k.split("/");
            if (p.length == 4 && p[0].equals("train") && p[1].equals(arch)) {
                sizes.add(Integer.parseInt(p[2]));
            }
        }
        return sizes;
    }

    /** GFLOP/s of a training step of {@code tissues} tissues of {@code side} px. */
    static Samples gflops(Samples secondsPerStep, String arch, int side, int tissues) {
        double flops =
                3.0
                        * FlopCounter.count(Architecture.byName(arch), 3, side, side, 3).flops()
                        * tissues;
        return secondsPerStep.map(s -> flops / s / 1e9);
    }

    private void train() {
        for (String arch : List.of("paper", "resnet18")) {
            for (int side : trainSizes(raw, arch)) {
                trainRows(arch, side);
            }
        }
    }

    private void trainRows(String arch, int side) {
        String base = "train/" + arch + "/" + side + "/";
        Samples low = get(base + "lowmag");
        if (low == null) {
            return;
        }
        int a = settings.accumulate();
        Samples peak = new Samples(new double[] {settings.peak().gflops()});
        boolean target = arch.equals("resnet18") && side >= 256;
        rows.add(
                new ReportRow(
                        "1 train step vs peak",
                        arch + " " + side + " px, GFLOP/s (3 x fwd)",
                        gflops(low, arch, side, a),
                        "GFLOP/s",
                        "FP32 peak",
                        peak,
                        target ? 0.6 : Double.NaN,
                        Double.NaN,
                        true));
        String fig = arch + " " + side + " px";
        versusPyTorch("2 train step vs PyTorch", fig + ", " + a + " tissues/step", base, a);
        String[][] variants = {
            {"lowmag-composite", "fused GroupNorm + Adam gain", "composite (before)"},
            {"lowmag-omp-spin", "short OpenMP spin vs libgomp default", "libgomp default spin"},
            {"lowmag-omp-passive", "short OpenMP spin vs PASSIVE", "OMP_WAIT_POLICY=PASSIVE"},
            {"lowmag-glibc-default", "malloc settings gain", "glibc default malloc"}
        };
        for (String[] v : variants) {
            Samples other = get(base + v[0]);
            if (other != null) {
                rows.add(
                        info(
                                "2 train step vs PyTorch",
                                fig + ", " + v[1],
                                low.map(s -> a / s),
                                v[2],
                                other.map(s -> a / s)));
            }
        }
    }

    /**
     * LowMag against PyTorch on equal terms ({@code pytorch-omp}: the same OpenMP wait policy, the
     * target) and as the caller's environment runs it ({@code pytorch}).
     */
    private void versusPyTorch(String section, String figure, String base, int tissues) {
        Samples low = get(base + "lowmag").map(s -> tissues / s);
        Samples passive = get(base + "pytorch-omp");
        Samples plain = get(base + "pytorch");
        if (passive != null) {
            rows.add(
                    new ReportRow(
                            section,
                            figure,
                            low,
                            "tissues/s",
                            "PyTorch, same OpenMP wait",
                            passive.map(s -> tissues / s),
                            1.2,
                            Double.NaN,
                            false));
        }
        if (plain != null) {
            rows.add(
                    new ReportRow(
                            section,
                            figure + (passive != null ? " (PyTorch as the caller runs it)" : ""),
                            low,
                            "tissues/s",
                            "PyTorch",
                            plain.map(s -> tissues / s),
                            passive == null ? 1.2 : Double.NaN,
                            Double.NaN,
                            false));
        }
    }

    private static ReportRow info(
            String section, String figure, Samples low, String refName, Samples ref) {
        return new ReportRow(
                section, figure, low, "tissues/s", refName, ref, Double.NaN, Double.NaN, false);
    }

    private void distill() {
        if (get("distill/lowmag") == null) {
            return;
        }
        int n = settings.distillAccumulate();
        String section = "2 distill step vs PyTorch";
        versusPyTorch(
                section,
                "teacher "
                        + settings.teacherPx()
                        + " px + student "
                        + settings.studentPx()
                        + " px, "
                        + n
                        + " tissues/step",
                "distill/",
                n);
        Samples lowT = get("distill/lowmag/teacher");
        Samples refT = get("distill/pytorch-omp/teacher");
        if (lowT != null && refT != null) {
            rows.add(
                    info(
                            section,
                            "of which teacher forward passes",
                            lowT.map(s -> n / s),
                            "PyTorch, same OpenMP wait",
                            refT.map(s -> n / s)));
        }
    }

    private void inference() {
        String s = "3 low-mag inference";
        Samples teacher = null;
        String teacherKey = null;
        for (String k : raw.keySet()) {
            if (k.startsWith("infer/teacher/")) {
                teacher = get(k);
                teacherKey = k.split("/")[2];
            }
        }
        for (String size : List.of("64", "32")) {
            Samples batched = get("infer/" + size + "/batched");
            Samples single = get("infer/" + size + "/single");
            if (batched == null) {
                continue;
            }
            if (size.equals("64") && teacher != null) {
                rows.add(
                        new ReportRow(
                                s,
                                "student 64 px batched vs teacher " + teacherKey + " px",
                                batched,
                                "tissues/s",
                                "teacher",
                                teacher,
                                10,
                                Double.NaN,
                                false));
            }
            if (single != null) {
                rows.add(
                        new ReportRow(
                                s,
                                "student " + size + " px, batched vs one at a time",
                                batched,
                                "tissues/s",
                                "one at a time",
                                single,
                                Double.NaN,
                                Double.NaN,
                                false));
            }
        }
        for (String side : List.of("1", "32")) {
            Samples f = get("infer/floor/" + side + "px");
            if (f != null) {
                rows.add(
                        ReportRow.alone(
                                s,
                                "per-call floor, one " + side + "x" + side + " input",
                                f.map(v -> v * 1e3),
                                "ms"));
            }
        }
    }

    private void lanczos() {
        for (String k : raw.keySet()) {
            String[] p = k.split("/");
            if (p.length != 3 || !p[0].equals("lanczos") || !p[1].equals("lowmag")) {
                continue;
            }
            String threads = p[2];
            Samples low = get(k);
            Samples gap2 = get("lanczos/vips-gap2/" + threads);
            Samples gap0 = get("lanczos/vips-gap0/" + threads);
            String fig = "Lanczos-3 /4, " + threads + " thread(s), input MP/s";
            if (gap2 != null) {
                rows.add(
                        new ReportRow(
                                "4 Lanczos vs vips",
                                fig,
                                low,
                                "MP/s",
                                "vips default",
                                gap2,
                                0.5,
                                Double.NaN,
                                false));
            }
            if (gap0 != null) {
                rows.add(
                        new ReportRow(
                                "4 Lanczos vs vips",
                                fig + " (exact)",
                                low,
                                "MP/s",
                                "vips --gap 0",
                                gap0,
                                Double.NaN,
                                Double.NaN,
                                false));
            }
        }
    }

    private void slide() {
        Samples tiff = get("slide/tiff");
        if (tiff == null) {
            return;
        }
        rows.add(
                new ReportRow(
                        "5 slide reading",
                        "512x512 level-0 regions/s, pure Java",
                        tiff,
                        "regions/s",
                        "OpenSlide",
                        get("slide/openslide"),
                        Double.NaN,
                        Double.NaN,
                        false));
    }
}
