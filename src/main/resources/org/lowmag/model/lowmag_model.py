"""A LowMag model as a PyTorch module (written by `lowmag export`).

The network is LowMag's GroupNorm ResNet (org.lowmag.model.GnResNet), torchvision layout:
conv7x7/2 - GroupNorm - ReLU - maxpool3x3/2 - residual stages - global average pool - FC, with
min(32, C) GroupNorm groups (eps 1e-5) after every bias-free convolution. Its parameter names are
those of model.safetensors beside this file.

    import lowmag_model
    model, prep = lowmag_model.load("EXPORT_DIR")     # eval mode, weights loaded strictly
    x = lowmag_model.preprocess(rgb, prep)             # rgb: uint8 [H, W, 3] tensor or array
    probabilities = model(x).softmax(dim=1)            # [1, classes], order of CLASSES

Inputs are RGB tissue images at the model's magnification (prep["magnification"], 10x = 1 um/px),
padded as in training and standardised: x' = (x / 255 - mean_c) / std_c. Needs only torch (the
safetensors package is used when installed, else the file is parsed with struct and json).
"""
import json
import os
import struct
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

# @GENERATED@ (the architecture and classes of the exported model)

WEIGHTS_FILE = "model.safetensors"
PREPROCESSING_FILE = "preprocessing.json"


def groups_for(channels):
    """GroupNorm groups: min(32, channels), reduced to a divisor of the channel count."""
    g = min(32, channels)
    while channels % g:
        g -= 1
    return g


def gn(channels):
    return nn.GroupNorm(groups_for(channels), channels, eps=1e-5)


def conv(cin, cout, k, stride):
    return nn.Conv2d(cin, cout, k, stride=stride, padding=k // 2, bias=False)


class ResidualBlock(nn.Module):
    """y = relu(main(x) + shortcut(x)); BASIC: conv3x3-GN-ReLU-conv3x3-GN; BOTTLENECK:
    conv1x1-GN-ReLU-conv3x3-GN-ReLU-conv1x1-GN (stride on the 3x3); shortcut: identity, or
    conv1x1-GN when the stride or the channel count changes."""

    def __init__(self, block, cin, width, stride):
        super().__init__()
        cout = width * (4 if block == "BOTTLENECK" else 1)
        if block == "BASIC":
            main = [conv(cin, width, 3, stride), gn(width), nn.ReLU(),
                    conv(width, width, 3, 1), gn(width)]
        else:
            main = [conv(cin, width, 1, 1), gn(width), nn.ReLU(),
                    conv(width, width, 3, stride), gn(width), nn.ReLU(),
                    conv(width, cout, 1, 1), gn(cout)]
        self.main = nn.Sequential(*main)
        self.shortcut = None
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(conv(cin, cout, 1, stride), gn(cout))

    def forward(self, x):
        s = x if self.shortcut is None else self.shortcut(x)
        return F.relu(self.main(x) + s)


class GnResNet(nn.Module):
    """LowMag's GroupNorm ResNet for inputs of any size [N, 3, H, W]; forward returns the logits."""

    def __init__(self, arch=None, classes=None):
        super().__init__()
        arch = ARCHITECTURE if arch is None else arch
        classes = len(CLASSES) if classes is None else classes
        stem = arch["stem_width"]
        layers = [conv(3, stem, 7, 2), gn(stem), nn.ReLU(), nn.MaxPool2d(3, 2, 1)]
        cin = stem
        for s, (n, width) in enumerate(zip(arch["blocks_per_stage"], arch["widths"])):
            for b in range(n):
                layers.append(ResidualBlock(arch["block"], cin, width,
                                            2 if (s > 0 and b == 0) else 1))
                cin = width * (4 if arch["block"] == "BOTTLENECK" else 1)
        self.features = nn.Sequential(*layers)
        self.fc = nn.Linear(cin, classes)

    def forward_features(self, x):
        """Returns (logits [N, classes], final feature map [N, C, H/32, W/32])."""
        fmap = self.features(x)
        return self.fc(fmap.mean(dim=(2, 3))), fmap

    def forward(self, x):
        return self.forward_features(x)[0]


def load_safetensors(path):
    """The float32 tensors of a safetensors file, by name (safetensors.torch when installed)."""
    try:
        from safetensors.torch import load_file
    except ImportError:
        load_file = None
    if load_file is not None:
        return load_file(path)
    if sys.byteorder != "little":
        raise RuntimeError("this reader assumes a little-endian machine; install safetensors")
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n].decode("utf-8"))
    body = 8 + n
    out = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        if spec["dtype"] != "F32":
            raise ValueError(f"{path}: tensor {name} has dtype {spec['dtype']}, expected F32")
        begin, end = spec["data_offsets"]
        t = torch.frombuffer(bytearray(data[body + begin:body + end]), dtype=torch.float32)
        out[name] = t.reshape(spec["shape"])
    return out


def load(folder=None):
    """Loads an export folder: (GnResNet in eval mode, the preprocessing dict)."""
    folder = os.path.dirname(os.path.abspath(__file__)) if folder is None else folder
    with open(os.path.join(folder, PREPROCESSING_FILE), encoding="utf-8") as f:
        prep = json.load(f)
    model = GnResNet(prep["architecture"], len(prep["classes"]))
    model.load_state_dict(load_safetensors(os.path.join(folder, WEIGHTS_FILE)), strict=True)
    return model.eval(), prep


def padded_side(n, padding):
    s = padding["total_stride"]
    if padding["pad_to"] == "multiple":
        return -(-n // s) * s
    return max(n, s)


def reflect_index(side, n, offset):
    """Source index of each padded index, mirrored without repeating the edge pixel."""
    if n == 1:
        return torch.zeros(side, dtype=torch.long)
    period = 2 * (n - 1)
    r = torch.remainder(torch.arange(side) - offset, period)
    return torch.where(r < n, r, period - r)


def pad(rgb, padding):
    """Pads a uint8 [H, W, 3] image, centred, as LowMag did in training."""
    h, w = rgb.shape[0], rgb.shape[1]
    ph, pw = padded_side(h, padding), padded_side(w, padding)
    mode = padding["mode"]
    if mode == "none" or (ph == h and pw == w):
        return rgb
    top, left = (ph - h) // 2, (pw - w) // 2
    if mode == "reflect":
        return rgb[reflect_index(ph, h, top)][:, reflect_index(pw, w, left)]
    fill = torch.tensor(padding["fill_rgb"], dtype=torch.uint8)
    out = fill.reshape(1, 1, 3).repeat(ph, pw, 1)
    out[top:top + h, left:left + w] = rgb
    return out


def preprocess(rgb, prep):
    """uint8 RGB [H, W, 3] (tensor or array) -> padded, standardised float32 [1, 3, H', W']."""
    rgb = torch.as_tensor(rgb)
    if rgb.dtype != torch.uint8 or rgb.dim() != 3 or rgb.shape[2] != 3:
        raise ValueError(f"expected a uint8 [H, W, 3] RGB image, got {rgb.dtype} {tuple(rgb.shape)}")
    x = pad(rgb, prep["padding"]).permute(2, 0, 1).to(torch.float64)
    mean = torch.tensor(prep["normalization"]["mean"], dtype=torch.float64).reshape(3, 1, 1)
    std = torch.tensor(prep["normalization"]["std"], dtype=torch.float64).reshape(3, 1, 1)
    return ((x / 255.0 - mean) / std).to(torch.float32).unsqueeze(0)
