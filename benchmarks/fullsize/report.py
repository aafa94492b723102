#!/usr/bin/env python3
"""Turns the raw figures of benchmarks/fullsize/run.sh into its markdown report.

raw.csv: TAG,wall_s,peak_rss_kb per process (synthesize/SIZE, predict/SIZE/MAG/REP, prepare/SIZE).
stages.csv: SIZE/MAG/REP,slide,detect_s,read_s,infer_s,slide_s per slide (from each SLIDE.json).
Per size and magnification the run (rep) with the median in-JVM seconds is reported; slides per
hour = 3600 / its seconds per slide; the speed-up is the 10x model's seconds per slide over the
student's, next to the FLOP ratio (10 / mag)^2 and the issue's target (half of it, at least 8 for
2.5x and 20 for 1.25x).
batch.csv: SIZE/MAG,slides,first,warm_s per long batch (run.sh --batch): warm_s is the wall per
slide between consecutive SLIDE.json writes after the first pass over the set (end to end: read,
infer, write, in a warm JVM); batch/SIZE/MAG in raw.csv is that process.
novel.csv: MAG,REP,slides,wall_s,detect_s,read_s,infer_s,slide_s per novel-size batch (run.sh: a
JVM warmed up on other sets' slides, then the 1.2gp slides, whose tissue sizes are new to it):
the rep with the median wall per slide is reported; these speed-ups judge the targets.
"""
import argparse
import datetime
import os
import platform
import statistics
import subprocess

TARGET = {"2.5": 8.0, "1.25": 20.0}


def read_novel(path):
    """novel.csv as {MAG: [(slides, wall_s, detect_s, read_s, infer_s, slide_s) per rep]}."""
    novel = {}
    for line in open(path):
        mag, rep, n, *figures = line.strip().split(",")
        novel.setdefault(mag, []).append((int(n), *map(float, figures)))
    return novel


def median_rep(runs):
    """The rep with the median wall per slide (the lower of the two middle ones for an even count)."""
    return sorted(runs, key=lambda r: r[1])[(len(runs) - 1) // 2]


def fmt(value, spec):
    """The value formatted, or '-' when it is NaN (a single slide has no warm figure)."""
    return "-" if value != value else format(value, spec)


def main():
    a = argparse.ArgumentParser()
    for k in ("raw", "stages", "out", "cores", "load-start", "load-end", "sizes", "mags"):
        a.add_argument("--" + k, required=True)
    a.add_argument("--batch", default="")
    a.add_argument("--novel", default="")
    args = a.parse_args()
    novel = {}
    if args.novel and os.path.exists(args.novel):
        novel = read_novel(args.novel)
    batch = {}
    if args.batch and os.path.exists(args.batch):
        for line in open(args.batch):
            key, n, first, warm = line.strip().split(",")
            batch[key] = (int(n), int(first), float(warm))
    raw = {}
    for line in open(args.raw):
        tag, wall, rss = line.strip().split(",")
        raw[tag] = (float(wall), int(rss) / 1024)
    stages = {}
    for line in open(args.stages):
        key, slide, d, r, i, s = line.strip().split(",")
        stages.setdefault(key, []).append((float(d), float(r), float(i), float(s)))
    cores = int(args.cores)
    mags = args.mags.split()
    lines = []
    out = lines.append
    cpu = ""
    try:
        cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
                             capture_output=True, text=True).stdout.strip()
    except OSError:
        pass
    out(f"# Full-size slides: predict and prepare ({datetime.date.today().isoformat()})")
    out("")
    out(f"Made by `benchmarks/fullsize/run.sh` on {cores} cores ({cpu}, {platform.machine()}),"
        f" load average {args.load_start} at the start and {args.load_end} at the end"
        " (1, 5, 15 min; other builds shared the machine when it was above the core count).")
    out("Slides: `lowmag synthesize --size 1.2gp` (three 40,000 x 30,000 px 40x slides, one per"
        " class; set 1.2gp: the default 2-5 tissue pieces of 0.5-2 mm, set 1.2gp-big: `--pieces"
        " 1,3 --tissue-um 3000,6000`) and `--size 10gp` (one 115,200 x 86,400 px slide, default"
        " pieces), pyramids 1/4/16/64, drawn at draw scale 4. Models: the `paper` network trained 1 epoch at each magnification (timing"
        " only). `predict --threads 1`, one JVM per run with -Xmx2g; times in seconds per slide,"
        " from each SLIDE.json (detect: open + overview + tissue detection; read: tissues at the"
        " model's magnification; infer: the network), the median of the runs; wall: the process"
        " (JVM start and model load included) per slide; peak RSS: the largest of the runs; warm:"
        " the slides after each run's first (whose detection also loads and compiles the slide"
        " readers' classes), the steady state of a long batch.")
    out("")
    for size in args.sizes.split():
        out(f"## {size}")
        out("")
        out("| model | slides | detect s | read s | infer s | s/slide | wall s/slide |"
            " slides/h | slides/h/core | peak RSS MiB | speed-up vs 10x | FLOP ratio | target |"
            " warm s/slide | warm speed-up |")
        out("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        base = None
        warm_base = None
        for mag in mags:
            reps = sorted(k for k in stages if k.startswith(f"{size}/{mag}/"))
            if not reps:
                continue
            per_slide = {k: statistics.mean(s[3] for s in stages[k]) for k in reps}
            med = sorted(reps, key=lambda k: per_slide[k])[(len(reps) - 1) // 2]
            rows = stages[med]
            n = len(rows)
            det, rd, inf, sec = (statistics.mean(r[j] for r in rows) for j in range(4))
            wall = raw[f"predict/{med}"][0] / n
            rss = max(raw[f"predict/{k}"][1] for k in reps)
            warm = statistics.mean(r[3] for r in rows[1:]) if n > 1 else float("nan")
            if mag == "10":
                base = sec
                warm_base = warm
            ratio = (10 / float(mag)) ** 2
            speed = f"{base / sec:.1f}x" if base else "-"
            tgt = f">= {TARGET[mag]:.0f}x" if mag in TARGET else "-"
            if mag in TARGET and base:
                tgt += " met" if base / sec >= TARGET[mag] else " NOT met"
            out(f"| {mag}x | {n} | {det:.3f} | {rd:.3f} | {inf:.3f} | {sec:.3f} | {wall:.2f} |"
                f" {3600 / sec:.0f} | {3600 / sec / cores:.0f} | {rss:.0f} | {speed} |"
                f" {ratio:.0f} | {tgt} | {fmt(warm, '.3f')} |"
                f" {fmt(warm_base / warm if n > 1 else float('nan'), '.1f')} |")
        out("")
        if any(f"{size}/{m}" in batch for m in mags):
            out("Long batch (one JVM, the set's slides linked several times): end-to-end wall per"
                " slide after the first pass over the set, from the gaps between SLIDE.json"
                " writes. Later passes repeat tissue sizes the JVM has run, which flatters the"
                " small models (a lower bound for them).")
            out("")
            out("| model | slides | process wall s/slide | warm wall s/slide | slides/h |"
                " slides/h/core | peak RSS MiB | speed-up vs 10x | target |")
            out("|---|---|---|---|---|---|---|---|---|")
            b10 = batch.get(f"{size}/10", (0, 0, float("nan")))[2]
            for mag in mags:
                if f"{size}/{mag}" not in batch:
                    continue
                n, first, warm = batch[f"{size}/{mag}"]
                wall, rss = raw[f"batch/{size}/{mag}"]
                speed = b10 / warm
                tgt = f">= {TARGET[mag]:.0f}x" if mag in TARGET else "-"
                if mag in TARGET:
                    tgt += " met" if speed >= TARGET[mag] else " NOT met"
                out(f"| {mag}x | {n} | {wall / n:.2f} | {fmt(warm, '.3f')} |"
                    f" {fmt(3600 / warm, '.0f')} | {fmt(3600 / warm / cores, '.0f')} | {rss:.0f} |"
                    f" {fmt(speed, '.1f')}x | {tgt} |")
            out("")
        extra = []
        for what in ("synthesize", "prepare"):
            t = raw.get(f"{what}/{size}")
            if t:
                extra.append(f"`{what}`: {t[0]:.1f} s wall, peak RSS {t[1]:.0f} MiB")
        if extra:
            with_set = (" of this slide and the three 1.2 GP ones, as `prepare` needs labelled"
                        " slides of two classes" if size == "10gp" else "")
            out("; ".join(extra) + f" (`prepare`{with_set}, at 10x, 2.5x and 1.25x; `--force`).")
            out("")
    if novel:
        out("## Novel tissue sizes: the steady state the targets are judged by")
        out("")
        out("One JVM per model and rep warms up on a slide of each other set (three passes, so"
            " that the JIT has compiled the per-slide code), then predicts the"
            " three 1.2gp slides, whose tissue sizes it has not run (as in a real batch, where"
            " every tissue has its own size). Wall: the gaps between their SLIDE.json writes (read,"
            " infer and write, end to end); stages: their means; the rep with the median wall.")
        out("")
        out("| model | slides timed | detect s | read s | infer s | wall s/slide | slides/h |"
            " slides/h/core | speed-up vs 10x | FLOP ratio | target |")
        out("|---|---|---|---|---|---|---|---|---|---|---|")
        base = None
        for mag in mags:
            if mag not in novel:
                continue
            runs = novel[mag]
            n, wall, det, rd, inf, _ = median_rep(runs)
            if mag == "10":
                base = wall
            ratio = (10 / float(mag)) ** 2
            speed = base / wall if base else float("nan")
            tgt = f">= {TARGET[mag]:.0f}x" if mag in TARGET else "-"
            if mag in TARGET and base:
                tgt += " met" if speed >= TARGET[mag] else " NOT met"
            out(f"| {mag}x | {n} x {len(runs)} | {det:.3f} | {rd:.3f} | {inf:.3f} | {wall:.3f} |"
                f" {3600 / wall:.0f} | {3600 / wall / cores:.0f} | {fmt(speed, '.1f')}x |"
                f" {ratio:.0f} | {tgt} |")
        out("")
    if "tissue/plain" in raw:
        out("## A plain big TIFF (no pyramid)")
        out("")
        plain = stages.get("plain/1.25/1", [(float("nan"),) * 4])[0]
        t, rss = raw["tissue/plain"]
        tp, rssp = raw.get("tissue/pyramid", (float("nan"), float("nan")))
        out("The 1.2gp set's first slide, level 0 alone (`benchmarks/fullsize/plain_tiff.py`:"
            " the same 256 px JPEG tiles, one level, no Aperio description):"
            f" `lowmag tissue` {t:.1f} s wall, peak RSS {rss:.0f} MiB (the pyramid slide: {tp:.1f}"
            f" s, {rssp:.0f} MiB); in `predict` (1.25x, one slide, its JVM's first) detection"
            f" {fmt(plain[0], '.2f')} s of {fmt(plain[3], '.2f')} s. Target: under 2 s.")
        out("")
    text = "\n".join(lines) + "\n"
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
