#!/usr/bin/python3
"""Self-test of tables.py on a tiny fake study folder: /usr/bin/python3 test_tables.py"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def preds(path, right):
    """Predictions of tissues t1-t4 (truth x, y, x, y); right[i] says whether t(i+1) is right."""
    rows = ["tissue,truth,predicted"]
    for i, (t, y) in enumerate((("t1", "x"), ("t2", "y"), ("t3", "x"), ("t4", "y"))):
        rows.append(f"{t},{y},{y if right[i] else ('y' if y == 'x' else 'x')}")
    write(path, "\n".join(rows) + "\n")


def test_half_tables_compare_on_the_half_view():
    with tempfile.TemporaryDirectory() as out:
        head = "tissue,source,group,label,split\n"
        write(f"{out}/lc-wide/manifest.csv",
              head + "t1,s,g1,x,test\nt2,s,g2,y,test\nt3,s,g3,x,test\nt4,s,g4,y,test\n")
        # lc-half: g4 is the auxiliary half, so comparisons use t1-t3 only
        write(f"{out}/lc-half/manifest.csv",
              head + "t1,s,g1,x,test\nt2,s,g2,y,test\nt3,s,g3,x,test\nt4,s,g4,,unlabeled\n")
        preds(f"{out}/eval/teacher-s0-best/predictions.csv", [1, 1, 1, 0])
        preds(f"{out}/pytorch/teacher-s0/predictions-test.csv", [1, 1, 0, 1])
        # kd+aux was evaluated on lc-half only (t1-t3)
        write(f"{out}/eval/kdaux-2.5-s0-best/predictions.csv",
              "tissue,truth,predicted\nt1,x,x\nt2,y,x\nt3,x,x\n")
        r = subprocess.run([sys.executable, f"{HERE}/tables.py", out], capture_output=True,
                           text=True, check=True)
        wide = open(f"{out}/tables/lowmag-vs-pytorch.md").read()
        assert "| teacher 10x (224 px) | 75.00 (s0 75.00) | 75.00 (s0 75.00) |" in wide, wide
        assert "| 4 / 4 |" in wide
        half = open(f"{out}/tables/half-lowmag-vs-pytorch.md").read()
        assert "| teacher 10x | 100.00 (s0 100.00) | 66.67 (s0 66.67) |" in half, half
        assert "| 3 / 3 |" in half
        paired = open(f"{out}/tables/half-paired.md").read()
        assert "| LowMag: KD+aux 2.5x - teacher 10x | 66.67 (s0 66.67) | 100.00 (s0 100.00) |" \
            in paired, paired
        assert "## half-paired" in r.stdout


if __name__ == "__main__":
    for name, fn in list(globals().items()):
        if name.startswith("test_"):
            fn()
            print("ok", name)
