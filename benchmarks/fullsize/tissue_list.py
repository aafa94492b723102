#!/usr/bin/env python3
"""The input sizes a model ran on in a predict folder: one line 'H W' per tissue of every
SLIDE.json matching the glob, each side rounded up to the model's multiple (its pad_to: multiple,
32 px), as the network sees the tissue. runtimes.sh feeds these lists to each runtime.

    tissue_list.py PRED_DIR [--glob 'b-*.json'] [--multiple 32]
"""
import argparse
import glob
import json
import os


def main():
    a = argparse.ArgumentParser()
    a.add_argument("pred")
    a.add_argument("--glob", default="b-*.json")
    a.add_argument("--multiple", type=int, default=32)
    args = a.parse_args()
    m = args.multiple
    files = sorted(glob.glob(os.path.join(args.pred, args.glob)))
    if not files:
        raise SystemExit(f"tissue_list.py: no {args.glob} in {args.pred}")
    for f in files:
        for t in json.load(open(f))["tissues"]:
            h, w = t["height_px"], t["width_px"]
            print(-(-h // m) * m, -(-w // m) * m)


if __name__ == "__main__":
    main()
