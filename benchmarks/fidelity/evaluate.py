#!/usr/bin/python3
"""Predicts a labelled split with a saved model of a harness.py run, e.g. its last epoch when the
run evaluated its best one (or the other way round), in the format of `lowmag evaluate`:

    /usr/bin/python3 evaluate.py --model RUN/model-last.pt --data DATASET --out DIR \\
        [--splits test] [--threads 1]

Writes DIR/predictions-<split>.csv and DIR/metrics.json (exact and one-vs-rest accuracy per
split, the model's epoch). The magnification and padding are the model's own (saved with it).
"""
import argparse
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as h  # noqa: E402


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", required=True, help="model-best.pt or model-last.pt of a run")
    p.add_argument("--data", required=True, help="LowMag dataset folder to predict")
    p.add_argument("--out", required=True, help="output folder (created)")
    p.add_argument("--splits", default="test", help="comma-separated labelled splits")
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args(argv)
    torch.set_num_threads(a.threads)
    ds = h.LowMagDataset(a.data)
    model, ck = h.load_model(a.model, ds.classes)
    os.makedirs(a.out, exist_ok=True)
    report = {"model": os.path.abspath(a.model), "epoch": ck["epoch"],
              "magnification": ck["magnification"], "data": ds.dir, "splits": {}}
    for split in [s for s in a.splits.split(",") if s]:
        m = h.evaluate_split(model, ds, split, ck["magnification"], ck["pad"], ck["min_side"], None,
                             os.path.join(a.out, f"predictions-{split}.csv"))
        report["splits"][split] = m
        print(f"{split}: exact accuracy {m['exact_accuracy']:.4f} ({m['tissues']} tissues), "
              f"epoch {ck['epoch']}", flush=True)
    with open(os.path.join(a.out, "metrics.json"), "w") as f:
        json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
