#!/usr/bin/python3
"""Writes a widened evaluation view of a LowMag dataset whose unlabeled tissues come from LC25000.

  widen.py DS OUT

OUT gets a copy of DS/dataset.json, a rewritten manifest.csv and `tissues` as a symlink to
DS/tissues (absolute). Every `unlabeled` tissue gets the label named by the class folder of its
`source` path (e.g. .../lung_aca/lungaca100.jpeg -> lung_aca) and split `test`; train, val and
test tissues are unchanged. Only for arms that never saw the unlabeled split (teacher, baseline):
the distillation arm kd+aux trains on those tissues. Refuses (exit 2) when a source's class folder
is not a class of dataset.json, or when OUT already exists.
"""
import csv
import json
import os
import shutil
import sys


def widen(ds, out):
    ds = os.path.abspath(ds)
    with open(os.path.join(ds, "dataset.json")) as f:
        classes = set(json.load(f)["classes"])
    with open(os.path.join(ds, "manifest.csv"), newline="") as f:
        eol = "\r\n" if f.readline().endswith("\r\n") else "\n"  # keep DS's line ends
        f.seek(0)
        rd = csv.DictReader(f)
        fields = rd.fieldnames
        rows = list(rd)
    unknown = {}
    changed = 0
    for r in rows:
        if r["split"] != "unlabeled":
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
    if len(argv) != 2 or argv[0].startswith("-"):
        print(__doc__.strip().split("\n\n")[0] + "\n\nusage: widen.py DS OUT", file=sys.stderr)
        return 2
    try:
        changed, test = widen(argv[0], argv[1])
    except (ValueError, OSError, KeyError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"{argv[1]}: {changed} unlabeled tissues relabelled as test; {test} test tissues")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
