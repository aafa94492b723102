#!/usr/bin/env python3
"""Exports the `paper` network of benchmarks/fidelity/harness.py (He init, seed 0, 3 classes) to
ONNX (opset 17, batch, height and width dynamic) for OrtForward.java: the same layers LowMag runs,
for timing ONNX Runtime beside LibTorch; the weights are random (time does not depend on them).

    /usr/bin/python3 benchmarks/fullsize/export_onnx.py OUT.onnx      (Debian's python3-torch)
"""
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fidelity"))
import harness  # noqa: E402

torch.manual_seed(0)
model = harness.Model(3, "he").eval()
torch.onnx.export(
    model,
    torch.randn(1, 3, 96, 64),
    sys.argv[1],
    opset_version=17,
    input_names=["x"],
    output_names=["logits", "map"],
    dynamic_axes={"x": {0: "n", 2: "h", 3: "w"}, "logits": {0: "n"}, "map": {0: "n", 2: "mh", 3: "mw"}},
)
print("wrote", sys.argv[1])
