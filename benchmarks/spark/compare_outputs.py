#!/usr/bin/env python3
"""Compares two prediction folders (lowmag predict's and lowmag-spark predict's): the same per-slide
files, SLIDE.json equal once fields whose name ends in "seconds" are removed, every other file equal
byte for byte (summary.csv and the results table are not compared). Exit code 1 when they differ.

Usage: compare_outputs.py EXPECTED_DIR ACTUAL_DIR
"""
import json, os, sys
a, b = sys.argv[1], sys.argv[2]
skip = {"summary.csv", "results.csv", "results.parquet"}
fa = sorted(f for f in os.listdir(a) if not f.startswith(".") and f not in skip)
fb = sorted(f for f in os.listdir(b) if not f.startswith(".") and f not in skip)
assert fa == fb, (set(fa) ^ set(fb))
def strip(x):
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if not k.endswith("seconds")}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x
diff = 0
for f in fa:
    pa, pb = os.path.join(a, f), os.path.join(b, f)
    if f.endswith(".json"):
        same = strip(json.load(open(pa))) == strip(json.load(open(pb)))
    else:
        same = open(pa, "rb").read() == open(pb, "rb").read()
    if not same:
        diff += 1; print("DIFFERENT", f)
print(f"{len(fa)} files compared, {diff} different")
sys.exit(1 if diff else 0)
