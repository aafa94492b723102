#!/usr/bin/python3
"""Writes a widened evaluation view of a LowMag dataset whose unlabeled tissues come from LC25000.

  widen.py DS OUT [--aux-fraction F --seed S]

OUT gets a copy of DS/dataset.json, a rewritten manifest.csv and `tissues` as a symlink to
DS/tissues (absolute). Every `unlabeled` tissue gets the label named by the class folder of its
`source` path (e.g. .../lung_aca/lungaca100.jpeg -> lung_aca) and split `test`; train, val and
test tissues are unchanged. Only for arms that never saw the unlabeled split (teacher, baseline):
the distillation arm kd+aux trains on those tissues. Refuses (exit 2) when a source's class folder
is not a class of dataset.json, or when OUT already exists.

With --aux-fraction F (0 < F < 1), round(F * G) of the G groups of unlabeled tissues, drawn with
--seed, stay `unlabeled` (the auxiliary set of kd+aux) and only the other groups become test: a
view on which kd+aux (trained on its train, val and unlabeled splits) and the arms that never saw
an unlabeled tissue are evaluated on the same test tissues, none of which any arm trained on.
"""
import argparse
import csv
import json
import os
import random
import shutil
import sys


def aux_groups(rows, fraction, seed):
    """The groups of unlabeled rows kept unlabeled: round(fraction * G) of the G sorted groups,
    drawn by random.Random(seed).sample (deterministic for a seed)."""
    groups = sorted({r["group"] for r in rows if r["split"] == "unlabeled"})
    k = round(fraction * len(groups))
    return set(random.Random(seed).sample(groups, k))


def widen(ds, out, aux_fraction=0.0, seed=0):
    ds = os.path.abspath(ds)
    with open(os.path.join(ds, "dataset.json")) as f:
        classes = set(json.load(f)["classes"])
    with open(os.path.join(ds, "manifest.csv"), newline="") as f:
        eol = "\r\n" if f.readline().endswith("\r\n") else "\n"  # keep DS's line ends
        f.seek(0)
        rd = csv.DictReader(f)
        fields = rd.fieldnames
        rows = list(rd)
    if not 0.0 <= aux_fraction < 1.0:
        raise ValueError(f"--aux-fraction {aux_fraction} must lie in [0, 1)")
    keep = aux_groups(rows, aux_fraction, seed) if aux_fraction > 0 else set()
    unknown = {}
    changed = 0
    for r in rows:
        if r["split"] != "unlabeled" or r["group"] in keep:
            continue
        folder = os.path.basename(os.path.dirname(r["source"].replace("\\", "/")))
        if folder not in classes:
            unknown.setdefault(folder, r["tissue"])
            continue
        r["label"], r["split"] = folder, "test"
        changed += 1
    if unknown:
        ex = "; ".join(f"{k!r} (e.g. tissue {v})" for k, v in sorted(unknown.items())[:5])
        raise ValueError(f"{len(unknown)} source class folder(s) of unlabeled tissues are not "
                         f"classes of {ds}/dataset.json {sorted(classes)}: {ex}")
    if os.path.exists(out):
        raise ValueError(f"{out} already exists: choose a new folder")
    os.makedirs(out)
    shutil.copyfile(os.path.join(ds, "dataset.json"), os.path.join(out, "dataset.json"))
    with open(os.path.join(out, "manifest.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator=eol)
        w.writeheader()
        w.writerows(rows)
    os.symlink(os.path.join(ds, "tissues"), os.path.join(out, "tissues"))
    return changed, sum(r["split"] == "test" for r in rows)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.strip().split("\n\n")[0])
    p.add_argument("ds")
    p.add_argument("out")
    p.add_argument("--aux-fraction", type=float, default=0.0,
                   help="fraction of unlabeled groups that stay unlabeled (default 0: none)")
    p.add_argument("--seed", type=int, default=0, help="seed of the draw of those groups")
    a = p.parse_args(argv)
    try:
        changed, test = widen(a.ds, a.out, a.aux_fraction, a.seed)
    except (ValueError, OSError, KeyError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"{a.out}: {changed} unlabeled tissues relabelled as test; {test} test tissues")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
