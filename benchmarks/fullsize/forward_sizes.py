#!/usr/bin/env python3
"""The network of benchmarks/fidelity/harness.py (the `paper` GN-ResNet, 3 classes) in PyTorch:
median time of one forward pass at 64-1024 px, one thread, as ForwardSizes.java times LowMag's;
with a list of sizes ('H W' per line, tissue_list.py), also the first pass over the list and the
median of the next nine, in ms per list (FORWARD_LIST_ONLY=1: only that).

    /usr/bin/python3 benchmarks/fullsize/forward_sizes.py [LIST]     (Debian's python3-torch)
"""
import os
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fidelity"))
import harness  # noqa: E402

torch.set_num_threads(1)
model = harness.Model(3, "he").eval()
with torch.no_grad():
    for i in range(300):
        model(torch.randn(1, 3, 64 + i % 5, 64))
    if len(sys.argv) > 1:
        sizes = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
        inputs = [torch.randn(1, 3, h, w) for h, w in sizes]
        ms = []
        for _ in range(10):
            t = time.perf_counter()
            for x in inputs:
                model(x)
            ms.append((time.perf_counter() - t) * 1e3)
        print(f"pytorch list: first {ms[0]:.1f} ms, median {statistics.median(ms[1:]):.1f} ms"
              f" ({len(inputs)} tissues)")
    for side in () if os.environ.get("FORWARD_LIST_ONLY") == "1" else (64, 128, 256, 512, 1024):
        x = torch.randn(1, 3, side, side)
        n = min(200, max(5, 2_000_000 * 64 // (side * side)))
        for _ in range(3):
            model(x)
        ms = []
        for _ in range(n):
            t = time.perf_counter()
            model(x)
            ms.append((time.perf_counter() - t) * 1e3)
        print(f"pytorch {side:5d} px: median {statistics.median(ms):.2f} ms ({n} passes)")
