#!/usr/bin/python3
"""Self-tests of harness.py's input pipeline (plain asserts): /usr/bin/python3 test_harness.py"""
import colorsys
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as h  # noqa: E402


def test_hue_matches_colorsys():
    rng = np.random.default_rng(0)
    x = rng.random((7, 5, 3))
    x[0, 0] = [0.4, 0.4, 0.4]  # grey pixel: unchanged
    x[0, 1] = [1.0, 1.0, 0.0]  # max shared by r and g
    for shift in (-0.2, -0.05, 0.0, 0.13, 0.2):
        out = h.adjust_hue(x, shift)
        for i in range(x.shape[0]):
            for j in range(x.shape[1]):
                hh, s, v = colorsys.rgb_to_hsv(*x[i, j])
                want = colorsys.hsv_to_rgb((hh + shift) % 1.0, s, v)
                assert np.allclose(out[i, j], want, atol=1e-12), (shift, x[i, j], out[i, j], want)


def test_jitter_ops():
    rng = np.random.default_rng(1)
    x = rng.random((6, 4, 3))
    ident = {"order": [0, 1, 2, 3], "brightness": 1.0, "contrast": 1.0, "saturation": 1.0,
             "hue": 0.0}
    assert np.allclose(h.color_jitter(x, ident), x, atol=1e-12)
    only = dict(ident, order=[0], brightness=1.5)
    assert np.allclose(h.color_jitter(x, only), np.clip(1.5 * x, 0, 1))
    only = dict(ident, order=[1], contrast=0.5)
    m = (0.2989 * x[..., 0] + 0.587 * x[..., 1] + 0.114 * x[..., 2]).mean()
    assert np.allclose(h.color_jitter(x, only), 0.5 * x + 0.5 * m)
    only = dict(ident, order=[2], saturation=0.0)
    g = 0.2989 * x[..., 0] + 0.587 * x[..., 1] + 0.114 * x[..., 2]
    assert np.allclose(h.color_jitter(x, only), np.repeat(g[..., None], 3, -1))
    # order matters: brightness 2 then contrast 0 gives the clamped image's grey mean
    a = h.color_jitter(x, dict(ident, order=[0, 1], brightness=2.0, contrast=0.0))
    b = h.color_jitter(x, dict(ident, order=[1, 0], brightness=2.0, contrast=0.0))
    assert not np.allclose(a, b)


def test_channel_stats():
    rng = np.random.default_rng(2)
    imgs = [rng.integers(0, 256, (5, 7, 3), dtype=np.uint8),
            rng.integers(0, 256, (3, 2, 3), dtype=np.uint8)]
    mean, std = h.channel_stats(imgs)
    allpx = np.concatenate([i.reshape(-1, 3) for i in imgs]) / 255.0
    assert np.allclose(mean, allpx.mean(0)) and np.allclose(std, allpx.std(0))


def test_pipeline_geometry_and_padding():
    img = np.arange(28 * 20 * 3, dtype=np.uint8).reshape(28, 20, 3)
    mean, std = np.zeros(3), np.ones(3)
    p = h.Pipeline(mean, std, "none", 32, True)
    assert tuple(p(img).shape) == (3, 28, 20)
    geo = {"flip_h": True, "flip_v": False, "turns": 1}
    t = p(img, geo)
    assert tuple(t.shape) == (3, 20, 28)
    want = np.rot90(img[:, ::-1], 1).transpose(2, 0, 1) / 255.0
    assert np.allclose(t.numpy(), want, atol=1e-6)
    for pad in ("white", "reflect", "zero"):
        q = h.Pipeline(np.full(3, 0.5), np.full(3, 0.25), pad, 32, True)
        t = q(img)
        assert tuple(t.shape) == (3, 32, 32), (pad, t.shape)
        # centred: rows 2..29, columns 6..25 hold the image
        inner = ((img.transpose(2, 0, 1) / 255.0) - 0.5) / 0.25
        assert np.allclose(t[:, 2:30, 6:26].numpy(), inner, atol=1e-5)
        corner = t[:, 0, 0].numpy()
        if pad == "white":
            assert np.allclose(corner, (1.0 - 0.5) / 0.25)
        if pad == "zero":
            assert np.allclose(corner, 0.0)
        if pad == "reflect":
            assert np.allclose(corner, inner[:, 2, 6], atol=1e-5)
    t = h.Pipeline(mean, std, "zero", 32, True)(img, geo)
    assert tuple(t.shape) == (3, 32, 32)


def test_he_and_torch_init_differ():
    torch.manual_seed(0)
    he = h.Model(3, "he")
    torch.manual_seed(0)
    pt = h.Model(3, "torch")
    w = he.net.fc.weight
    assert float(he.net.fc.bias.abs().max()) == 0.0
    assert abs(float(w.std()) - (2 / 256) ** 0.5) < 0.02
    assert float(pt.net.fc.bias.abs().max()) > 0.0


def test_metrics():
    m = h.metrics([0, 0, 1, 2], [0, 1, 1, 1], 3)
    assert m["exact_accuracy"] == 0.5
    assert abs(m["accuracy"] - (1 - 2 * (1 - 0.5) / 3)) < 1e-12


if __name__ == "__main__":
    for name, fn in list(globals().items()):
        if name.startswith("test_"):
            fn()
            print("ok", name)
