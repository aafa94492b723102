#!/usr/bin/python3
"""Self-test of keep.py on a tiny fake experiment folder: /usr/bin/python3 test_keep.py"""
import gzip
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RUNS = ["teacher-seed0", "kd-2.5x-seed0", "teacher-seed1", "kd-2.5x-seed1"]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def fake_run(exp, run, done=True, evaluated=True):
    write(f"{exp}/runs/{run}/config.json", json.dumps({"name": run}))
    write(f"{exp}/runs/{run}/metrics.csv", f"epoch,loss\n1,0.5 {run}\n")
    write(f"{exp}/runs/{run}/model/best/params", "weights")
    write(f"{exp}/runs/{run}/checkpoint/last", "state")
    write(f"{exp}/runs/{run}/.run.lock", "")
    if done:
        write(f"{exp}/runs/{run}/DONE", "{}")
    if evaluated:
        write(f"{exp}/eval/{run}/metrics.json", json.dumps({"accuracy": 0.9}))
        write(f"{exp}/eval/{run}/predictions.csv", f"tissue,truth,predicted\nt1,x,x {run}\n")


def keep(*args):
    return subprocess.run([sys.executable, f"{HERE}/keep.py", *args], capture_output=True, text=True)


def test_finished_runs_are_kept_without_models_and_restored_as_they_were():
    with tempfile.TemporaryDirectory() as tmp:
        exp, dest, back = f"{tmp}/exp", f"{tmp}/kept", f"{tmp}/back"
        write(f"{exp}/experiment.json", json.dumps({"runs": RUNS}))
        fake_run(exp, "teacher-seed0")
        fake_run(exp, "kd-2.5x-seed0")
        fake_run(exp, "teacher-seed1")
        fake_run(exp, "kd-2.5x-seed1", done=True, evaluated=False)  # interrupted in its evaluation
        r = keep("save", exp, dest)
        assert r.returncode == 0, r.stderr
        assert "kept 3 of 4 runs" in r.stdout, r.stdout
        assert "to make on a later machine: kd-2.5x-seed1" in r.stdout, r.stdout
        assert sorted(os.listdir(f"{dest}/runs")) == ["kd-2.5x-seed0", "teacher-seed0", "teacher-seed1"]
        # no model, checkpoint or lock is kept, a teacher's neither
        assert sorted(os.listdir(f"{dest}/runs/teacher-seed0")) == [
            "DONE", "config.json", "metrics.csv.gz"]
        assert sorted(os.listdir(f"{dest}/runs/kd-2.5x-seed0")) == [
            "DONE", "config.json", "metrics.csv.gz"]
        with gzip.open(f"{dest}/eval/kd-2.5x-seed0/predictions.csv.gz", "rt") as f:
            assert f.read() == "tissue,truth,predicted\nt1,x,x kd-2.5x-seed0\n"
        # the gzip header holds no time: saving twice gives the same bytes
        first = open(f"{dest}/eval/kd-2.5x-seed0/predictions.csv.gz", "rb").read()
        assert keep("save", exp, dest).returncode == 0
        assert open(f"{dest}/eval/kd-2.5x-seed0/predictions.csv.gz", "rb").read() == first

        write(f"{back}/runs/kd-2.5x-seed0/log.txt", "an unfinished attempt")
        r = keep("restore", dest, back)
        assert r.returncode == 0, r.stderr
        assert "restored 2 runs" in r.stdout, r.stdout
        # seed 1's KD is still to make and needs its teacher's model: that teacher is trained again
        assert "to train again for the students of their seeds: teacher-seed1" in r.stdout, r.stdout
        assert not os.path.exists(f"{back}/runs/teacher-seed1")
        assert not os.path.exists(f"{back}/runs/kd-2.5x-seed0/log.txt")
        for run in ("teacher-seed0", "kd-2.5x-seed0"):
            for f in ("runs/{}/config.json", "runs/{}/metrics.csv", "runs/{}/DONE",
                      "eval/{}/metrics.json", "eval/{}/predictions.csv"):
                a, b = f"{exp}/{f.format(run)}", f"{back}/{f.format(run)}"
                assert open(a).read() == open(b).read(), b
        assert not os.path.exists(f"{back}/runs/teacher-seed0/model")
        assert os.path.exists(f"{back}/experiment.json")
        assert "0 runs into" in keep("restore", dest, back).stdout  # all finished there now


def test_nothing_finished_is_refused():
    with tempfile.TemporaryDirectory() as tmp:
        exp = f"{tmp}/exp"
        write(f"{exp}/experiment.json", json.dumps({"runs": ["teacher", "kd-2.5x"]}))
        fake_run(exp, "teacher", evaluated=False)
        r = keep("save", exp, f"{tmp}/kept")
        assert r.returncode == 1
        assert "nothing to keep" in r.stderr, r.stderr
        assert not os.path.exists(f"{tmp}/kept/runs")
        r = keep("restore", f"{tmp}/nothing", exp)
        assert r.returncode == 1 and "no experiment.json" in r.stderr, r.stderr


if __name__ == "__main__":
    for name, fn in list(globals().items()):
        if name.startswith("test_"):
            fn()
            print("ok", name)
