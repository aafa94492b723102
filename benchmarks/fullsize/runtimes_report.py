#!/usr/bin/env python3
"""The tables of runtimes.sh from its times.txt: one pass at each square size per runtime; the
inference per slide on the novel-size batch's tissues (the first pass over them, sizes new to the
process as in that batch, and the median of nine more); and a student's end-to-end seconds per
slide and speed-up that each runtime's first-pass inference would give with the batch's other
per-slide costs (its wall per slide minus its inference, novel.csv, the rep with the median wall),
against the 10x model's wall per slide in that batch (LowMag, as measured).

    runtimes_report.py TIMES NOVEL_CSV SLIDES
"""
import re
import sys

from report import median_rep, read_novel


RUNTIMES = [("lowmag", "LowMag"), ("pytorch", "PyTorch"), ("ort", "ORT")]
TARGETS = (("2.5", 8), ("1.25", 20))


def read_times(path):
    """{(mag, runtime): (first_ms, median_ms, tissues)} and {(runtime, side): ms} from times.txt."""
    lists, squares = {}, {}
    for line in open(path):
        m = re.match(r"(\S+) (\w+) list: first ([\d.]+) ms, median ([\d.]+) ms \((\d+) tissues\)", line)
        if m:
            lists[(m[1], m[2])] = (float(m[3]), float(m[4]), int(m[5]))
        m = re.match(r"(\S+) (\w+)\s+(\d+) px: median ([\d.]+) ms", line)
        if m:
            squares.setdefault((m[2], int(m[3])), float(m[4]))
    return lists, squares


def novel_costs(path):
    """Per magnification, the novel batch's (wall per slide, wall minus inference), from the rep
    that report.py reports (its median wall)."""
    novel = read_novel(path)
    out = {}
    for mag in ("10", "2.5", "1.25"):
        if mag not in novel:
            raise SystemExit(f"runtimes_report.py: no {mag}x rows in {path}")
        _, wall, _, _, infer, _ = median_rep(novel[mag])
        out[mag] = (wall, wall - infer)
    return out

def main():
    times, novel, slides = sys.argv[1], sys.argv[2], int(sys.argv[3])
    lists, squares = read_times(times)
    costs = novel_costs(novel)
    other = {mag: c[1] for mag, c in costs.items()}
    wall10 = costs["10"][0]
    names = " | ".join(n for _, n in RUNTIMES)
    print("### One forward pass at each size (ms, median)\n")
    print(f"| input | {names} | LowMag / ORT |\n|---|---|---|---|---|")
    for side in (64, 128, 256, 512, 1024):
        v = [squares.get((k, side), float("nan")) for k, _ in RUNTIMES]
        print(f"| {side} px | " + " | ".join(f"{x:.2f}" for x in v) + f" | {v[0] / v[2]:.2f} |")
    print(f"\n### Inference on the novel batch's tissues, ms per slide ({slides} slides): first pass"
          " (sizes new to the process) / median of the next nine\n")
    print(f"| model | tissues | {names} | other costs per slide |\n|---|---|---|---|---|---|")
    for mag in ("10", "2.5", "1.25"):
        cells = [f"{lists[(mag, k)][0] / slides:.1f} / {lists[(mag, k)][1] / slides:.1f}" for k, _ in RUNTIMES]
        print(f"| {mag}x | {lists[(mag, 'lowmag')][2]} | " + " | ".join(cells) + f" | {other[mag] * 1e3:.0f} ms |")
    print(f"\n### A student's end-to-end time per slide with each runtime's first-pass inference and"
          f" the novel batch's other costs; speed-up against LowMag's measured 10x ({wall10:.3f} s per slide)\n")
    print(f"| model | target | {names} | bound: no inference at all |\n|---|---|---|---|---|---|")
    for mag, target in TARGETS:
        cells = []
        for k, _ in RUNTIMES:
            t = other[mag] + lists[(mag, k)][0] / slides / 1e3
            cells.append(f"{t * 1e3:.0f} ms, {wall10 / t:.1f}x")
        print(f"| {mag}x | >= {target}x | " + " | ".join(cells) + f" | {wall10 / other[mag]:.1f}x |")

if __name__ == "__main__":
    main()
