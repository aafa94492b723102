#!/usr/bin/env bash
# A/B of two LowMag builds on the same slides: `lowmag predict` (one JVM per build and model,
# --threads 1) with each model, then per build and model the median over the warm slides (all but
# the JVM's first) of each SLIDE.json's detect / read / infer / total seconds, the speed-up against
# the same build's first model, and whether both builds give each slide the same label
# (max |p_A - p_B| over classes and slides).
#
#   benchmarks/fullsize/predict_ab.sh JAR_A JAR_B SLIDES_DIR OUT MODEL...
#
# JAR_A / JAR_B: built lowmag.jar files (a worktree's target/lowmag.jar; its target/lib beside it).
# Run on idle cores: other processes make every figure larger and noisier.
set -euo pipefail
[ $# -ge 5 ] || { sed -n 2,10p "$0"; exit 2; }
a=$1 b=$2 slides=$3 out=$4; shift 4
mkdir -p "$out"
for model in "$@"; do
  for side in A B; do
    jar=$a; [ $side = B ] && jar=$b
    p="$out/$side-$(basename "$model")"
    rm -rf "$p"
    java -Xmx2g -Dai.djl.offline=true -Djava.awt.headless=true -jar "$jar" predict --model "$model" \
      --threads 1 --force --tile-large-tissues --out "$p" "$slides" > "$p.log" 2>&1
  done
done
/usr/bin/python3 - "$out" "$@" <<'PY'
import json, pathlib, statistics, sys
out = pathlib.Path(sys.argv[1]); models = [pathlib.Path(m).name for m in sys.argv[2:]]
def runs(side, m):
    js = [json.loads(f.read_text()) for f in sorted((out / f"{side}-{m}").glob("*.json"))]
    return sorted((j for j in js if "detect_seconds" in j), key=lambda j: j["slide"])
def warm(js, k):
    return statistics.median(j[k] for j in js[1:]) if len(js) > 1 else float("nan")
print("| build | model | slides | detect s | read s | infer s | total s | speed-up vs", models[0], "|")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for side in "AB":
    ref = warm(runs(side, models[0]), "seconds")
    for m in models:
        js = runs(side, m)
        t = [warm(js, k) for k in ("detect_seconds", "read_seconds", "infer_seconds", "seconds")]
        print(f"| {side} | {m} | {len(js)} | " + " | ".join(f"{x:.3f}" for x in t) + f" | {ref / t[3]:.1f}x |")
for m in models:
    A = {j["slide"]: j for j in runs("A", m)}; B = {j["slide"]: j for j in runs("B", m)}
    same = sum(A[s]["label"] == B[s]["label"] for s in A if s in B)
    dp = max((abs(A[s]["probabilities"][c] - B[s]["probabilities"][c])
              for s in A if s in B for c in A[s]["probabilities"]), default=float("nan"))
    print(f"{m}: same label on {same} of {len(A)} slides; max |p_A - p_B| {dp:.4f}")
PY
