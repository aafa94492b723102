#!/usr/bin/python3
"""Golden outputs of Pillow's Lanczos resize, for LanczosResamplerGoldenTest.

Run once with the system Python that has Pillow (python3-pil) from the project root:

    /usr/bin/python3 src/test/python/make_lanczos_golden.py

It writes src/test/resources/golden/lanczos/: input.png (a deterministic synthetic RGB image),
one PNG per case (Image.resize(size, Image.LANCZOS)) and cases.json (file, sizes, factor, Pillow
version). Output sizes for a factor f are floor(n / f + 0.5) (LowMag's round-half-up
convention; Python's round() would round halves to even).
"""
import json
import math
import os

import numpy as np
from PIL import Image

OUT_DIR = os.path.join("src", "test", "resources", "golden", "lanczos")
WIDTH, HEIGHT = 161, 121
SEED = 20240611


def make_input():
    """Gradients, a checkerboard, a dark diagonal line and seeded noise in one quadrant."""
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH]
    r = x * 255.0 / (WIDTH - 1)
    g = y * 255.0 / (HEIGHT - 1)
    b = np.where(((x // 6) + (y // 6)) % 2 == 0, 255.0, 0.0)
    img = np.stack([r, g, b], axis=-1)
    line = np.abs(x - 1.3 * y) < 1.0
    img[line] = [10.0, 20.0, 30.0]
    rng = np.random.RandomState(SEED)
    noise = rng.randint(-60, 61, size=(HEIGHT, WIDTH, 3))
    quadrant = (x >= WIDTH // 2) & (y >= HEIGHT // 2)
    img[quadrant] += noise[quadrant]
    return Image.fromarray(np.clip(np.rint(img), 0, 255).astype(np.uint8), "RGB")


def size_for(n, factor):
    return max(1, int(math.floor(n / factor + 0.5)))


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    src = make_input()
    src.save(os.path.join(OUT_DIR, "input.png"), optimize=True)
    cases = [("f2", 2.0), ("f3", 3.0), ("f4", 4.0), ("f2_5", 2.5), ("f7_3", 7.3)]
    sizes = [(name, factor, size_for(WIDTH, factor), size_for(HEIGHT, factor))
             for name, factor in cases]
    sizes += [("to100x45", None, 100, 45), ("to60x200", None, 60, 200),
              ("to161x50", None, 161, 50)]
    records = []
    for name, factor, w, h in sizes:
        out = src.resize((w, h), Image.LANCZOS)
        out.save(os.path.join(OUT_DIR, name + ".png"), optimize=True)
        records.append({"file": name + ".png", "width": w, "height": h, "factor": factor})
    manifest = {"input": "input.png", "pillow": Image.__version__, "seed": SEED, "cases": records}
    with open(os.path.join(OUT_DIR, "cases.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
