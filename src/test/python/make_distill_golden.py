#!/usr/bin/python3
"""Golden values for org.lowmag.distill (paper eqs. 1-3), computed once with PyTorch.

Run from the project root with the Debian interpreter (python3-torch 1.13):

    /usr/bin/python3 src/test/python/make_distill_golden.py

It writes src/test/resources/golden/distill.json. Inputs are drawn in float32 from a fixed seed
and stored in the JSON (so Java reads exactly the same numbers); every expected value is then
computed by PyTorch in float64 from those float32 inputs, so the goldens carry no float32 rounding
of their own. PyTorch is only a reference here, never a runtime dependency of LowMag.

Definitions reproduced (those of the paper, section 3.3):
  soft   = F.kl_div(F.log_softmax(s/T, 1), F.softmax(t/T, 1), reduction="batchmean") * T*T
  g_max  = F.adaptive_max_pool2d(F_t, (Hs, Ws))
  g_bic  = F.interpolate(F_t, size=(Hs, Ws), mode="bicubic", align_corners=False)
  pixel  = (1/|G|) * sum_{g in G} D(g(F_t), F_s),  D = F.mse_loss (l2) or F.l1_loss (l1), mean
  total  = soft + pixel
The combined mode averages BOTH terms (the paper's 1/2 sum_k); the authors' code drops the
bicubic term there, we follow the paper.
"""
import json
import os

import torch
import torch.nn.functional as F

OUT = os.path.join("src", "test", "resources", "golden", "distill.json")
GEN = torch.Generator().manual_seed(20240607)
MODES = ["none", "maxpool", "bicubic", "maxpool+bicubic"]
NORMS = ["l2", "l1"]


def randn(*shape, scale=1.0):
    """float32 normal draws from the fixed generator, returned as float64 for the reference."""
    return (torch.randn(*shape, generator=GEN, dtype=torch.float32) * scale).double()


def enc(t):
    t = t.detach().to(torch.float64)
    return {"shape": list(t.shape), "data": [float(v) for v in t.reshape(-1).tolist()]}


def enc_in(t):
    """Inputs are float32 values, written exactly (as doubles), so float64 runs see the same ones."""
    t = t.detach()
    assert torch.equal(t, t.float().double()), "inputs must be float32-representable"
    return enc(t)


def soft_loss(s, t, temp):
    return F.kl_div(F.log_softmax(s / temp, 1), F.softmax(t.detach() / temp, 1),
                    reduction="batchmean") * temp * temp


def resize(ft, mode, size):
    if mode == "maxpool":
        return F.adaptive_max_pool2d(ft, size)
    if mode == "bicubic":
        return F.interpolate(ft, size=size, mode="bicubic", align_corners=False)
    raise ValueError(mode)


def pixel_loss(ft, fs, mode, norm):
    if mode == "none":
        return torch.zeros((), dtype=fs.dtype)
    gs = mode.split("+")
    dist = F.mse_loss if norm == "l2" else F.l1_loss
    return sum(dist(resize(ft.detach(), g, tuple(fs.shape[2:])), fs) for g in gs) / len(gs)


def grad_of(loss, x):
    if not loss.requires_grad:
        return torch.zeros_like(x)
    (g,) = torch.autograd.grad(loss, x, allow_unused=True)
    return torch.zeros_like(x) if g is None else g


def soft_cases():
    cases = []
    s, t = randn(3, 4, scale=3.0), randn(3, 4, scale=3.0)
    for temp in [1.0, 2.0, 4.5]:
        cases.append(soft_case("3x4", s, t, temp))
    # Large logits: log(softmax) would underflow to -inf, log_softmax does not.
    big_s, big_t = randn(2, 5, scale=40.0), randn(2, 5, scale=40.0)
    cases.append(soft_case("2x5 large logits", big_s, big_t, 1.0))
    return cases


def soft_case(name, s, t, temp):
    s32, t32 = s.float().double(), t.float().double()
    x = s32.clone().requires_grad_(True)
    loss = soft_loss(x, t32, temp)
    return {"name": name, "temperature": temp, "student": enc_in(s32), "teacher": enc_in(t32),
            "loss": float(loss), "grad_student": enc(grad_of(loss, x))}


def resize_cases():
    cases = []
    for (hin, win), (hout, wout) in [((13, 9), (3, 2)), ((8, 8), (4, 4)), ((7, 5), (2, 2)),
                                     ((5, 5), (7, 7)), ((6, 3), (4, 5))]:
        x = randn(2, 3, hin, win)
        cases.append({"name": "%dx%d->%dx%d" % (hin, win, hout, wout), "input": enc_in(x),
                      "height": hout, "width": wout,
                      "maxpool": enc(resize(x, "maxpool", (hout, wout))),
                      "bicubic": enc(resize(x, "bicubic", (hout, wout)))})
    # The 4x4 ramp of the DJL notes: plain bicubic gives 2.03125 at (0,0), antialiased 2.93388.
    ramp = torch.arange(16, dtype=torch.float64).reshape(1, 1, 4, 4)
    cases.append({"name": "ramp 4x4->2x2", "input": enc_in(ramp), "height": 2, "width": 2,
                  "maxpool": enc(resize(ramp, "maxpool", (2, 2))),
                  "bicubic": enc(resize(ramp, "bicubic", (2, 2)))})
    return cases


def pixel_cases():
    cases = []
    for tshape, sshape in [((2, 3, 13, 9), (2, 3, 3, 2)), ((1, 2, 6, 3), (1, 2, 4, 5))]:
        ft, fs = randn(*tshape), randn(*sshape)
        entry = {"name": "%dx%d->%dx%d" % (tshape[2], tshape[3], sshape[2], sshape[3]),
                 "teacher_map": enc_in(ft), "student_map": enc_in(fs), "cases": []}
        for mode in MODES:
            for norm in NORMS:
                x = fs.clone().requires_grad_(True)
                loss = pixel_loss(ft, x, mode, norm)
                entry["cases"].append({"mode": mode, "norm": norm, "loss": float(loss),
                                       "grad_student_map": enc(grad_of(loss, x))})
        cases.append(entry)
    return cases


def total_cases():
    s, t = randn(2, 3, scale=2.0), randn(2, 3, scale=2.0)
    ft, fs = randn(2, 4, 7, 5), randn(2, 4, 2, 2)
    entry = {"student_logits": enc_in(s), "teacher_logits": enc_in(t), "teacher_map": enc_in(ft),
             "student_map": enc_in(fs), "cases": []}
    combos = [(2.0, m, n) for m in MODES for n in NORMS] + [(4.5, "maxpool+bicubic", "l2")]
    for temp, mode, norm in combos:
        xs = s.clone().requires_grad_(True)
        xf = fs.clone().requires_grad_(True)
        soft = soft_loss(xs, t, temp)
        pixel = pixel_loss(ft, xf, mode, norm)
        total = soft + pixel
        g_logits = grad_of(total, xs)
        g_map = grad_of(pixel, xf)
        entry["cases"].append({"temperature": temp, "mode": mode, "norm": norm,
                               "soft": float(soft), "pixel": float(pixel), "total": float(total),
                               "grad_student_logits": enc(g_logits),
                               "grad_student_map": enc(g_map)})
    return entry


def main():
    golden = {"generator": "src/test/python/make_distill_golden.py",
              "torch_version": torch.__version__, "dtype": "float64 reference on float32 inputs",
              "soft": soft_cases(), "resize": resize_cases(), "pixel": pixel_cases(),
              "total": total_cases()}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(golden, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", OUT, os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
