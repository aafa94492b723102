#!/usr/bin/python3
"""Plain-PyTorch reference ("fidelity harness") of the paper's training arms on a LowMag dataset.

Trains teacher / baseline (cross-entropy) or kd / kd+aux students (soft KL + pixel loss from a
teacher run of this script) on the tissues of a LowMag dataset folder (dataset.json, manifest.csv,
tissue PNGs), with the paper network of benchmarks/torch_reference.py, and writes predictions in
the format of `lowmag evaluate`, so LowMag (Java/DJL) and PyTorch can be compared tissue by tissue
(see compare.py and README.md beside this file).

Needs Debian's python3-torch (run it with /usr/bin/python3); never a LowMag dependency.
"""
import argparse
import csv
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import torch_reference  # noqa: E402
from torch_reference import GnResNet  # noqa: E402  (the same network as the benchmarks)

MAX_BATCH_PIXELS = 1 << 20  # as LowMag's --max-batch-pixels default and torch_reference.py
ARCH = "paper"
GREY = (0.2989, 0.587, 0.114)  # torchvision's rgb_to_grayscale weights
LIMIT_SEED = 12345  # --limit subsets do not depend on --seed: every run sees the same tissues


# ----------------------------------------------------------------------------------------------
# Dataset


def mag_key(m):
    """10 -> '10', 2.5 -> '2.5', 1.25 -> '1.25' (the manifest's column suffix)."""
    return f"{float(m):g}"


class LowMagDataset:
    def __init__(self, folder):
        self.dir = os.path.abspath(folder)
        with open(os.path.join(self.dir, "dataset.json")) as f:
            self.info = json.load(f)
        self.classes = list(self.info["classes"])
        self.class_index = {c: i for i, c in enumerate(self.classes)}
        with open(os.path.join(self.dir, "manifest.csv"), newline="") as f:
            self.rows = list(csv.DictReader(f))
        self._cache = {}

    def split(self, name, limit=None):
        rows = [r for r in self.rows if r["split"] == name]
        if limit is not None and len(rows) > limit:
            # A fixed random subset (same for every seed and arm), kept in manifest order.
            keep = np.random.default_rng([LIMIT_SEED, len(rows)]).choice(
                len(rows), size=limit, replace=False)
            rows = [rows[i] for i in sorted(keep)]
        return rows

    def image(self, row, mag):
        """The tissue at magnification mag as a uint8 array [H, W, 3] (decoded once, cached)."""
        col = "path_" + mag_key(mag) + "x"
        if col not in row:
            raise SystemExit(f"error: {self.dir}/manifest.csv has no column {col} "
                             f"(magnifications: {self.info.get('magnifications')})")
        path = os.path.join(self.dir, row[col])
        img = self._cache.get(path)
        if img is None:
            with Image.open(path) as im:
                img = np.asarray(im.convert("RGB"), dtype=np.uint8)
            self._cache[path] = img
        return img

    def label(self, row):
        if row["label"] == "":
            return -1
        if row["label"] not in self.class_index:
            raise SystemExit(f"error: tissue {row['tissue']} has label {row['label']!r}, "
                             f"not a class of {self.dir}/dataset.json {self.classes}")
        return self.class_index[row["label"]]


def channel_stats(images):
    """Per-channel mean and population std of v/255 over all pixels (exact, via histograms,
    as org.lowmag.dataset.ChannelStats)."""
    counts = np.zeros((3, 256), dtype=np.int64)
    for img in images:
        for c in range(3):
            counts[c] += np.bincount(img[:, :, c].ravel(), minlength=256)
    n = counts[0].sum()
    v = np.arange(256) / 255.0
    mean = (counts * v).sum(1) / n
    std = np.sqrt((counts * (v[None, :] - mean[:, None]) ** 2).sum(1) / n)
    return mean, std


# ----------------------------------------------------------------------------------------------
# Augmentation: flips, quarter turns, torchvision's ColorJitter on float images in [0, 1]


def draw_geometry(rng):
    return {"flip_h": bool(rng.random() < 0.5), "flip_v": bool(rng.random() < 0.5),
            "turns": int(rng.integers(4))}


def draw_jitter(rng, b=0.5, c=0.5, s=0.5, h=0.2):
    """torchvision ColorJitter.get_params: op order, then brightness, contrast, saturation, hue."""
    return {"order": [int(i) for i in rng.permutation(4)],
            "brightness": float(rng.uniform(max(0.0, 1 - b), 1 + b)),
            "contrast": float(rng.uniform(max(0.0, 1 - c), 1 + c)),
            "saturation": float(rng.uniform(max(0.0, 1 - s), 1 + s)),
            "hue": float(rng.uniform(-h, h))}


def grey(x):
    return GREY[0] * x[..., 0] + GREY[1] * x[..., 1] + GREY[2] * x[..., 2]


def adjust_hue(x, shift):
    """torchvision _rgb2hsv, h = (h + shift) mod 1, _hsv2rgb; x [H, W, 3] float in [0, 1]."""
    r, g, b = x[..., 0], x[..., 1], x[..., 2]
    maxc = x.max(-1)
    minc = x.min(-1)
    eqc = maxc == minc
    cr = maxc - minc
    s = cr / np.where(eqc, 1.0, maxc)
    div = np.where(eqc, 1.0, cr)
    rc, gc, bc = (maxc - r) / div, (maxc - g) / div, (maxc - b) / div
    hr = (maxc == r) * (bc - gc)
    hg = ((maxc == g) & (maxc != r)) * (2.0 + rc - bc)
    hb = ((maxc != g) & (maxc != r)) * (4.0 + gc - rc)
    h = np.fmod((hr + hg + hb) / 6.0 + 1.0, 1.0)
    h = np.mod(h + shift, 1.0)
    v = maxc
    i = np.floor(h * 6.0)
    f = h * 6.0 - i
    i = i.astype(np.int64) % 6
    p = np.clip(v * (1.0 - s), 0.0, 1.0)
    q = np.clip(v * (1.0 - s * f), 0.0, 1.0)
    t = np.clip(v * (1.0 - s * (1.0 - f)), 0.0, 1.0)
    out_r = np.choose(i, [v, q, p, p, t, v])
    out_g = np.choose(i, [t, v, v, q, p, p])
    out_b = np.choose(i, [p, p, t, v, v, q])
    return np.stack([out_r, out_g, out_b], -1)


def color_jitter(x, j):
    """Applies the drawn ops in order; each op clamps to [0, 1] (torchvision's float path)."""
    for op in j["order"]:
        if op == 0:
            x = np.clip(j["brightness"] * x, 0.0, 1.0)
        elif op == 1:
            m = grey(x).mean()
            x = np.clip(j["contrast"] * x + (1 - j["contrast"]) * m, 0.0, 1.0)
        elif op == 2:
            x = np.clip(j["saturation"] * x + (1 - j["saturation"]) * grey(x)[..., None], 0.0, 1.0)
        else:
            x = np.clip(adjust_hue(x, j["hue"]), 0.0, 1.0)
    return x


def pad_offsets(h, w, side):
    H, W = max(h, side), max(w, side)
    top, left = (H - h) // 2, (W - w) // 2  # centred, as LowMag's InputPadding
    return (top, H - h - top), (left, W - w - left)


class Pipeline:
    """uint8 tissue -> standardised float32 tensor [3, H, W] (with optional augmentation)."""

    def __init__(self, mean, std, pad, min_side, requantise):
        self.mean = np.asarray(mean, dtype=np.float64)
        self.std = np.asarray(std, dtype=np.float64)
        self.pad = pad
        self.min_side = min_side
        self.requantise = requantise

    def __call__(self, img, geometry=None, jitter=None):
        h, w = img.shape[:2]
        small = h < self.min_side or w < self.min_side
        if geometry is not None:
            if geometry["flip_h"]:
                img = img[:, ::-1]
            if geometry["flip_v"]:
                img = img[::-1, :]
            img = np.rot90(img, geometry["turns"])  # counter-clockwise quarter turns
        x = img.astype(np.float64) / 255.0
        if jitter is not None:
            x = color_jitter(x, jitter)
            if self.requantise:  # LowMag stores the jittered image as 8-bit, round half up
                x = np.floor(x * 255.0 + 0.5) / 255.0
        if small and self.pad in ("white", "reflect"):
            # After augmentation, as LowMag pads: the padding is never colour-jittered.
            (t, b), (l, r) = pad_offsets(x.shape[0], x.shape[1], self.min_side)
            if self.pad == "white":
                x = np.pad(x, ((t, b), (l, r), (0, 0)), constant_values=1.0)
            else:
                x = np.pad(x, ((t, b), (l, r), (0, 0)), mode="reflect")
        x = ((x - self.mean) / self.std).astype(np.float32)
        t = torch.from_numpy(np.ascontiguousarray(x.transpose(2, 0, 1)))
        if small and self.pad == "zero":  # after standardisation: 0 = the channel mean
            (pt, pb), (pl, pr) = pad_offsets(t.shape[1], t.shape[2], self.min_side)
            t = F.pad(t, (pl, pr, pt, pb), value=0.0)
        return t


# ----------------------------------------------------------------------------------------------
# Model


class Model(nn.Module):
    """The paper network plus the standardisation statistics of its training images."""

    def __init__(self, classes, init, mean=(0.0, 0.0, 0.0), std=(1.0, 1.0, 1.0)):
        super().__init__()
        self.net = GnResNet(ARCH, classes)  # He init (LowMag's) happens in its constructor
        if init == "torch":
            for m in self.net.modules():
                if isinstance(m, (nn.Conv2d, nn.Linear, nn.GroupNorm)):
                    m.reset_parameters()  # PyTorch's default module init
        self.register_buffer("mean", torch.tensor(mean, dtype=torch.float64))
        self.register_buffer("std", torch.tensor(std, dtype=torch.float64))

    def forward(self, x):
        return self.net(x)


def load_model(path, classes):
    ck = torch.load(path, map_location="cpu")
    m = Model(len(classes), "he")
    m.load_state_dict(ck["state_dict"])
    if ck["classes"] != classes:
        raise SystemExit(f"error: model {path} has classes {ck['classes']}, dataset has {classes}")
    return m, ck


def save_model(path, model, a, classes, epoch):
    torch.save({"state_dict": model.state_dict(), "classes": classes, "magnification": a.mag,
                "arch": ARCH, "epoch": epoch, "pad": a.pad, "min_side": a.min_side}, path)


def same_size_batches(tensors, extra_key=None, max_pixels=MAX_BATCH_PIXELS):
    """Indices grouped by tensor size (first-seen order), each group cut at max_pixels."""
    groups = {}
    for i, t in enumerate(tensors):
        key = (tuple(t.shape), extra_key(i) if extra_key else None)
        groups.setdefault(key, []).append(i)
    out = []
    for idx in groups.values():
        h, w = tensors[idx[0]].shape[1:]
        per = max(1, min(len(idx), max_pixels // (h * w)))
        out.extend(idx[i:i + per] for i in range(0, len(idx), per))
    return out


@torch.no_grad()
def predict(model, pipeline, images):
    """Logits [N, K] for uint8 images, no augmentation, same-size images batched."""
    model.eval()
    xs = [pipeline(img) for img in images]
    logits = [None] * len(xs)
    for b in same_size_batches(xs):
        out, _ = model(torch.stack([xs[i] for i in b]))
        for k, i in enumerate(b):
            logits[i] = out[k]
    return torch.stack(logits)


def evaluate_split(model, eval_ds, split, mag, pad, min_side, limit, path):
    """Predicts a labelled split of eval_ds at mag, writes `lowmag evaluate`'s predictions CSV
    (tissue, truth, predicted, p_<class>...) to path and returns the split's metrics."""
    rows = eval_ds.split(split, limit)
    truth = [eval_ds.label(r) for r in rows]
    if not rows or min(truth) < 0:
        raise SystemExit(f"error: split {split!r} of {eval_ds.dir} is empty or unlabelled")
    pipe = Pipeline(model.mean.numpy(), model.std.numpy(), pad, min_side, True)
    probs = torch.softmax(predict(model, pipe, [eval_ds.image(r, mag) for r in rows]).double(),
                          1).numpy()
    pred = probs.argmax(1)
    classes = eval_ds.classes
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["tissue", "truth", "predicted"] + ["p_" + c for c in classes])
        for r, y, p, pr in zip(rows, truth, pred, probs):
            w.writerow([r["tissue"], classes[y], classes[p]] + [f"{v:.6f}" for v in pr])
    return metrics(truth, pred, len(classes))


def metrics(truth, pred, k):
    truth, pred = np.asarray(truth), np.asarray(pred)
    n = len(truth)
    exact = float((truth == pred).mean())
    ovr = 0.0
    for c in range(k):
        tp = np.sum((truth == c) & (pred == c))
        fp = np.sum((truth != c) & (pred == c))
        fn = np.sum((truth == c) & (pred != c))
        ovr += (n - fp - fn) / n  # (TP + TN) / N with TN = N - TP - FP - FN
    return {"exact_accuracy": exact, "accuracy": ovr / k, "tissues": n}


# ----------------------------------------------------------------------------------------------
# Training


def distill_loss(t_logits, t_map, s_logits, s_map, temperature):
    """(soft, pixel) parts of the paper's loss: benchmarks/torch_reference.py's."""
    return torch_reference.distill_parts(t_logits, t_map, s_logits, s_map, temperature)


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", required=True, help="LowMag dataset folder")
    p.add_argument("--out", required=True, help="output folder (created; must not hold a run)")
    p.add_argument("--arm", required=True, choices=["teacher", "baseline", "kd", "kd+aux"])
    p.add_argument("--mag", required=True, type=float, help="magnification trained (e.g. 2.5)")
    p.add_argument("--teacher", help="OUT folder of a teacher run (kd, kd+aux)")
    p.add_argument("--teacher-mag", type=float, default=10.0)
    p.add_argument("--teacher-model", choices=["selected", "best", "last"], default="selected",
                   help="which model of the teacher run (selected = the one it evaluated)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--epochs", type=int, default=15)
    p.add_argument("--accumulate", type=int, default=32, help="tissues per optimiser step")
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--weight-decay", type=float, default=1e-4)
    p.add_argument("--temperature", type=float, default=1.0)
    p.add_argument("--select", choices=["best", "last"], default="best")
    p.add_argument("--gn-channels-per-group", type=int, default=0,
                   help="ablation: GroupNorm with C / N groups of N channels (0: LowMag's min(32, C)"
                        " groups, which is one channel per group, an instance norm, in the stem and"
                        " first stage of the paper network)")
    p.add_argument("--init", choices=["he", "torch"], default="he")
    p.add_argument("--jitter", choices=["tissue", "batch", "none"], default="tissue")
    p.add_argument("--no-geometry", action="store_true", help="no flips / quarter turns")
    p.add_argument("--requantise", choices=["on", "off"], default="on",
                   help="round jittered images to 8 bits as LowMag does (on) or keep floats")
    p.add_argument("--pad", choices=["none", "white", "reflect", "zero"], default="none")
    p.add_argument("--min-side", type=int, default=32)
    p.add_argument("--last-step-scale", choices=["accumulate", "count"], default="accumulate",
                   help="loss factor of an epoch's last, partial step: 1/accumulate (LowMag) or"
                        " 1/its tissue count (mean over its tissues)")
    p.add_argument("--eval-splits", default="test", help="comma-separated labelled splits")
    p.add_argument("--eval-data", help="dataset to evaluate on (default --data)")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--limit", type=int, help="at most this many tissues per split (tests)")
    p.add_argument("--eval-limit", type=int,
                   help="limit of the evaluated splits (default --limit; 0 = all tissues)")
    a = p.parse_args(argv)
    if a.arm in ("kd", "kd+aux") and not a.teacher:
        p.error(f"--arm {a.arm} needs --teacher")
    if a.accumulate < 1 or a.epochs < 1:
        p.error("--accumulate and --epochs must be at least 1")
    return a


def teacher_model_path(run, which):
    if which == "selected":
        with open(os.path.join(run, "metrics.json")) as f:
            which = json.load(f)["select"]
    return os.path.join(run, f"model-{which}.pt")


def main(argv=None):
    a = parse_args(argv)
    if a.gn_channels_per_group > 0:
        n = a.gn_channels_per_group
        torch_reference.gn = lambda c: nn.GroupNorm(max(1, c // n), c, eps=1e-5)
    torch.set_num_threads(a.threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    torch.manual_seed(a.seed)
    seeds = np.random.SeedSequence(a.seed).spawn(2)
    order_rng = np.random.default_rng(seeds[0])
    aug_rng = np.random.default_rng(seeds[1])

    if os.path.exists(os.path.join(a.out, "config.json")):
        raise SystemExit(f"error: {a.out} already holds a run; choose a new --out")
    os.makedirs(a.out, exist_ok=True)
    ds = LowMagDataset(a.data)
    k = len(ds.classes)
    distil = a.arm in ("kd", "kd+aux")
    splits = {"teacher": ["train"], "baseline": ["train"], "kd": ["train", "val"],
              "kd+aux": ["train", "val", "unlabeled"]}[a.arm]
    rows = [r for s in splits for r in ds.split(s, a.limit)]
    val_rows = ds.split("val", a.limit)
    if not rows:
        raise SystemExit(f"error: no tissues in splits {splits} of {a.data}")

    t0 = time.perf_counter()
    imgs = [ds.image(r, a.mag) for r in rows]
    labels = [ds.label(r) for r in rows]
    if not distil and min(labels) < 0:
        raise SystemExit("error: unlabelled tissue in the train split")
    mean, std = channel_stats(imgs)
    model = Model(k, a.init, mean, std)
    pipe = Pipeline(mean, std, a.pad, a.min_side, a.requantise == "on")
    teacher = t_pipe = t_imgs = None
    teacher_path = None
    if distil:
        teacher_path = teacher_model_path(a.teacher, a.teacher_model)
        teacher, t_ck = load_model(teacher_path, ds.classes)
        teacher.eval()
        for prm in teacher.parameters():
            prm.requires_grad_(False)
        t_pipe = Pipeline(teacher.mean.numpy(), teacher.std.numpy(), t_ck.get("pad", a.pad),
                          t_ck.get("min_side", a.min_side), a.requantise == "on")
        t_imgs = [ds.image(r, a.teacher_mag) for r in rows]
    val_imgs = [ds.image(r, a.mag) for r in val_rows]
    val_truth = [ds.label(r) for r in val_rows]
    load_s = time.perf_counter() - t0

    config = dict(vars(a))
    config.update({"arm_splits": splits, "train_tissues": len(rows), "val_tissues": len(val_rows),
                   "channel_mean": mean.tolist(), "channel_std": std.tolist(),
                   "teacher_model_path": teacher_path, "classes": ds.classes,
                   "torch_version": torch.__version__, "numpy_version": np.__version__,
                   "torch_threads": torch.get_num_threads(), "max_batch_pixels": MAX_BATCH_PIXELS,
                   "python": sys.version.split()[0], "arch": ARCH, "load_seconds": load_s})
    with open(os.path.join(a.out, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    print(f"{a.arm} at {mag_key(a.mag)}x: {len(rows)} tissues ({'+'.join(splits)}), "
          f"{len(val_rows)} val, loaded in {load_s:.1f} s; torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads", flush=True)

    opt = torch.optim.Adam(model.parameters(), lr=a.lr, weight_decay=a.weight_decay)
    n = len(rows)
    steps = (n + a.accumulate - 1) // a.accumulate
    history, best_acc, best_epoch, epoch_seconds = [], -1.0, 0, []
    for epoch in range(a.epochs):
        model.train()
        te = time.perf_counter()
        order = order_rng.permutation(n)
        sums = {"loss": 0.0, "soft": 0.0, "pixel": 0.0, "correct": 0.0}
        for s in range(steps):
            step_idx = [int(i) for i in order[s * a.accumulate:(s + 1) * a.accumulate]]
            scale = 1.0 / (a.accumulate if a.last_step_scale == "accumulate" else len(step_idx))
            batch_jitter = draw_jitter(aug_rng) if a.jitter == "batch" else None
            geos, jits = [], []
            for _ in step_idx:  # geometry always drawn (even when off) so streams stay aligned
                g = draw_geometry(aug_rng)
                j = draw_jitter(aug_rng) if a.jitter == "tissue" else batch_jitter
                geos.append(None if a.no_geometry else g)
                jits.append(j)
            xs = [pipe(imgs[i], geos[q], jits[q]) for q, i in enumerate(step_idx)]
            if not distil:
                for b in same_size_batches(xs):
                    logits, _ = model(torch.stack([xs[q] for q in b]))
                    y = torch.tensor([labels[step_idx[q]] for q in b])
                    loss = F.cross_entropy(logits, y, reduction="sum")
                    (loss * scale).backward()
                    sums["loss"] += loss.item()
                    sums["correct"] += (logits.argmax(1) == y).sum().item()
            else:
                txs = [t_pipe(t_imgs[i], geos[q], jits[q]) for q, i in enumerate(step_idx)]
                t_logits, t_maps = [None] * len(txs), [None] * len(txs)
                with torch.no_grad():
                    for b in same_size_batches(txs):
                        lo, fm = teacher(torch.stack([txs[q] for q in b]))
                        for r, q in enumerate(b):
                            t_logits[q], t_maps[q] = lo[r], fm[r]
                for b in same_size_batches(xs, lambda q: tuple(t_maps[q].shape)):
                    s_logits, s_map = model(torch.stack([xs[q] for q in b]))
                    soft, pixel = distill_loss(torch.stack([t_logits[q] for q in b]),
                                               torch.stack([t_maps[q] for q in b]),
                                               s_logits, s_map, a.temperature)
                    ((soft + pixel) * (len(b) * scale)).backward()
                    sums["soft"] += soft.item() * len(b)
                    sums["pixel"] += pixel.item() * len(b)
                    sums["loss"] += (soft.item() + pixel.item()) * len(b)
            opt.step()
            opt.zero_grad(set_to_none=True)
        train_s = time.perf_counter() - te
        tv = time.perf_counter()
        val_pred = predict(model, pipe, val_imgs).argmax(1).numpy() if val_imgs else []
        val_acc = float(np.mean(np.asarray(val_pred) == np.asarray(val_truth))) if val_imgs \
            else float("nan")
        val_s = time.perf_counter() - tv
        row = {"epoch": epoch + 1, "train_loss": sums["loss"] / n}
        if distil:
            row.update({"train_soft": sums["soft"] / n, "train_pixel": sums["pixel"] / n})
        else:
            row["train_accuracy"] = sums["correct"] / n
        row.update({"val_accuracy": val_acc, "train_seconds": train_s, "val_seconds": val_s})
        history.append(row)
        improved = val_acc > best_acc or not val_imgs  # first epoch wins ties
        if improved:
            best_acc, best_epoch = val_acc, epoch + 1
            save_model(os.path.join(a.out, "model-best.pt"), model, a, ds.classes, epoch + 1)
        save_model(os.path.join(a.out, "model-last.pt"), model, a, ds.classes, epoch + 1)
        epoch_seconds.append(train_s + val_s)
        eta = (a.epochs - epoch - 1) * sum(epoch_seconds) / len(epoch_seconds)
        print(f"epoch {epoch + 1}/{a.epochs}  loss {row['train_loss']:.4f}  "
              f"val_accuracy {val_acc:.4f}  {train_s:.1f}+{val_s:.1f} s  ETA {eta:.0f} s"
              + ("  (best)" if improved else ""), flush=True)
        with open(os.path.join(a.out, "metrics.csv"), "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(history[0].keys()), lineterminator="\n")
            w.writeheader()
            w.writerows(history)

    selected = os.path.join(a.out, f"model-{a.select}.pt")
    final, _ = load_model(selected, ds.classes)
    eval_ds = ds if not a.eval_data else LowMagDataset(a.eval_data)
    if eval_ds.classes != ds.classes:
        raise SystemExit(f"error: --eval-data classes {eval_ds.classes} != {ds.classes}")
    report = {"arm": a.arm, "magnification": a.mag, "select": a.select, "best_epoch": best_epoch,
              "best_val_accuracy": best_acc,
              "selected_epoch": best_epoch if a.select == "best" else a.epochs,
              "eval_data": eval_ds.dir, "splits": {}}
    for split in [s for s in a.eval_splits.split(",") if s]:
        ev_limit = a.limit if a.eval_limit is None else (a.eval_limit or None)
        report["splits"][split] = evaluate_split(
            final, eval_ds, split, a.mag, a.pad, a.min_side, ev_limit,
            os.path.join(a.out, f"predictions-{split}.csv"))
        m = report["splits"][split]
        print(f"{split}: exact accuracy {m['exact_accuracy']:.4f}, macro one-vs-rest accuracy "
              f"{m['accuracy']:.4f} ({m['tissues']} tissues)", flush=True)
    report["total_seconds"] = time.perf_counter() - t0
    with open(os.path.join(a.out, "metrics.json"), "w") as f:
        json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
