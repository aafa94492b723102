#!/usr/bin/python3
"""PyTorch references for LowMag's benchmark suite (run by benchmarks/run-all.sh).

The same GroupNorm ResNets as org.lowmag.model.GnResNet (torchvision layout: conv7x7/2 - GN - ReLU -
maxpool3x3/2 - BasicBlock stages - global average pool - FC; GroupNorm with min(32, C) groups after
every convolution; convolutions without bias; He initialisation), the same steps as LowMag's
SupervisedObjective / DistillObjective + Adam (lr 1e-3, weight decay 1e-4, L2 as torch.optim.Adam),
the same grouping of same-size tissues into forward passes of at most 1 Mpx, the same thread count.
Inputs are fixed random tensors (LowMag decodes cached PNGs into tensors; that work is its own).

Writes raw lines `key,unit,samples,note` (samples joined by ';', seconds per step) to --raw, the
format of org.lowmag.bench.RawResults.

  train:   key train/ARCH/SIZE/TAG   (step = ACCUMULATE tissues of SIZE px, cross-entropy)
  distill: key distill/TAG           (step = ACCUMULATE tissues: teacher TEACHER px without
           gradients, student STUDENT px, loss KL*T^2 + (MSE(maxpool) + MSE(bicubic)) / 2)

Needs Debian's python3-torch (a reference only, never a LowMag dependency).
"""
import argparse
import os
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

MAX_BATCH_PIXELS = 1 << 20
CLASSES = 3
ARCHS = {
    # name: (blocks per stage, widths, stem width)
    "paper": ([1, 1, 1, 1], [32, 64, 128, 256], 32),
    "resnet18": ([2, 2, 2, 2], [64, 128, 256, 512], 64),
}


def gn(channels):
    return nn.GroupNorm(min(32, channels), channels, eps=1e-5)


def conv(cin, cout, k, stride):
    return nn.Conv2d(cin, cout, k, stride=stride, padding=k // 2, bias=False)


class BasicBlock(nn.Module):
    def __init__(self, cin, width, stride):
        super().__init__()
        self.main = nn.Sequential(
            conv(cin, width, 3, stride), gn(width), nn.ReLU(inplace=True),
            conv(width, width, 3, 1), gn(width))
        self.shortcut = None
        if stride != 1 or cin != width:
            self.shortcut = nn.Sequential(conv(cin, width, 1, stride), gn(width))

    def forward(self, x):
        s = x if self.shortcut is None else self.shortcut(x)
        return F.relu(self.main(x) + s, inplace=True)


class GnResNet(nn.Module):
    def __init__(self, arch, classes=CLASSES):
        super().__init__()
        blocks, widths, stem = ARCHS[arch]
        layers = [conv(3, stem, 7, 2), gn(stem), nn.ReLU(inplace=True),
                  nn.MaxPool2d(3, 2, 1)]
        cin = stem
        for s, (n, w) in enumerate(zip(blocks, widths)):
            for b in range(n):
                layers.append(BasicBlock(cin, w, 2 if (s > 0 and b == 0) else 1))
                cin = w
        self.features = nn.Sequential(*layers)
        self.fc = nn.Linear(cin, classes)
        for m in self.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                nn.init.kaiming_normal_(m.weight, mode="fan_in", nonlinearity="relu")
            if isinstance(m, nn.Linear):
                nn.init.zeros_(m.bias)

    def forward(self, x):
        fmap = self.features(x)
        return self.fc(fmap.mean(dim=(2, 3))), fmap


def chunks(n, side):
    per = max(1, min(n, MAX_BATCH_PIXELS // (side * side)))
    return [(i, min(n, i + per)) for i in range(0, n, per)]


MIN_WARMUP_SECONDS = 2.0  # as org.lowmag.bench.Samples


def timed(step, warmup, reps):
    start = time.perf_counter()
    done = 0
    while done < warmup or time.perf_counter() - start < MIN_WARMUP_SECONDS:
        step()
        done += 1
    out = []
    for _ in range(reps):
        t0 = time.perf_counter()
        step()
        out.append(time.perf_counter() - t0)
    return out


def write(raw, key, samples, note):
    with open(raw, "a") as f:
        f.write(f"{key},s,{';'.join(f'{s:.6g}' for s in samples)},{note}\n")
    print(f"  {key:<44} {statistics.median(samples):.3g} s "
          f"[{min(samples):.3g}-{max(samples):.3g}] (n={len(samples)})")


def bench_train(a):
    for arch in a.archs.split(","):
        for side in [int(s) for s in a.sizes.split(",")]:
            torch.manual_seed(1)
            net = GnResNet(arch)
            opt = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=1e-4)
            x = torch.randn(a.accumulate, 3, side, side)
            y = torch.arange(a.accumulate) % CLASSES
            parts = chunks(a.accumulate, side)

            def step():
                for i, j in parts:
                    logits, _ = net(x[i:j])
                    loss = F.cross_entropy(logits, y[i:j], reduction="sum")
                    (loss * (1.0 / a.accumulate)).backward()
                opt.step()
                opt.zero_grad()

            write(a.raw, f"train/{arch}/{side}/{a.tag}", timed(step, a.warmup, a.reps),
                  f"seconds per step of {a.accumulate} tissues; {a.threads} threads")


def distill_parts(t_logits, t_map, s_logits, s_map, temperature):
    """(soft, pixel): KL(softmax(t/T) || softmax(s/T)) T^2 (batchmean) and
    (MSE(adaptive_max_pool2d(Ft), Fs) + MSE(bicubic(Ft), Fs)) / 2 at the student map's size."""
    soft = F.kl_div(F.log_softmax(s_logits / temperature, 1),
                    F.softmax(t_logits / temperature, 1),
                    reduction="batchmean") * temperature * temperature
    size = s_map.shape[2:]
    pooled = F.adaptive_max_pool2d(t_map, size)
    bicubic = F.interpolate(t_map, size=size, mode="bicubic", align_corners=False)
    pixel = (F.mse_loss(pooled, s_map) + F.mse_loss(bicubic, s_map)) / 2
    return soft, pixel


def distill_loss(t_logits, t_map, s_logits, s_map, temperature):
    soft, pixel = distill_parts(t_logits, t_map, s_logits, s_map, temperature)
    return soft + pixel


def bench_distill(a):
    torch.manual_seed(1)
    teacher = GnResNet(a.arch).eval()
    for p in teacher.parameters():
        p.requires_grad_(False)
    student = GnResNet(a.arch)
    opt = torch.optim.Adam(student.parameters(), lr=1e-3, weight_decay=1e-4)
    n = a.accumulate
    xt = torch.randn(n, 3, a.teacher, a.teacher)
    xs = torch.randn(n, 3, a.student, a.student)

    teacher_seconds = []

    def step():
        t0 = time.perf_counter()
        with torch.no_grad():
            outs = [teacher(xt[i:j]) for i, j in chunks(n, a.teacher)]
        teacher_seconds.append(time.perf_counter() - t0)
        t_logits = torch.cat([o[0] for o in outs])
        t_map = torch.cat([o[1] for o in outs])
        for i, j in chunks(n, a.student):
            s_logits, s_map = student(xs[i:j])
            loss = distill_loss(t_logits[i:j], t_map[i:j], s_logits, s_map, a.temperature)
            (loss * ((j - i) / n)).backward()
        opt.step()
        opt.zero_grad()

    write(a.raw, f"distill/{a.tag}", timed(step, a.warmup, a.reps),
          f"seconds per step of {n} tissues (teacher {a.teacher} px; student {a.student} px);"
          f" {a.threads} threads")
    write(a.raw, f"distill/{a.tag}/teacher", teacher_seconds[-a.reps:],
          "teacher forward passes within the step")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("mode", choices=["train", "distill"])
    p.add_argument("--raw", required=True)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--accumulate", type=int, default=None,
                   help="tissues per step (default: 8 for train, 32 for distill)")
    p.add_argument("--archs", default="paper,resnet18")
    p.add_argument("--sizes", default="64,128,256,512")
    p.add_argument("--arch", default="paper")
    p.add_argument("--teacher", type=int, default=224)
    p.add_argument("--student", type=int, default=56)
    p.add_argument("--temperature", type=float, default=1.0)
    p.add_argument("--tag", default="pytorch", help="last part of the keys written")
    a = p.parse_args()
    if a.accumulate is None:
        a.accumulate = 8 if a.mode == "train" else 32
    torch.set_num_threads(a.threads)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} intra-op threads, "
          f"OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY')}")
    bench_train(a) if a.mode == "train" else bench_distill(a)


if __name__ == "__main__":
    main()
