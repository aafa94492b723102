#!/usr/bin/env python3
"""Keeps the finished runs of a `lowmag experiment` folder small enough to commit, and puts them back.

A long experiment (the 3-seed LC25000 grid: 30 runs, over 8 hours on 2 cores) can then be made a
few runs at a time on machines that do not outlive a session:

    /usr/bin/python3 benchmarks/experiment/keep.py save EXP_DIR DEST     # finished runs of EXP_DIR -> DEST
    /usr/bin/python3 benchmarks/experiment/keep.py restore DEST EXP_DIR  # DEST -> EXP_DIR, then re-run

save keeps every run (of those experiment.json lists) that is finished (DONE) and evaluated
(eval/<run>/metrics.json): the run's files without model/ and checkpoint/ (DONE, config.json,
log.txt, metrics.csv) and its eval/ folder, CSV files gzipped without timestamps, plus
experiment.json. No model is kept (a repository holds no trained weights). It adds to what DEST
holds. An unfinished run is not kept; the next machine makes it again from the start.

restore unpacks them into EXP_DIR, skipping runs EXP_DIR has finished already. A teacher whose seed
(run names ending -seed<k>) still has runs to make is not restored, as its students need its
model: `experiment` trains it again, and that seed's new students are distilled from the new
teacher (the kept ones of that seed came from the earlier one). `lowmag experiment`
then skips the kept runs (finished, evaluated) and makes only the others; its report needs no
student model. EXP_DIR must have the absolute path it had on the first machine (a student's
config.json names its teacher's folder, and `experiment` refuses a run made with other settings),
and so must the dataset.
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


def finished(exp, run):
    return (exp / "runs" / run / "DONE").is_file() and (exp / "eval" / run / "metrics.json").is_file()


def is_teacher(run):
    return run == "teacher" or run.startswith("teacher-")


def seed_of(run):
    """The run name's -seed<k> suffix ("" for a single-seed experiment)."""
    m = re.search(r"-seed\d+$", run)
    return m.group(0) if m else ""


def copy_gz(src, dst):
    """src to dst; a .csv file gzipped to dst.gz with no name or time in its header (gzip -9n)."""
    if src.suffix == ".csv":
        with open(src, "rb") as i, open(dst.with_name(dst.name + ".gz"), "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as o:
                shutil.copyfileobj(i, o)
    else:
        shutil.copyfile(src, dst)


def copy_files(src, dst):
    """The plain files of folder src into dst (made), CSVs gzipped; dot files (locks) left out."""
    dst.mkdir(parents=True)
    for f in sorted(src.iterdir()):
        if f.is_file() and not f.name.startswith("."):
            copy_gz(f, dst / f.name)


def save(exp, dest):
    runs = plan(exp)
    kept = [r for r in runs if finished(exp, r)]
    if not kept:
        fail(f"no run of {exp} is finished and evaluated yet: nothing to keep")
    dest.mkdir(parents=True, exist_ok=True)
    tmp = pathlib.Path(tempfile.mkdtemp(prefix=".keep.", dir=dest))
    try:
        shutil.copyfile(exp / "experiment.json", tmp / "experiment.json")
        for r in kept:
            copy_files(exp / "runs" / r, tmp / "runs" / r)
            copy_files(exp / "eval" / r, tmp / "eval" / r)
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
    left = [r for r in runs if not finished(exp, r)]
    print(f"kept {len(kept)} of {len(runs)} runs in {dest}: {', '.join(kept)}")
    if left:
        more = f" and {len(left) - 5} more" if len(left) > 5 else ""
        print(f"not finished, to make on a later machine: {', '.join(left[:5])}{more}")


def restore(dest, exp):
    runs = plan(dest)
    kept = {d.name for d in (dest / "runs").iterdir()}
    done, skipped, retrain = 0, 0, []
    for r in sorted(kept):
        if finished(exp, r):
            skipped += 1
            continue
        if is_teacher(r) and any(seed_of(x) == seed_of(r) and x not in kept for x in runs):
            retrain.append(r)  # its students to make need its model, which is not kept
            continue
        for kind in ("runs", "eval"):
            dst = exp / kind / r
            if dst.exists():
                shutil.rmtree(dst)  # an unfinished attempt at a run that was finished elsewhere
            shutil.copytree(dest / kind / r, dst)
            for f in sorted(dst.rglob("*.csv.gz")):
                with gzip.open(f, "rb") as i, open(f.with_name(f.name[:-3]), "wb") as o:
                    shutil.copyfileobj(i, o)
                f.unlink()
        done += 1
    if not (exp / "experiment.json").exists():
        shutil.copyfile(dest / "experiment.json", exp / "experiment.json")
    print(f"restored {done} runs into {exp} ({skipped} already finished there)")
    if retrain:
        print(f"not restored, to train again for the students of their seeds: {', '.join(retrain)}")


def main(argv):
    if len(argv) != 4 or argv[1] not in ("save", "restore"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        sys.exit(2)
    a, b = pathlib.Path(argv[2]).absolute(), pathlib.Path(argv[3]).absolute()
    (save if argv[1] == "save" else restore)(a, b)


if __name__ == "__main__":
    main(sys.argv)
