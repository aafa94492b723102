#!/usr/bin/env python3
"""Steady-state throughput of a prediction run from its outputs: the times SLIDE.json files were
written (each is written last, when its slide is done). Slides per hour between the 10th and the
90th percentile of completion, which leaves out the start (JVM, Spark, model load) and the tail
(the last slides, when fewer run at once than there are cores).

rate = (i90 - i10) * 3600 / (t[i90] - t[i10]), t sorted, i10 = round(0.1 (n - 1)), i90 = round(0.9 (n - 1))

Usage: steady_rate.py PRED_DIR   (prints slides/hour)
"""
import os
import sys

d = sys.argv[1]
skip = {"summary.json"}
t = sorted(
    os.stat(os.path.join(d, f)).st_mtime
    for f in os.listdir(d)
    if f.endswith(".json") and not f.startswith(".") and f not in skip
)
n = len(t)
i10, i90 = round(0.1 * (n - 1)), round(0.9 * (n - 1))
if n < 5 or t[i90] <= t[i10]:
    sys.exit(f"{d}: too few slides ({n}) for a steady rate")
print(f"{(i90 - i10) * 3600 / (t[i90] - t[i10]):.0f}")
