#!/usr/bin/env python3
"""Writes an OME-TIFF pyramid with tifffile (not LowMag's own writer), to cross-check LowMag's
reader on a file made by another library: level 0 and SubIFD levels, each tile a complete JFIF
stream from Pillow (YCbCr, 4:2:0) under PhotometricInterpretation RGB, as Bio-Formats writes them,
tifffile's own OME-XML (PhysicalSizeX/Y in um, a channel name; no objective).

Pixels: the pattern of LowMag's OmeTiffFixture: near-white 0xF2F2F2, the middle half in each
direction a tissue of 128-pixel blocks alternating pink 0xE896C8 and purple 0x7850A0.

Usage: /usr/bin/python3 benchmarks/formats/tifffile_ome.py OUT.ome.tif
Needs python3-tifffile, python3-pil, python3-numpy (Debian); not used by the build.
"""
import io
import sys

import numpy as np
import tifffile
from PIL import Image

W, H, LEVELS, TILE, BLOCK = 1536, 1024, 3, 256, 128
BG, PINK, PURPLE = (0xF2, 0xF2, 0xF2), (0xE8, 0x96, 0xC8), (0x78, 0x50, 0xA0)


def level_image(level):
    s = 1 << level
    w, h = -(-W // s), -(-H // s)
    y, x = np.mgrid[0:h, 0:w] * s
    img = np.empty((h, w, 3), np.uint8)
    img[:] = BG
    tissue = (x >= W // 4) & (x < W * 3 // 4) & (y >= H // 4) & (y < H * 3 // 4)
    pink = ((x // BLOCK + y // BLOCK) % 2) == 0
    img[tissue & pink] = PINK
    img[tissue & ~pink] = PURPLE
    return img


def jfif_tiles(img):
    h, w, _ = img.shape
    for ty in range(0, h, TILE):
        for tx in range(0, w, TILE):
            tile = np.full((TILE, TILE, 3), 255, np.uint8)
            part = img[ty:ty + TILE, tx:tx + TILE]
            tile[:part.shape[0], :part.shape[1]] = part
            buf = io.BytesIO()
            Image.fromarray(tile).save(buf, "JPEG", quality=95, subsampling=2)  # JFIF, 4:2:0
            yield buf.getvalue()


def main(out):
    # The tiles are encoded above; tifffile only needs a JPEG entry to accept them without
    # imagecodecs (the function is never called on pre-compressed tiles).
    tifffile.TIFF.COMPRESSORS._codecs[7] = tifffile.tifffile.identityfunc
    levels = [level_image(i) for i in range(LEVELS)]
    with tifffile.TiffWriter(out, ome=True) as tif:
        for i, img in enumerate(levels):
            tif.write(
                jfif_tiles(img),
                shape=img.shape,
                dtype=np.uint8,
                tile=(TILE, TILE),
                photometric="rgb",
                compression="jpeg",
                subifds=LEVELS - 1 if i == 0 else None,
                subfiletype=1 if i > 0 else 0,
                metadata=(
                    {"axes": "YXS", "PhysicalSizeX": 0.25, "PhysicalSizeXUnit": "µm",
                     "PhysicalSizeY": 0.25, "PhysicalSizeYUnit": "µm",
                     "Channel": {"Name": ["Brightfield"]}}
                    if i == 0 else None),
            )


def tag_rgb(out):
    """tifffile records JPEG tiles as YCbCr (6); say RGB (2) as Bio-Formats does."""
    with tifffile.TiffFile(out, mode="r+b") as tif:
        for level in tif.series[0].levels:
            level.pages[0].tags["PhotometricInterpretation"].overwrite(2)


if __name__ == "__main__":
    main(sys.argv[1])
    tag_rgb(sys.argv[1])
