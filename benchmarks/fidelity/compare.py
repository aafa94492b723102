#!/usr/bin/python3
"""Paired group-bootstrap comparison of two sets of predictions (e.g. LowMag vs PyTorch).

Each side (A, B) is one or more predictions CSVs (tissue,truth,predicted,p_<class>...: the format
of `lowmag evaluate` and of harness.py), typically one per seed, all over the same tissues. For
each row it reports the exact accuracy of each side (mean over its files, the per-file values,
min-max and sample std) and the difference of the means A - B with a 95% percentile interval from a
paired group bootstrap: each resample draws G groups (manifest column `group` of --data) with
replacement, the same draw for every file of A and B; a drawn group brings all its tissues.

One row:   compare.py --data DS --a s0=A0.csv --a s1=A1.csv --b s0=B0.csv --b s1=B1.csv
On a narrower view: add --split test to compare only DS's test tissues (files may hold more).
Several:   compare.py --data DS --table spec.json   (see README.md for the spec format)
"""
import argparse
import csv
import json
import os
import sys

import numpy as np


class CompareError(Exception):
    pass


def read_groups(data, unit="group", split=None):
    """tissue -> (group, label) from DS/manifest.csv; with split, only that split's tissues."""
    path = os.path.join(data, "manifest.csv")
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    if split is not None:
        rows = [r for r in rows if r.get("split") == split]
        if not rows:
            raise CompareError(f"{path} has no tissue in split {split!r}")
    out = {}
    for r in rows:
        g = r["tissue"] if unit == "tissue" else r.get("group", "")
        if not g:
            raise CompareError(f"tissue {r['tissue']} of {path} has no group: use --unit tissue")
        out[r["tissue"]] = (g, r.get("label", ""))
    return out


def read_predictions(path):
    """[(tissue, truth, predicted)] in file order; rejects duplicate tissues."""
    with open(path, newline="") as f:
        rd = csv.DictReader(f)
        missing = {"tissue", "truth", "predicted"} - set(rd.fieldnames or [])
        if missing:
            raise CompareError(f"{path} lacks column(s) {sorted(missing)}")
        rows = [(r["tissue"], r["truth"], r["predicted"]) for r in rd]
    seen = set()
    for t, _, _ in rows:
        if t in seen:
            raise CompareError(f"{path} lists tissue {t} twice")
        seen.add(t)
    if not rows:
        raise CompareError(f"{path} has no predictions")
    return rows


def correctness(files, manifest, restrict=False):
    """Per-file correctness aligned on one tissue order, and each tissue's group.

    files: list of predictions-CSV paths (all sides of one row). Returns (correct [F, N] bool,
    groups [N] str, tissues [N]). Fails when the tissue sets differ, a tissue is not in the
    manifest, or two files (or a file and the manifest) disagree on a tissue's truth. With
    restrict, each file is first cut to the manifest's tissues (which --split may have narrowed),
    so predictions made on a wider view can be compared on a narrower one.
    """
    preds = [read_predictions(p) for p in files]
    if restrict:
        preds = [[r for r in rows if r[0] in manifest] for rows in preds]
        for p, rows in zip(files, preds):
            if not rows:
                raise CompareError(f"{p} has no prediction for a tissue of the --data manifest")
    tissues = sorted(t for t, _, _ in preds[0])
    ref = set(tissues)
    truth = {t: y for t, y, _ in preds[0]}
    for p, rows in zip(files, preds):
        got = {t for t, _, _ in rows}
        if got != ref:
            only_a = sorted(ref - got)[:5]
            only_b = sorted(got - ref)[:5]
            raise CompareError(
                f"tissue sets differ: {files[0]} has {len(ref)} tissues, {p} has {len(got)};"
                f" missing from {p}: {len(ref - got)} (e.g. {only_a}); only in {p}:"
                f" {len(got - ref)} (e.g. {only_b})")
        for t, y, _ in rows:
            if y != truth[t]:
                raise CompareError(f"truth of tissue {t} differs: {truth[t]!r} in {files[0]},"
                                   f" {y!r} in {p}")
    unknown = [t for t in tissues if t not in manifest]
    if unknown:
        raise CompareError(f"{len(unknown)} tissue(s) are not in the --data manifest "
                           f"(e.g. {unknown[:5]}): wrong --data?")
    bad = [t for t in tissues if manifest[t][1] and manifest[t][1] != truth[t]]
    if bad:
        t = bad[0]
        raise CompareError(f"{len(bad)} tissue(s) have a truth that differs from the --data "
                           f"manifest label (e.g. {t}: {truth[t]!r} vs {manifest[t][1]!r})")
    index = {t: i for i, t in enumerate(tissues)}
    correct = np.zeros((len(files), len(tissues)), dtype=bool)
    for f, rows in enumerate(preds):
        for t, y, p in rows:
            correct[f, index[t]] = (y == p)
    groups = np.array([manifest[t][0] for t in tissues])
    return correct, groups, tissues


def group_counts(correct, groups):
    """correct [F, N] bool, groups [N] -> (per-group correct counts [F, G], sizes [G])."""
    _, gid = np.unique(groups, return_inverse=True)
    G = gid.max() + 1
    sizes = np.bincount(gid, minlength=G).astype(np.float64)
    counts = np.stack([np.bincount(gid, weights=c.astype(np.float64), minlength=G)
                       for c in correct])
    return counts, sizes


def bootstrap_diff(correct_a, correct_b, groups, n_boot=10000, seed=0, chunk=2000):
    """Mean-over-files accuracy difference A - B under a paired group bootstrap.

    correct_a [Sa, N], correct_b [Sb, N] (bool, same tissue order), groups [N].
    Returns dict: acc_a [Sa], acc_b [Sb], diff (point), ci (2.5 and 97.5 percentiles, linear as
    numpy / R type 7 / LowMag's Percentiles), diffs [n_boot] (the resampled differences).
    """
    correct_a = np.atleast_2d(correct_a)
    correct_b = np.atleast_2d(correct_b)
    sa = correct_a.shape[0]
    counts, sizes = group_counts(np.concatenate([correct_a, correct_b]), groups)
    G = len(sizes)
    # Weight of A's mean minus B's mean per file: acc difference = sum_f w_f * correct_f / n.
    w = np.concatenate([np.full(sa, 1.0 / sa), np.full(correct_b.shape[0], -1.0 / len(correct_b))])
    net = w @ counts  # [G]: per-group (mean A correct - mean B correct)
    rng = np.random.default_rng(seed)
    diffs = np.empty(n_boot)
    p = np.full(G, 1.0 / G)
    for start in range(0, n_boot, chunk):
        m = min(chunk, n_boot - start)
        draws = rng.multinomial(G, p, size=m).astype(np.float64)  # [m, G] times each group drawn
        diffs[start:start + m] = (draws @ net) / (draws @ sizes)
    acc = counts.sum(1) / sizes.sum()
    return {"acc_a": acc[:sa], "acc_b": acc[sa:], "diff": float(acc[:sa].mean() - acc[sa:].mean()),
            "ci": tuple(float(v) for v in np.percentile(diffs, [2.5, 97.5])), "diffs": diffs,
            "tissues": int(sizes.sum()), "groups": G}


def split_named(spec):
    """'NAME=path' -> (NAME, path); 'path' -> (parent folder name, path)."""
    if "=" in spec and not os.path.exists(spec):
        name, path = spec.split("=", 1)
        return name, path
    return os.path.basename(os.path.dirname(os.path.abspath(spec))), spec


def resolve(spec, base):
    """A table entry '[NAME=]path' with path relative to the spec file's folder."""
    name, path = spec.split("=", 1) if "=" in spec else (None, spec)
    path = os.path.join(base, path)
    if name is None:
        name = os.path.basename(os.path.dirname(os.path.abspath(path)))
    return f"{name}={path}"


def pct(v):
    return f"{100 * v:.2f}"


def side_cell(accs, names):
    mean = float(np.mean(accs))
    vals = ", ".join(f"{n} {pct(a)}" for n, a in zip(names, accs))
    if len(accs) == 1:
        return f"{pct(mean)} ({vals})"
    sd = float(np.std(accs, ddof=1))
    return (f"{pct(mean)} ({vals}; min-max {pct(min(accs))}-{pct(max(accs))},"
            f" sd {100 * sd:.2f})")


def compare_row(name, a_specs, b_specs, manifest, n_boot, seed, restrict=False):
    a = [split_named(s) for s in a_specs]
    b = [split_named(s) for s in b_specs]
    files = [p for _, p in a] + [p for _, p in b]
    correct, groups, _ = correctness(files, manifest, restrict)
    r = bootstrap_diff(correct[:len(a)], correct[len(a):], groups, n_boot, seed)
    lo, hi = r["ci"]
    return {"row": name, "a": side_cell(r["acc_a"], [n for n, _ in a]),
            "b": side_cell(r["acc_b"], [n for n, _ in b]),
            "diff": f"{100 * r['diff']:+.2f} ({100 * lo:+.2f}, {100 * hi:+.2f})",
            "tissues": r["tissues"], "groups": r["groups"]}


def markdown(rows, a_label, b_label, n_boot, seed, unit):
    out = [f"| row | {a_label} mean (per-seed values) | {b_label} mean (per-seed values) |"
           f" {a_label}-{b_label} (95% CI) | tissues / {unit}s |",
           "| --- | --- | --- | --- | --- |"]
    for r in rows:
        out.append(f"| {r['row']} | {r['a']} | {r['b']} | {r['diff']} |"
                   f" {r['tissues']} / {r['groups']} |")
    out.append("")
    out.append(f"Exact accuracy in %; sd = sample standard deviation over seeds; difference of the"
               f" means in percentage points with a 95% percentile interval from a paired {unit}"
               f" bootstrap ({n_boot} resamples, seed {seed}).")
    return "\n".join(out) + "\n"


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", required=True, help="dataset whose manifest gives the groups")
    p.add_argument("--a", action="append", default=[], metavar="[NAME=]CSV",
                   help="predictions of side A (repeat: one per seed)")
    p.add_argument("--b", action="append", default=[], metavar="[NAME=]CSV")
    p.add_argument("--row", default="A vs B", help="row title for --a/--b")
    p.add_argument("--a-label", default="A")
    p.add_argument("--b-label", default="B")
    p.add_argument("--table", help="JSON spec: {a_label, b_label, rows: [{name, a: [..], b: [..]}]}")
    p.add_argument("--bootstrap", type=int, default=10000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--unit", choices=["group", "tissue"], default="group")
    p.add_argument("--split", help="compare only on the tissues of this split of --data (e.g."
                   " test); predictions of other tissues are ignored")
    p.add_argument("--markdown", help="also write the table to this file")
    a = p.parse_args(argv)
    try:
        manifest = read_groups(a.data, a.unit, a.split)
        specs = []
        a_label, b_label = a.a_label, a.b_label
        if a.table:
            with open(a.table) as f:
                t = json.load(f)
            base = os.path.dirname(os.path.abspath(a.table))
            fix = lambda spec: resolve(spec, base)  # noqa: E731
            a_label, b_label = t.get("a_label", a_label), t.get("b_label", b_label)
            for r in t["rows"]:
                specs.append((r["name"], [fix(s) for s in r["a"]], [fix(s) for s in r["b"]]))
        if a.a or a.b:
            if not (a.a and a.b):
                raise CompareError("give predictions for both --a and --b")
            specs.append((a.row, a.a, a.b))
        if not specs:
            raise CompareError("nothing to compare: give --a and --b, or --table")
        rows = [compare_row(n, sa, sb, manifest, a.bootstrap, a.seed, a.split is not None)
                for n, sa, sb in specs]
    except (CompareError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    text = markdown(rows, a_label, b_label, a.bootstrap, a.seed, a.unit)
    print(text, end="")
    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
