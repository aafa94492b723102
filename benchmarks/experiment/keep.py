#!/usr/bin/env python3
"""Keeps the finished seeds of a `lowmag experiment` folder small enough to commit, and puts them back.

A long experiment (the 3-seed LC25000 grid: about 7 hours on 2 cores) can then be made one seed at a
time on machines that do not outlive a session:

    /usr/bin/python3 benchmarks/experiment/keep.py save EXP_DIR DEST     # whole seeds of EXP_DIR -> DEST
    /usr/bin/python3 benchmarks/experiment/keep.py restore DEST EXP_DIR  # DEST -> EXP_DIR, then re-run

save keeps every *whole* seed: one whose runs (experiment.json lists the plan: teacher-seed<k> and
every student of seed k; no suffix with one seed) are all finished (DONE) and evaluated
(eval/<run>/metrics.json). A seed is kept whole or not at all, because its students are distilled
from its teacher and the teacher's model is not kept: a later machine would have to retrain it, and
the seed's students would come from two different teachers. For each kept run it copies the run's
folder without model/ and checkpoint/ (DONE, config.json, log.txt, metrics.csv) and its eval/
folder, CSV files gzipped without timestamps, plus experiment.json; it adds to what DEST holds.

restore unpacks them into EXP_DIR, skipping runs EXP_DIR has finished already. `lowmag experiment`
then skips the kept runs (finished, evaluated) and makes only the others; its report needs no
model. EXP_DIR must have the absolute path it had on the first machine: a student's config.json
names its teacher's folder, and `experiment` refuses a run made with other settings.
"""
import gzip
import json
import pathlib
import re
import shutil
import sys
import tempfile


def fail(msg):
    print(f"keep.py: {msg}", file=sys.stderr)
    sys.exit(1)


def plan(exp):
    f = exp / "experiment.json"
    if not f.is_file():
        fail(f"{exp} has no experiment.json: not an experiment folder (or nothing kept there)")
    return json.loads(f.read_text())["runs"]


def seed_of(run):
    """The run's seed suffix: '-seed<k>' (before any -fold<j>), or '' in a single-seed experiment."""
    m = re.search(r"-seed\d+", run)
    return m.group(0) if m else ""


def finished(exp, run):
    return (exp / "runs" / run / "DONE").is_file() and (exp / "eval" / run / "metrics.json").is_file()


def whole_seeds(exp, runs):
    """(kept runs, {seed: the runs that keep it from being whole})."""
    by_seed = {}
    for r in runs:
        by_seed.setdefault(seed_of(r), []).append(r)
    kept, missing = [], {}
    for seed, rs in by_seed.items():
        todo = [r for r in rs if not finished(exp, r)]
        if todo:
            missing[seed.lstrip("-") or "the only seed"] = todo
        else:
            kept += rs
    return kept, missing


def copy_gz(src, dst):
    """src to dst; a .csv file gzipped to dst.gz with no name or time in its header (gzip -9n)."""
    if src.suffix == ".csv":
        with open(src, "rb") as i, open(dst.with_name(dst.name + ".gz"), "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as o:
                shutil.copyfileobj(i, o)
    else:
        shutil.copyfile(src, dst)


def save(exp, dest):
    runs = plan(exp)
    kept, missing = whole_seeds(exp, runs)
    for seed, todo in missing.items():
        print(f"{seed}: not kept, unfinished: {', '.join(todo)}")
    if not kept:
        fail(f"no whole seed in {exp}: every seed has unfinished runs")
    dest.mkdir(parents=True, exist_ok=True)
    tmp = pathlib.Path(tempfile.mkdtemp(prefix=".keep.", dir=dest))
    try:
        shutil.copyfile(exp / "experiment.json", tmp / "experiment.json")
        for r in kept:
            for kind in ("runs", "eval"):
                src, dst = exp / kind / r, tmp / kind / r
                dst.mkdir(parents=True)
                for f in sorted(src.iterdir()):
                    if f.is_file() and not f.name.startswith("."):
                        copy_gz(f, dst / f.name)
        for kind in ("runs", "eval"):  # whole run folders replaced, so a re-save does not mix files
            for d in sorted((tmp / kind).iterdir()):
                target = dest / kind / d.name
                if target.exists():
                    shutil.rmtree(target)
                target.parent.mkdir(parents=True, exist_ok=True)
                d.rename(target)
        (tmp / "experiment.json").replace(dest / "experiment.json")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    seeds = sorted({seed_of(r).lstrip("-") or "the only seed" for r in kept})
    print(f"kept {len(kept)} runs ({', '.join(seeds)}) in {dest}")


def restore(dest, exp):
    plan(dest)
    done, skipped = 0, 0
    for d in sorted((dest / "runs").iterdir()):
        r = d.name
        if finished(exp, r):
            skipped += 1
            continue
        for kind in ("runs", "eval"):
            src, dst = dest / kind / r, exp / kind / r
            if dst.exists():
                shutil.rmtree(dst)  # an unfinished attempt at a run that was finished elsewhere
            dst.mkdir(parents=True)
            for f in sorted(src.iterdir()):
                if f.name.endswith(".csv.gz"):
                    with gzip.open(f, "rb") as i, open(dst / f.name[:-3], "wb") as o:
                        shutil.copyfileobj(i, o)
                else:
                    shutil.copyfile(f, dst / f.name)
        done += 1
    if not (exp / "experiment.json").exists():
        shutil.copyfile(dest / "experiment.json", exp / "experiment.json")
    print(f"restored {done} runs into {exp} ({skipped} already finished there)")


def main(argv):
    if len(argv) != 4 or argv[1] not in ("save", "restore"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        sys.exit(2)
    a, b = pathlib.Path(argv[2]).absolute(), pathlib.Path(argv[3]).absolute()
    (save if argv[1] == "save" else restore)(a, b)


if __name__ == "__main__":
    main(sys.argv)
