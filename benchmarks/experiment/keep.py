#!/usr/bin/env python3
"""Keeps the finished runs of a `lowmag experiment` folder small enough to commit, and puts them back.

A long experiment (the 3-seed LC25000 grid: 30 runs, over 8 hours on 2 cores) can then be made a
few runs at a time on machines that do not outlive a session:

    /usr/bin/python3 benchmarks/experiment/keep.py save EXP_DIR DEST     # finished runs of EXP_DIR -> DEST
    /usr/bin/python3 benchmarks/experiment/keep.py restore DEST EXP_DIR  # DEST -> EXP_DIR, then re-run

save keeps every run (of those experiment.json lists) that is finished (DONE) and evaluated
(eval/<run>/metrics.json): the run's files without model/ and checkpoint/ (DONE, config.json,
log.txt, metrics.csv) and its eval/ folder, CSV files gzipped without timestamps, plus
experiment.json. A teacher's run also keeps model/best (about 5 MB for the paper's network): the
students of its seed are distilled from it, on this machine or a later one. It adds to what DEST
holds. An unfinished run is not kept; the next machine makes it again from the start.

restore unpacks them into EXP_DIR, skipping runs EXP_DIR has finished already. `lowmag experiment`
then skips the kept runs (finished, evaluated) and makes only the others; its report needs no
student model. EXP_DIR must have the absolute path it had on the first machine (a student's
config.json names its teacher's folder, and `experiment` refuses a run made with other settings),
and so must the dataset.
"""
import gzip
import json
import pathlib
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
            if is_teacher(r):  # its students are distilled from model/best
                copy_files(exp / "runs" / r / "model" / "best", tmp / "runs" / r / "model" / "best")
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
    plan(dest)
    done, skipped = 0, 0
    for d in sorted((dest / "runs").iterdir()):
        r = d.name
        if finished(exp, r):
            skipped += 1
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


def main(argv):
    if len(argv) != 4 or argv[1] not in ("save", "restore"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        sys.exit(2)
    a, b = pathlib.Path(argv[2]).absolute(), pathlib.Path(argv[3]).absolute()
    (save if argv[1] == "save" else restore)(a, b)


if __name__ == "__main__":
    main(sys.argv)
