#!/usr/bin/env python3
"""Writes a plain single-level tiled TIFF (no pyramid, no Aperio description) from level 0 of a
tiled JPEG TIFF such as `lowmag synthesize`'s .svs: the JPEG tiles are copied byte for byte (no
re-encoding, so it takes seconds), with the tags a reader needs (size, tiles, JPEGTables, colour)
and the resolution as XResolution/YResolution in pixels per centimetre (10,000 / mpp) from the
source's Aperio `MPP = ` when it has no resolution tags. The result is the "plain big TIFF" of
issue 15: a reader finds no smaller level and must build its overview from level 0.

Usage: plain_tiff.py SOURCE.svs TARGET.tif
Benchmark helper only (python3 standard library); classic TIFF, so the tiles must total < 4 GiB.
"""
import re
import struct
import sys

TYPES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 16: 8}  # TIFF type -> bytes per value
COPIED = [256, 257, 258, 259, 262, 277, 282, 283, 284, 296, 322, 323, 347, 530, 531, 532]


def read_ifd0(f):
    head = f.read(16)
    order = {b"II": "<", b"MM": ">"}[head[:2]]
    big = struct.unpack(order + "H", head[2:4])[0] == 43
    if big:
        off = struct.unpack(order + "Q", head[8:16])[0]
    else:
        off = struct.unpack(order + "I", head[4:8])[0]
    f.seek(off)
    n = struct.unpack(order + ("Q" if big else "H"), f.read(8 if big else 2))[0]
    tags = {}
    for _ in range(n):
        e = f.read(20 if big else 12)
        tag, typ = struct.unpack(order + "HH", e[:4])
        count = struct.unpack(order + ("Q" if big else "I"), e[4:12] if big else e[4:8])[0]
        raw = e[12:20] if big else e[8:12]
        size = TYPES.get(typ, 1) * count
        if size > len(raw):
            pos = f.tell()
            f.seek(struct.unpack(order + ("Q" if big else "I"), raw)[0])
            raw = f.read(size)
            f.seek(pos)
        tags[tag] = (typ, count, raw[:size])
    return order, tags


def values(order, typ, count, raw):
    if typ in (1, 7):
        return list(raw)
    if typ == 2:
        return raw.rstrip(b"\0").decode("latin-1")
    fmt = {3: "H", 4: "I", 16: "Q", 5: "II"}[typ]
    v = list(struct.unpack(order + fmt * count, raw))
    return v


def main(src, dst):
    with open(src, "rb") as f:
        order, tags = read_ifd0(f)
        if 324 not in tags or tags[259][2][:2] not in (b"\x07\x00", b"\x00\x07"):
            sys.exit(f"{src}: level 0 is not a tiled JPEG image")
        offsets = values(order, *tags[324])
        counts = values(order, *tags[325])
        if sum(counts) + 65536 >= 2**32:
            sys.exit(f"{src}: {sum(counts)} bytes of tiles do not fit a classic TIFF")
        out = {t: tags[t] for t in COPIED if t in tags}
        if 282 not in out and 270 in tags:
            m = re.search(r"MPP = ([0-9.]+)", values(order, *tags[270]))
            if m:
                per_cm = round(10000 / float(m.group(1)) * 1000)
                rational = struct.pack(order + "II", per_cm, 1000)
                out[282] = (5, 1, rational)
                out[283] = (5, 1, rational)
                out[296] = (3, 1, struct.pack(order + "H", 3))
        n = len(offsets)
        out[324] = (4, n, b"")  # patched below
        out[325] = (4, n, struct.pack(order + "I" * n, *counts))
        ifd_size = 2 + 12 * len(out) + 4
        extra = sum((len(v[2]) + 1) & ~1 for v in out.values() if len(v[2]) > 4) + 4 * n
        data_start = 8 + ifd_size + extra
        new_offsets = []
        pos = data_start
        for c in counts:
            new_offsets.append(pos)
            pos += c
        out[324] = (4, n, struct.pack(order + "I" * n, *new_offsets))
        with open(dst, "wb") as g:
            g.write((b"II" if order == "<" else b"MM") + struct.pack(order + "HI", 42, 8))
            g.write(struct.pack(order + "H", len(out)))
            value_pos = 8 + ifd_size
            blobs = []
            for tag in sorted(out):
                typ, count, raw = out[tag]
                if len(raw) <= 4:
                    g.write(struct.pack(order + "HHI", tag, typ, count) + raw.ljust(4, b"\0"))
                else:
                    g.write(struct.pack(order + "HHII", tag, typ, count, value_pos))
                    blobs.append(raw + (b"\0" if len(raw) % 2 else b""))
                    value_pos += (len(raw) + 1) & ~1
            g.write(struct.pack(order + "I", 0))
            for b in blobs:
                g.write(b)
            assert g.tell() == data_start, (g.tell(), data_start)
            for o, c in zip(offsets, counts):
                f.seek(o)
                g.write(f.read(c))
    w, h = values(order, *tags[256])[0], values(order, *tags[257])[0]
    print(f"wrote {dst}: {w} x {h} px, {n} JPEG tiles, one level")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
