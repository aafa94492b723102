#!/usr/bin/env python3
"""The network of benchmarks/fidelity/harness.py (the `paper` GN-ResNet, 3 classes) in PyTorch:
median time of one forward pass at 64-1024 px, one thread, as ForwardSizes.java times LowMag's.

    /usr/bin/python3 benchmarks/fullsize/forward_sizes.py      (Debian's python3-torch)
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
    for side in (64, 128, 256, 512, 1024):
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
