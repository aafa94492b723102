#!/usr/bin/env python3
"""Malformed-input suite: feeds generated bad inputs to `lowmag info`, `tissue`, `prepare` and
`predict`, each run under a timeout, and reports what a hostile user would find.

Inputs are made from the real slides in ../shared/data/slides (Aperio JPEG, Aperio JPEG 2000, a
plain strip TIFF, a JPEG overview; the suite says what it skips when the folder is absent): cuts
(0, 1, 8 bytes, 10/50/90 %), random byte changes, absurd TIFF headers (IFD offset 0 or past the
end, an IFD that points to itself, a huge entry count, a huge width, tiles narrower than written, a
huge TileOffsets count), an empty file, a folder, a FIFO and garbage named as slides, and bad
manifests for `prepare --images` (absolute and ../ paths, missing fields, a truncated PNG, a
class of one image, a non-UTF-8 file).

Each run is classified:
  crash     the JVM died (exit >= 128 other than the timeout, or an hs_err file)
  hang      it ran past the timeout
  trace     a Java stack trace on stderr (without --verbose)
  silent    exit 0 on an input that must fail (a cut file, an absurd header, ...)
  failed    exit 1 or 2 with a one-line message: the wanted outcome for a bad input
  broken    an original, intact slide failed
  ok        exit 0 on an input that may be fine (byte changes inside compressed pixels cannot be
            detected: TIFF has no checksums)
The batch checks run one `predict` and one `prepare --slides` over every bad slide plus the good
ones, and check that the batch ends with a summary.csv (predict) or a report (prepare) that lists
every slide, the good ones predicted and the bad ones failed.

Usage: benchmarks/robustness/malformed.py [--jar target/lowmag.jar] [--model RUN] [--work DIR]
       [--timeout S]
Without --model it makes one with `lowmag demo --quick` (about 2 minutes).
"""

import argparse
import csv
import os
import random
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"


# ---------------------------------------------------------------- TIFF surgery


def tiff_ifd0(b):
    """(endian, offset of IFD0, entry list [(pos, tag, type, count, value_pos)]) of a classic TIFF."""
    e = "<" if b[:2] == b"II" else ">"
    off = struct.unpack(e + "I", b[4:8])[0]
    n = struct.unpack(e + "H", b[off : off + 2])[0]
    entries = []
    for i in range(n):
        p = off + 2 + 12 * i
        tag, typ, count = struct.unpack(e + "HHI", b[p : p + 8])
        entries.append((p, tag, typ, count, p + 8))
    return e, off, n, entries


def set_tag_value(b, tag, value):
    e, _, _, entries = tiff_ifd0(b)
    for p, t, typ, count, vp in entries:
        if t == tag:
            if typ == 3:
                b[vp : vp + 2] = struct.pack(e + "H", min(value, 0xFFFF))
            else:
                b[vp : vp + 4] = struct.pack(e + "I", value)
            return b
    raise KeyError(tag)


def set_tag_count(b, tag, count):
    e, _, _, entries = tiff_ifd0(b)
    for p, t, typ, c, vp in entries:
        if t == tag:
            b[p + 4 : p + 8] = struct.pack(e + "I", count)
            return b
    raise KeyError(tag)


def header_mutations(src):
    """name -> bytes: absurd TIFF headers of one file."""
    orig = bytearray(src.read_bytes())
    e, off, n, entries = tiff_ifd0(orig)
    tags = {t for _, t, _, _, _ in entries}
    out = {}
    b = bytearray(orig)
    b[4:8] = struct.pack(e + "I", 0)
    out["ifd-offset-0"] = b
    b = bytearray(orig)
    b[4:8] = struct.pack(e + "I", 0xFFFFFFF0)
    out["ifd-offset-past-end"] = b
    b = bytearray(orig)
    nxt = off + 2 + 12 * n
    b[nxt : nxt + 4] = struct.pack(e + "I", off)
    out["ifd-loop"] = b
    b = bytearray(orig)
    b[off : off + 2] = struct.pack(e + "H", 0xFFFF)
    out["entry-count-65535"] = b
    out["width-huge"] = set_tag_value(bytearray(orig), 256, 0x7FFFFFFF)
    out["bad-magic"] = bytearray(b"XX" + orig[2:])
    if 322 in tags:
        out["tilewidth-16"] = set_tag_value(bytearray(orig), 322, 16)
        out["tileoffsets-count-huge"] = set_tag_count(bytearray(orig), 324, 0x3FFFFFFF)
    if 273 in tags:
        out["stripoffsets-count-huge"] = set_tag_count(bytearray(orig), 273, 0x3FFFFFFF)
    return out


def flips(data, seed, n):
    b = bytearray(data)
    r = random.Random(seed)
    for _ in range(n):
        i = r.randrange(len(b))
        b[i] = r.randrange(256)
    return b


# ---------------------------------------------------------------- inputs


class Input:
    def __init__(self, path, kind, must_fail):
        self.path = path
        self.kind = kind
        self.must_fail = must_fail


def make_slides(work):
    """The bad slides (and the good originals) in work/slides; returns [Input]."""
    d = work / "slides"
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    sources = {
        "svs-jpeg": DATA / "slides" / "cmu-1-small-region.svs",
        "svs-jp2k": DATA / "slides" / "tcga-cr-7395-01a-01-ts1.svs",
        "strip-tiff": DATA / "slides" / "kidney-48-5.tif",
        "jpeg": DATA / "slides" / "tissueloc" / "20181218042458.jpg",
    }
    inputs = []
    for kind, src in sources.items():
        if not src.exists():
            print(f"skipping {kind}: {src} is absent", file=sys.stderr)
            continue
        ext = src.suffix
        data = src.read_bytes()
        good = d / f"good-{kind}{ext}"
        shutil.copy(src, good)
        inputs.append(Input(good, kind + " original", False))
        for frac in (0.1, 0.5, 0.9):
            p = d / f"cut{int(frac * 100)}-{kind}{ext}"
            p.write_bytes(data[: int(len(data) * frac)])
            inputs.append(Input(p, kind + " cut", True))
        for nbytes in (1, 8):
            p = d / f"cut{nbytes}b-{kind}{ext}"
            p.write_bytes(data[:nbytes])
            inputs.append(Input(p, kind + " cut", True))
        for seed in (1, 2, 6) if kind == "svs-jp2k" else (1,):
            p = d / f"flip200s{seed}-{kind}{ext}"
            p.write_bytes(flips(data, seed, 200))
            inputs.append(Input(p, kind + " byte changes", False))
        if ext in (".svs", ".tif"):
            for name, b in header_mutations(src).items():
                p = d / f"{name}-{kind}{ext}"
                p.write_bytes(b)
                inputs.append(Input(p, kind + " header", True))
    (d / "empty.svs").write_bytes(b"")
    inputs.append(Input(d / "empty.svs", "empty file", True))
    (d / "garbage.svs").write_bytes(b"II*\x00" + os.urandom(4096))
    inputs.append(Input(d / "garbage.svs", "garbage with TIFF magic", True))
    (d / "text.tif").write_text("this is not a slide\n")
    inputs.append(Input(d / "text.tif", "text file", True))
    (d / "folder.svs").mkdir()
    inputs.append(Input(d / "folder.svs", "folder named .svs", True))
    os.mkfifo(d / "fifo.svs")
    inputs.append(Input(d / "fifo.svs", "FIFO named .svs", True))
    return inputs


def make_manifests(work):
    """Bad manifests for prepare --images: [(name, image dir, manifest, must_fail)]."""
    d = work / "images"
    shutil.rmtree(d, ignore_errors=True)
    (d / "imgs").mkdir(parents=True)
    lc = DATA / "lc25000-lung"
    pngs = sorted((DATA / "slides" / "tissueloc").glob("*.mask.png"))
    if not lc.exists() or not pngs:
        print("skipping manifests: lc25000-lung or tissueloc masks absent", file=sys.stderr)
        return []
    rows = []
    for cls in ("lung_aca", "lung_n"):
        for i, f in enumerate(sorted((lc / cls).glob("*.jpeg"))[:4]):
            shutil.copy(f, d / "imgs" / f"{cls}-{i}.jpeg")
            rows.append((f"{cls}-{i}.jpeg", cls, f"{cls}-g{i}"))
    good = "image,label,group\n" + "".join(f"{a},{b},{c}\n" for a, b, c in rows)
    png = pngs[0].read_bytes()
    (d / "imgs" / "cut.png").write_bytes(png[: len(png) // 2])
    (d / "imgs" / "empty.png").write_bytes(b"")
    cases = {
        "absolute-path": (good + "/etc/passwd,lung_n,gx\n", True),
        "dotdot-path": (good + "../../../../etc/passwd,lung_n,gx\n", True),
        "missing-field": (good + "lung_n-0.jpeg,lung_n\n", True),
        "wrong-header": ("img,lbl,grp\n" + good.split("\n", 1)[1], True),
        "header-only": ("image,label,group\n", True),
        "missing-file": (good + "nope.jpeg,lung_n,gx\n", True),
        "truncated-png": (good + "cut.png,lung_n,gcut\n", True),
        "empty-png": (good + "empty.png,lung_n,gempty\n", True),
        "one-class": ("image,label,group\n" + "".join(
            f"{a},{b},{c}\n" for a, b, c in rows if b == "lung_n"), True),
        "duplicate-row": (good + rows[0][0] + ",lung_aca,g9\n", True),
        "two-labels-one-group": (good.replace("lung_n,lung_n-g1", "lung_n,lung_aca-g0"), True),
    }
    out = []
    for name, (text, must_fail) in cases.items():
        m = d / f"{name}.csv"
        m.write_text(text)
        out.append((name, d / "imgs", m, must_fail))
    m = d / "latin1.csv"
    m.write_bytes(good.encode() + "caf\xe9.jpeg,lung_n,g\xe9\n".encode("latin-1"))
    out.append(("non-utf8", d / "imgs", m, True))
    return out


# ---------------------------------------------------------------- running


def run(cmd, timeout, log):
    t0 = time.time()
    env = {k: v for k, v in os.environ.items() if k != "JAVA_TOOL_OPTIONS"}
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, errors="replace",
                           timeout=timeout, cwd=log.parent, env=env)
        rc, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        rc = 124
        out = (e.stdout or b"").decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        err = (e.stderr or b"").decode(errors="replace") if isinstance(e.stderr, bytes) else (e.stderr or "")
    log.write_text(f"$ {' '.join(map(str, cmd))}\nrc={rc}\n--- stdout\n{out}\n--- stderr\n{err}")
    return rc, out, err, time.time() - t0


def classify(rc, err, must_fail, logdir, must_pass=False):
    crashed = rc >= 128 and rc != 124 or rc < 0 or any(logdir.glob("hs_err_pid*.log"))
    if crashed:
        return "crash"
    if rc == 124:
        return "hang"
    if "\tat " in err or "Exception in thread" in err:
        return "trace"
    if rc == 0:
        return "silent" if must_fail else "ok"
    return "broken" if must_pass else "failed"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default=str(ROOT / "target" / "lowmag.jar"))
    ap.add_argument("--model")
    ap.add_argument("--work", default=str(ROOT / "bench-out" / "robustness"))
    ap.add_argument("--timeout", type=int, default=120)
    a = ap.parse_args()
    if not DATA.exists():
        print(f"the suite needs the real slides in {DATA}; absent, nothing to do")
        return 0
    work = Path(a.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    logs = work / "logs"
    shutil.rmtree(logs, ignore_errors=True)
    logs.mkdir()
    java = ["java", "-Dai.djl.offline=true", "-XX:ErrorFile=" + str(logs / "hs_err_pid%p.log"),
            "-jar", a.jar]
    model = a.model
    if model is None:
        demo = work / "demo"
        if not (demo / "experiment" / "runs" / "kd-0.625x" / "DONE").exists():
            print("making a model: lowmag demo --quick ...", flush=True)
            subprocess.run(java + ["demo", "--quick", "--out", str(demo)], check=True,
                           capture_output=True)
        model = str(demo / "experiment" / "runs" / "kd-0.625x")
    inputs = make_slides(work)
    results = []  # (command, input, kind, class, rc, seconds, first stderr line)

    def record(command, name, kind, must_fail, cmd, log, must_pass=False):
        for f in logs.glob("hs_err_pid*.log"):
            f.rename(log.with_suffix(".hs_err"))
        rc, out, err, s = run(cmd, a.timeout, log)
        cls = classify(rc, err, must_fail, log.parent, must_pass)
        if list(log.parent.glob(log.stem + ".hs_err")):
            cls = "crash"
        line = next((l for l in err.splitlines() if l.startswith("error:") or "FAILED" in l), "")
        results.append((command, name, kind, cls, rc, s, line[:160]))
        print(f"{cls:7s} rc={rc:3d} {s:5.1f}s {command:8s} {name}: {line[:110]}", flush=True)

    for inp in inputs:
        name = inp.path.name
        good = inp.kind.endswith("original")
        record("info", name, inp.kind, inp.must_fail, java + ["info", str(inp.path)],
               logs / f"info-{name}.log", good)
        record("tissue", name, inp.kind, inp.must_fail,
               java + ["tissue", str(inp.path), "--out", str(work / "tissue" / name)],
               logs / f"tissue-{name}.log", good)
    # one predict over the whole folder: the batch must end with a summary of every slide
    pred = work / "predict"
    shutil.rmtree(pred, ignore_errors=True)
    record("predict", "batch", "all slides", True,
           java + ["predict", "--model", model, str(work / "slides"), "--source-mag", "20",
                   "--out", str(pred)], logs / "predict-batch.log")
    batch = check_summary(pred / "summary.csv", inputs)
    # one prepare --slides over every slide
    labels = work / "labels.csv"
    with labels.open("w") as f:
        f.write("slide,patient,label\n")
        for i, inp in enumerate(inputs):
            f.write(f"{inp.path.name},p{i},{'ab'[i % 2]}\n")
    prep = work / "prepare-slides"
    shutil.rmtree(prep, ignore_errors=True)
    record("prepare", "slides batch", "all slides", True,
           java + ["prepare", "--slides", str(work / "slides"), "--labels", str(labels),
                   "--source-mag", "20", "--mags", "1.25", "--out", str(prep)],
           logs / "prepare-slides.log")
    for name, imgs, manifest, must_fail in make_manifests(work):
        out = work / "prepare-images" / name
        shutil.rmtree(out, ignore_errors=True)
        record("prepare", "manifest " + name, "bad manifest", must_fail,
               java + ["prepare", "--images", str(imgs), "--manifest", str(manifest),
                       "--source-mag", "10", "--mags", "2.5", "--split-fractions", "50,25,25",
                       "--out", str(out)],
               logs / f"prepare-{name}.log")
    report(work, results, batch, len(inputs))
    bad = [r for r in results if r[3] in ("crash", "hang", "trace", "silent", "broken")]
    return 1 if bad or not batch[0] else 0


def check_summary(path, inputs):
    """(ok, message): summary.csv lists every slide; originals ok, must-fail ones failed."""
    if not path.exists():
        return False, f"no {path}"
    with path.open() as f:
        rows = {Path(r["slide"]).name: r for r in csv.DictReader(f)}
    problems = []
    for inp in inputs:
        r = rows.get(inp.path.name)
        if inp.kind in ("folder named .svs", "FIFO named .svs"):
            continue  # not slide files: a folder is walked, a FIFO skipped
        if r is None:
            problems.append(f"{inp.path.name} missing")
        elif inp.kind.endswith("original") and r["status"] != "ok":
            problems.append(f"{inp.path.name}: {r['status'][:80]}")
        elif inp.must_fail and r["status"] == "ok":
            problems.append(f"{inp.path.name} (must fail) is ok")
    n = len(rows)
    return not problems, f"{n} rows; " + ("all as expected" if not problems else "; ".join(problems))


def report(work, results, batch, ninputs):
    counts = {}
    for r in results:
        counts[r[3]] = counts.get(r[3], 0) + 1
    lines = [
        "# Malformed-input suite",
        "",
        f"{ninputs} bad or original slides, {sum(1 for r in results if r[1].startswith('manifest'))}"
        f" bad manifests; {len(results)} runs.",
        "",
        "| outcome | runs |",
        "|---|---|",
    ]
    for k in ("crash", "hang", "trace", "silent", "broken", "failed", "ok"):
        lines.append(f"| {k} | {counts.get(k, 0)} |")
    lines += ["", f"predict batch summary.csv: {'correct' if batch[0] else 'WRONG'} ({batch[1]})", ""]
    lines += ["| outcome | command | input | kind | rc | s | message |", "|---|---|---|---|---|---|---|"]
    for c, n, k, cls, rc, s, m in results:
        lines.append(f"| {cls} | {c} | {n} | {k} | {rc} | {s:.1f} | {m.replace('|', '/')} |")
    text = "\n".join(lines) + "\n"
    (work / "summary.md").write_text(text)
    print("\n".join(lines[:14]))
    print(f"full table: {work / 'summary.md'}; logs: {work / 'logs'}")


if __name__ == "__main__":
    sys.exit(main())
