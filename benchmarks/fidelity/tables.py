#!/usr/bin/python3
"""The tables of docs/experiments/fidelity.md from the runs of lc25000.sh.

    /usr/bin/python3 benchmarks/fidelity/tables.py OUT [table ...]

Each table compares two arms (or two implementations) over seeds 0-2 with compare.py: per side
the mean and the per-seed exact accuracies on the widened LC25000 test view, and the difference
of the means with a 95% paired group-bootstrap interval. Rows whose runs are missing are left out.
The half-* tables compare on lc-half's test split (see lc25000.sh, part aux), the view where
kd+aux is evaluated on tissues it never trained on. Writes OUT/tables/NAME.md and prints them.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = (0, 1, 2)


def lowmag(out, name, which="best"):
    files = [f"{out}/eval/{name}-s{s}-{which}/predictions.csv" for s in SEEDS]
    return [f"s{s}={f}" for s, f in zip(SEEDS, files) if os.path.exists(f)]


def pytorch(out, name):
    files = [f"{out}/pytorch/{name}-s{s}/predictions-test.csv" for s in SEEDS]
    return [f"s{s}={f}" for s, f in zip(SEEDS, files) if os.path.exists(f)]


def tables(out):
    L = lambda n, w="best": lowmag(out, n, w)  # noqa: E731
    P = lambda n: pytorch(out, n)  # noqa: E731
    return {
        "lowmag-vs-pytorch": ("LowMag", "PyTorch", [
            ("baseline 2.5x, no padding (56 px)", L("base-2.5-none"), P("base-2.5-none")),
            ("baseline 2.5x, white to 64 px", L("base-2.5-white64"), P("base-2.5-white64")),
            ("baseline 1.25x, no padding (28 px)", L("base-1.25-none"), P("base-1.25-none")),
            ("baseline 1.25x, white to 32 px", L("base-1.25-white32"), P("base-1.25-white32")),
            ("teacher 10x (224 px)", L("teacher"), P("teacher")),
            ("KD 2.5x, white to 64 px", L("kd-2.5"), P("kd-2.5")),
            ("KD 1.25x, white to 32 px", L("kd-1.25"), P("kd-1.25")),
        ]),
        "padding": ("padded", "unpadded", [
            ("LowMag baseline 2.5x: white to 64 px", L("base-2.5-white64"), L("base-2.5-none")),
            ("LowMag baseline 2.5x: mean colour to 64 px", L("base-2.5-mean64"), L("base-2.5-none")),
            ("LowMag baseline 1.25x: white to 32 px", L("base-1.25-white32"), L("base-1.25-none")),
            ("LowMag baseline 1.25x: mean colour to 32 px", L("base-1.25-mean32"), L("base-1.25-none")),
            ("LowMag baseline 1.25x: reflection to 32 px", L("base-1.25-reflect32"), L("base-1.25-none")),
            ("PyTorch baseline 2.5x: white to 64 px", P("base-2.5-white64"), P("base-2.5-none")),
            ("PyTorch baseline 1.25x: white to 32 px", P("base-1.25-white32"), P("base-1.25-none")),
        ]),
        "selection-and-init": ("variant", "LowMag default", [
            ("baseline 2.5x: last epoch vs best validation epoch",
             L("base-2.5-white64", "last"), L("base-2.5-white64")),
            ("baseline 1.25x: last epoch vs best validation epoch",
             L("base-1.25-white32", "last"), L("base-1.25-white32")),
            ("baseline 2.5x: PyTorch's init vs He", L("base-2.5-white64-torchinit"), L("base-2.5-white64")),
            ("baseline 1.25x: PyTorch's init vs He", L("base-1.25-white32-torchinit"), L("base-1.25-white32")),
        ]),
        "distillation": ("A", "B", [
            ("LowMag: KD 2.5x - baseline 2.5x", L("kd-2.5"), L("base-2.5-white64")),
            ("LowMag: KD 1.25x - baseline 1.25x", L("kd-1.25"), L("base-1.25-white32")),
            ("LowMag: KD 2.5x - teacher 10x", L("kd-2.5"), L("teacher")),
            ("LowMag: KD 1.25x - teacher 10x", L("kd-1.25"), L("teacher")),
            ("PyTorch: KD 2.5x - baseline 2.5x", P("kd-2.5"), P("base-2.5-white64")),
            ("PyTorch: KD 1.25x - baseline 1.25x", P("kd-1.25"), P("base-1.25-white32")),
            ("PyTorch: KD 2.5x - teacher 10x", P("kd-2.5"), P("teacher")),
            ("PyTorch: KD 1.25x - teacher 10x", P("kd-1.25"), P("teacher")),
        ]),
        "magnifications": ("2.5x", "1.25x", [
            ("LowMag baseline, no padding", L("base-2.5-none"), L("base-1.25-none")),
            ("LowMag baseline, white only below 32 px (the old default)", L("base-2.5-none"), L("base-1.25-white32")),
            ("LowMag baseline, white to a multiple of 32 px (the new default)", L("base-2.5-white64"), L("base-1.25-white32")),
            ("LowMag KD", L("kd-2.5"), L("kd-1.25")),
            ("PyTorch baseline, no padding", P("base-2.5-none"), P("base-1.25-none")),
            ("PyTorch baseline, white to a multiple of 32 px", P("base-2.5-white64"), P("base-1.25-white32")),
            ("PyTorch KD", P("kd-2.5"), P("kd-1.25")),
        ]),
    }


def half_tables(out):
    """Tables on lc-half's test split (original test groups + the unlabelled half no arm trained
    on), the only view where kd+aux can be compared with the other arms."""
    L = lambda n: lowmag(out, n)  # noqa: E731
    P = lambda n: pytorch(out, n)  # noqa: E731
    arms = [("teacher 10x", "teacher"), ("baseline 2.5x", "base-2.5-white64"),
            ("baseline 1.25x", "base-1.25-white32"), ("KD 2.5x", "kd-2.5"), ("KD 1.25x", "kd-1.25"),
            ("KD+aux 2.5x", "kdaux-2.5"), ("KD+aux 1.25x", "kdaux-1.25")]
    paired = []
    for side, F in (("LowMag", L), ("PyTorch", P)):
        for m in ("2.5", "1.25"):
            base = "base-2.5-white64" if m == "2.5" else "base-1.25-white32"
            paired += [(f"{side}: KD {m}x - baseline {m}x", F(f"kd-{m}"), F(base)),
                       (f"{side}: KD+aux {m}x - KD {m}x", F(f"kdaux-{m}"), F(f"kd-{m}")),
                       (f"{side}: KD+aux {m}x - teacher 10x", F(f"kdaux-{m}"), F("teacher"))]
        paired.append((f"{side}: KD+aux 2.5x - KD+aux 1.25x", F("kdaux-2.5"), F("kdaux-1.25")))
    return {
        "half-lowmag-vs-pytorch": ("LowMag", "PyTorch", [(n, L(r), P(r)) for n, r in arms]),
        "half-paired": ("A", "B", paired),
    }


def main(argv):
    out = os.path.abspath(argv[1])
    wanted = argv[2:]
    os.makedirs(f"{out}/tables", exist_ok=True)
    views = [(t, f"{out}/lc-wide", []) for t in tables(out).items()]
    views += [(t, f"{out}/lc-half", ["--split", "test"]) for t in half_tables(out).items()]
    for (name, (a, b, rows)), data, extra in views:
        if wanted and name not in wanted:
            continue
        rows = [{"name": n, "a": x, "b": y} for n, x, y in rows if x and y]
        if not rows:
            continue
        spec = f"{out}/tables/{name}.json"
        with open(spec, "w") as f:
            json.dump({"a_label": a, "b_label": b, "rows": rows}, f, indent=1)
        md = f"{out}/tables/{name}.md"
        subprocess.run([sys.executable, f"{HERE}/compare.py", "--data", data, *extra,
                        "--table", spec, "--markdown", md], check=True, stdout=subprocess.DEVNULL)
        print(f"## {name}\n")
        with open(md) as f:
            print(f.read())


if __name__ == "__main__":
    main(sys.argv)
