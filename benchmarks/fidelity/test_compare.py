#!/usr/bin/python3
"""Self-tests of compare.py (plain asserts): /usr/bin/python3 test_compare.py"""
import os
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare as c  # noqa: E402


def test_two_groups_hand_values():
    # g1: 2 tissues, g2: 2 tissues. A right everywhere; B right in g1, wrong in g2.
    groups = np.array(["g1", "g1", "g2", "g2"])
    a = np.array([[1, 1, 1, 1]], bool)
    b = np.array([[1, 1, 0, 0]], bool)
    r = c.bootstrap_diff(a, b, groups, n_boot=20000, seed=1)
    assert r["acc_a"][0] == 1.0 and r["acc_b"][0] == 0.5 and r["diff"] == 0.5
    # Resamples: {g1,g1} p=1/4 -> 0; {g1,g2} p=1/2 -> 0.5; {g2,g2} p=1/4 -> 1.
    d = r["diffs"]
    assert set(np.round(d, 12)) == {0.0, 0.5, 1.0}
    assert abs(np.mean(d == 0.0) - 0.25) < 0.02 and abs(np.mean(d == 1.0) - 0.25) < 0.02
    assert r["ci"] == (0.0, 1.0)
    assert r["groups"] == 2 and r["tissues"] == 4


def test_unequal_groups_ratio_of_sums():
    # g1: 3 tissues all right for both; g2: 1 tissue, A right, B wrong -> point diff 1/4.
    groups = np.array(["g1", "g1", "g1", "g2"])
    a = np.array([[1, 1, 1, 1]], bool)
    b = np.array([[1, 1, 1, 0]], bool)
    r = c.bootstrap_diff(a, b, groups, n_boot=20000, seed=2)
    assert r["diff"] == 0.25
    # {g1,g1}: 0; {g1,g2}: 1/4 (a drawn group brings all its tissues); {g2,g2}: 1.
    assert set(np.round(r["diffs"], 12)) == {0.0, 0.25, 1.0}
    assert abs(np.mean(np.isclose(r["diffs"], 0.25)) - 0.5) < 0.02


def test_identical_sides_give_zero():
    rng = np.random.default_rng(3)
    groups = np.repeat(np.arange(30).astype(str), 5)
    x = rng.random((2, 150)) < 0.8
    r = c.bootstrap_diff(x, x, groups, n_boot=1000, seed=0)
    assert r["diff"] == 0.0 and r["ci"] == (0.0, 0.0)


def test_several_seeds_mean_difference():
    groups = np.array(["g1", "g1", "g2", "g2"])
    a = np.array([[1, 1, 1, 1], [1, 1, 0, 0]], bool)  # seeds: 1.0 and 0.5 -> mean 0.75
    b = np.array([[1, 0, 1, 0]], bool)  # 0.5
    r = c.bootstrap_diff(a, b, groups, n_boot=20000, seed=4)
    assert list(r["acc_a"]) == [1.0, 0.5] and list(r["acc_b"]) == [0.5]
    assert r["diff"] == 0.25
    # g1: A mean 1, B 1/2 -> +1/2 per tissue; g2: A mean 1/2, B 1/2 -> 0.
    # {g1,g1}: 0.5; {g1,g2}: 0.25; {g2,g2}: 0.
    assert set(np.round(r["diffs"], 12)) == {0.0, 0.25, 0.5}
    assert r["ci"] == (0.0, 0.5)


def test_speed():
    rng = np.random.default_rng(5)
    groups = np.repeat(np.arange(400).astype(str), 20)
    a = rng.random((5, 8000)) < 0.9
    b = rng.random((5, 8000)) < 0.88
    t0 = time.perf_counter()
    c.bootstrap_diff(a, b, groups, n_boot=10000, seed=0)
    dt = time.perf_counter() - t0
    assert dt < 2.0, dt  # ~0.3-0.6 s here; slack for a machine busy with trainings


def write(path, rows, header="tissue,truth,predicted,p_x,p_y"):
    with open(path, "w") as f:
        f.write(header + "\n")
        for r in rows:
            f.write(",".join(r) + ",0.5,0.5\n")


def test_files_and_cli():
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "manifest.csv"), "w") as f:
            f.write("tissue,source,group,label,split\n"
                    "t1,s,g1,x,test\nt2,s,g1,y,test\nt3,s,g2,x,test\nt4,s,g2,y,test\n")
        write(os.path.join(d, "a.csv"), [["t1", "x", "x"], ["t2", "y", "y"],
                                         ["t3", "x", "x"], ["t4", "y", "y"]])
        write(os.path.join(d, "b.csv"), [["t4", "y", "x"], ["t3", "x", "y"],  # other order
                                         ["t2", "y", "y"], ["t1", "x", "x"]])
        write(os.path.join(d, "short.csv"), [["t1", "x", "x"], ["t2", "y", "y"], ["t3", "x", "x"]])
        write(os.path.join(d, "badtruth.csv"), [["t1", "y", "x"], ["t2", "y", "y"],
                                                ["t3", "x", "x"], ["t4", "y", "y"]])
        man = c.read_groups(d)
        correct, groups, tissues = c.correctness([os.path.join(d, "a.csv"),
                                                  os.path.join(d, "b.csv")], man)
        assert tissues == ["t1", "t2", "t3", "t4"]
        assert correct.tolist() == [[True] * 4, [True, True, False, False]]
        for bad, words in (("short.csv", "tissue sets differ"), ("badtruth.csv", "truth")):
            try:
                c.correctness([os.path.join(d, "a.csv"), os.path.join(d, bad)], man)
            except c.CompareError as e:
                assert words in str(e), e
            else:
                raise AssertionError("accepted " + bad)
        md = os.path.join(d, "out.md")
        rc = c.main(["--data", d, "--a", "s0=" + os.path.join(d, "a.csv"),
                     "--b", "s0=" + os.path.join(d, "b.csv"), "--bootstrap", "2000",
                     "--markdown", md, "--a-label", "LowMag", "--b-label", "PyTorch"])
        assert rc == 0
        text = open(md).read()
        assert "| A vs B | 100.00 (s0 100.00) | 50.00 (s0 50.00) | +50.00 (+0.00, +100.00) |" \
            in text, text
        rc = c.main(["--data", d, "--a", os.path.join(d, "a.csv"),
                     "--b", os.path.join(d, "short.csv")])
        assert rc == 2


def test_split_restricts_to_a_narrower_view():
    # The view keeps t1, t2 (g1) and t3 (g2) as test and t4 as unlabeled (an auxiliary tissue):
    # predictions made on all four tissues are compared on t1-t3 only.
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "manifest.csv"), "w") as f:
            f.write("tissue,source,group,label,split\n"
                    "t1,s,g1,x,test\nt2,s,g1,y,test\nt3,s,g2,x,test\nt4,s,g2,,unlabeled\n")
        write(os.path.join(d, "a.csv"), [["t1", "x", "x"], ["t2", "y", "y"],
                                         ["t3", "x", "x"], ["t4", "y", "y"]])
        write(os.path.join(d, "b.csv"), [["t1", "x", "x"], ["t2", "y", "x"],
                                         ["t3", "x", "y"], ["t4", "y", "y"]])
        write(os.path.join(d, "view.csv"), [["t3", "x", "x"], ["t2", "y", "y"], ["t1", "x", "x"]])
        man = c.read_groups(d, split="test")
        assert sorted(man) == ["t1", "t2", "t3"]
        files = [os.path.join(d, n) for n in ("a.csv", "b.csv", "view.csv")]
        correct, groups, tissues = c.correctness(files, man, restrict=True)
        assert tissues == ["t1", "t2", "t3"] and groups.tolist() == ["g1", "g1", "g2"]
        assert correct.tolist() == [[True] * 3, [True, False, False], [True] * 3]
        # without restrict the wider files do not match the view's tissues
        try:
            c.correctness(files, man)
        except c.CompareError as e:
            assert "not in the --data manifest" in str(e) or "tissue sets differ" in str(e), e
        else:
            raise AssertionError("compared files holding tissues outside the view")
        md = os.path.join(d, "out.md")
        rc = c.main(["--data", d, "--split", "test", "--a", "s0=" + files[0],
                     "--b", "s0=" + files[1], "--bootstrap", "500", "--markdown", md])
        assert rc == 0
        text = open(md).read()
        assert "| 100.00 (s0 100.00) | 33.33 (s0 33.33) | +66.67 (" in text, text
        assert "| 3 / 2 |" in text, text
        assert c.main(["--data", d, "--split", "val", "--a", files[0], "--b", files[1]]) == 2


if __name__ == "__main__":
    for name, fn in list(globals().items()):
        if name.startswith("test_"):
            fn()
            print("ok", name)
