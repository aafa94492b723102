#!/usr/bin/python3
"""Self-tests of widen.py (plain asserts): /usr/bin/python3 test_widen.py"""
import csv
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import widen as w  # noqa: E402


def dataset(d):
    """Train/test tissues plus 10 unlabeled groups g0-g9 of 2 tissues, class from the folder."""
    os.makedirs(os.path.join(d, "tissues"))
    with open(os.path.join(d, "dataset.json"), "w") as f:
        json.dump({"classes": ["lung_aca", "lung_n"]}, f)
    rows = [("a", "x/lung_aca/a.jpeg", "ga", "lung_aca", "train"),
            ("b", "x/lung_n/b.jpeg", "gb", "lung_n", "test")]
    for g in range(10):
        for i in range(2):
            cls = "lung_aca" if g % 2 else "lung_n"
            rows.append((f"u{g}{i}", f"x/{cls}/u{g}{i}.jpeg", f"g{g}", "", "unlabeled"))
    with open(os.path.join(d, "manifest.csv"), "w", newline="") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(["tissue", "source", "group", "label", "split"])
        wr.writerows(rows)


def read(d):
    with open(os.path.join(d, "manifest.csv"), newline="") as f:
        return {r["tissue"]: r for r in csv.DictReader(f)}


def test_all_unlabeled_become_test():
    with tempfile.TemporaryDirectory() as d:
        dataset(os.path.join(d, "ds"))
        changed, test = w.widen(os.path.join(d, "ds"), os.path.join(d, "wide"))
        assert (changed, test) == (20, 21)
        m = read(os.path.join(d, "wide"))
        assert m["u10"]["split"] == "test" and m["u10"]["label"] == "lung_aca"
        assert m["u00"]["label"] == "lung_n" and m["a"]["split"] == "train"


def test_aux_fraction_keeps_whole_groups_unlabeled():
    with tempfile.TemporaryDirectory() as d:
        dataset(os.path.join(d, "ds"))
        changed, test = w.widen(os.path.join(d, "ds"), os.path.join(d, "half"), 0.3, seed=7)
        assert (changed, test) == (14, 15)  # round(0.3 * 10) = 3 groups (6 tissues) kept
        m = read(os.path.join(d, "half"))
        kept = {r["group"] for r in m.values() if r["split"] == "unlabeled"}
        assert kept == w.aux_groups(list(read(os.path.join(d, "ds")).values()), 0.3, 7)
        assert len(kept) == 3
        for r in m.values():  # a group is either wholly unlabeled (no label) or wholly test
            if r["group"] in kept:
                assert r["split"] == "unlabeled" and r["label"] == ""
            elif r["tissue"].startswith("u"):
                assert r["split"] == "test" and r["label"]
        # the same seed draws the same groups; another seed (here) others
        src = list(read(os.path.join(d, "ds")).values())
        assert w.aux_groups(src, 0.3, 7) == kept != w.aux_groups(src, 0.3, 8)
        for bad in (1.0, -0.1):
            try:
                w.widen(os.path.join(d, "ds"), os.path.join(d, f"bad{bad}"), bad)
            except ValueError as e:
                assert "--aux-fraction" in str(e)
            else:
                raise AssertionError(f"accepted --aux-fraction {bad}")


if __name__ == "__main__":
    for name, fn in list(globals().items()):
        if name.startswith("test_"):
            fn()
            print("ok", name)
