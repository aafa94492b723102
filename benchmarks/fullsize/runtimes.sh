#!/usr/bin/env bash
# Is the students' inference time LowMag's or the CPU kernels'? Times the `paper` network, one
# thread, batch 1, on the tissues of run.sh's novel-size batch (the 1.2gp slides' tissues at 10x,
# 2.5x and 1.25x, each side rounded up to 32 px as the model pads it; tissue_list.py) and on square
# inputs of 64-1024 px, in three runtimes measured in the same run:
#   LowMag   (DJL + libtorch 2.7, the models run.sh trained: ForwardSizes.java)
#   PyTorch  (Debian's torch 1.13, the same network in benchmarks/fidelity/harness.py: forward_sizes.py)
#   ORT      (ONNX Runtime 1.20, that network exported by export_onnx.py: OrtForward.java; fetched
#             with Maven for this benchmark only, not a LowMag dependency)
# Then, with the novel batch's other per-slide costs (detect, read, write: its wall minus its
# inference), what each runtime's student inference would make of the end-to-end speed-ups against
# the batch's measured 10x wall (runtimes_report.py). The programs' stderr goes to WORK/runtimes/stderr.log.
#
# Usage: benchmarks/fullsize/runtimes.sh WORK      (WORK: the --work folder of a finished run.sh)
# Run it on idle cores. Needs the built jar (mvn package), /usr/bin/python3 with torch, mvn.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${1:?usage: runtimes.sh WORK (the --work folder of benchmarks/fullsize/run.sh)}
OUT=$WORK/runtimes
mkdir -p "$OUT"
for mag in 10 2.5 1.25; do
  [ -d "$WORK/novel-pred-$mag-1" ] || { echo "runtimes.sh: $WORK/novel-pred-$mag-1 missing: run run.sh first" >&2; exit 2; }
  /usr/bin/python3 benchmarks/fullsize/tissue_list.py "$WORK/novel-pred-$mag-1" > "$OUT/list-$mag.txt"
done
ORT_VERSION=1.20.0
ORT_JAR=$OUT/onnxruntime-$ORT_VERSION.jar
[ -f "$ORT_JAR" ] || mvn -q -B dependency:copy -Dartifact=com.microsoft.onnxruntime:onnxruntime:$ORT_VERSION \
  -DoutputDirectory="$OUT" -Dmdep.overWriteIfNewer=true
/usr/bin/python3 benchmarks/fullsize/export_onnx.py "$OUT/paper.onnx" > /dev/null
. bin/malloc-env.sh
: > "$OUT/times.txt"
: > "$OUT/stderr.log"
for mag in 10 2.5 1.25; do
  [ $mag = 10 ] && export FORWARD_LIST_ONLY=0 || export FORWARD_LIST_ONLY=1 # squares once
  echo "== $mag x: $(wc -l < "$OUT/list-$mag.txt") tissues" | tee -a "$OUT/times.txt"
  java -Dai.djl.offline=true -cp "target/lowmag.jar:target/lib/*" benchmarks/fullsize/ForwardSizes.java \
    "$WORK/models/run-$mag/model/best" "$OUT/list-$mag.txt" 2>>"$OUT/stderr.log" | sed "s/^/$mag /" | tee -a "$OUT/times.txt"
  /usr/bin/python3 benchmarks/fullsize/forward_sizes.py "$OUT/list-$mag.txt" | sed "s/^/$mag /" | tee -a "$OUT/times.txt"
  java -cp "$ORT_JAR" benchmarks/fullsize/OrtForward.java "$OUT/paper.onnx" "$OUT/list-$mag.txt" 2>>"$OUT/stderr.log" \
    | sed "s/^/$mag /" | tee -a "$OUT/times.txt"
done
/usr/bin/python3 benchmarks/fullsize/runtimes_report.py "$OUT/times.txt" "$WORK/novel.csv" \
  "$(ls "$WORK"/novel-pred-10-1/b-*.json | wc -l)" | tee "$OUT/report.md"
