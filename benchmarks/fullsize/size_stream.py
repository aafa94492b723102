#!/usr/bin/env python3
"""A seeded stream of input sizes for ForwardSizes.java's list mode: N lines 'H W', each side drawn
uniformly from MIN..MAX in steps of STEP (the models pad sides to multiples of 32 px), as a long
batch's tissues come in many sizes. Used to time oneDNN's cache sizes
(docs/benchmarks/fullsize-runtimes-2026-12-07.md).

    size_stream.py [--n 300] [--min 128] [--max 512] [--step 32] [--seed 1]
"""
import argparse
import random


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--n", type=int, default=300)
    a.add_argument("--min", type=int, default=128)
    a.add_argument("--max", type=int, default=512)
    a.add_argument("--step", type=int, default=32)
    a.add_argument("--seed", type=int, default=1)
    args = a.parse_args()
    rng = random.Random(args.seed)
    for _ in range(args.n):
        h = rng.randrange(args.min, args.max + 1, args.step)
        print(h, rng.randrange(args.min, args.max + 1, args.step))


if __name__ == "__main__":
    main()
