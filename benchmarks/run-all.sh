#!/usr/bin/env bash
# LowMag's benchmark suite: every benchmark, each against its reference measured in the same run,
# then ONE table of figures and ratios (medians of repetitions and their spread).
#
# Usage: benchmarks/run-all.sh [--quick] [--threads N]
#   --quick     fewer sizes and repetitions (about 3 minutes; the full suite about 15-20 minutes on
#               2 idle cores; on busy cores much longer, as spinning OpenMP threads crawl)
#   --threads   libtorch / PyTorch intra-op threads (default: all cores, libtorch's default)
#
# Writes bench-out/results.md, bench-out/results.csv, bench-out/train-gflops.png and the raw
# samples bench-out/raw.csv. Sections (see src/bench/java/org/lowmag/bench and benchmarks/):
#   1 training step GFLOP/s vs the cores' FP32 peak      (TrainStepBench, MachinePeak)
#   2 training and distillation steps vs PyTorch/Python  (TrainStepBench, DistillStepBench,
#     torch_reference.py: same networks, sizes, accumulation, threads, Adam; rounds alternate).
#     PyTorch runs twice: with the caller's environment, and with GOMP_SPINCOUNT=1000, the OpenMP
#     wait LowMag sets for itself (the target is judged on equal terms); plus LowMag with the
#     composite GroupNorm and Adam, with libgomp's default spin and with OMP_WAIT_POLICY=PASSIVE,
#     and with glibc's default malloc, to show what each change gains
#   3 low-magnification inference, batched vs single    (InferenceBench)
#   4 Lanczos-3 downsampling vs libvips                  (lanczos.sh)
#   5 slide reading, pure Java vs OpenSlide              (SlideReadBench; skipped without the slide)
#   6 peak memory of training on one large tissue       (MemoryBench, one JVM per size), with
#     and without activation checkpointing; 8192 px checkpointed in the full suite
#   7 lowmag predict end to end: teacher (10x) vs students at 4x and 8x lower magnification on the
#     real slides and 4x4 and 8x8 pyramidal mosaics built from one (PredictBench), s/slide split into
#     detection, reading and inference, speed-up next to the FLOP ratio
#   8 full-size 40x slides of 1.2 and 10 gigapixels (benchmarks/fullsize/run.sh, its own report
#     docs/benchmarks/fullsize-DATE.md; --quick: the 1.2 GP set once, into bench-out/fullsize.md):
#     predict at 10x, 2.5x, 1.25x per stage, slides/hour, peak RSS, speed-up vs FLOP ratio; prepare
# Needs: Maven (offline repository), /usr/bin/python3 with python3-torch (Debian), libvips-tools,
# libopenslide0. Run it on an otherwise idle machine: the load average is recorded in the table.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=full
THREADS=$(nproc)
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) MODE=quick ;;
    --threads) THREADS=$2; shift ;;
    -h|--help) sed -n '2,31p' "$0"; exit 0 ;;
    *) echo "run-all.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

OUT=bench-out
RAW=$OUT/raw.csv
WORK=${TMPDIR:-/tmp}/lowmag-bench
PY=/usr/bin/python3
SLIDE=../shared/data/slides/cmu-1-small-region.svs
mkdir -p "$OUT" "$WORK"
rm -f "$RAW"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
T0=$(date +%s)

if [ "$MODE" = quick ]; then
  SIZES=64,256; REPS=2; ROUNDS=1; GN_ARCHS=paper,resnet18; GN_SIZES=256
  DREPS=2; ICOUNT=128; LREPS=1; LTHREADS=$THREADS; MEM_SIZES="1024 2048"; MOSAIC=4
else
  SIZES=64,128,256,512; REPS=3; ROUNDS=2; GN_ARCHS=paper,resnet18; GN_SIZES=64,256
  DREPS=3; ICOUNT=256; LREPS=3; LTHREADS="1 $THREADS"; MEM_SIZES="1024 2048 4096"; MOSAIC=4,8
fi
ACC=8; DACC=32; TEACHER=224; STUDENT=56
torch_py() { # the PyTorch reference, or a message when python3-torch is missing
  if $PY -c 'import torch' 2>/dev/null; then env "${NO_MALLOC_ENV[@]}" $PY benchmarks/torch_reference.py "$@"
  else echo "  PyTorch reference skipped: $PY cannot import torch (apt-get install python3-torch)"
  fi
}

step() { printf '\n== %s (%ds)\n' "$1" $(( $(date +%s) - T0 )); }

step "build"
# The benchmark mains live in src/bench/java, compiled under the bench profile (Maven may
# download build-helper-maven-plugin on first use).
mvn -B -q -Pbench test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp.txt")"
export OPT_OUT_TRACKING=true
JVM=(java -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Djava.awt.headless=true)
# LowMag's JVMs run with the launcher's glibc malloc settings; the Python references with glibc's
# defaults (as each is run by its users); one section measures LowMag with the defaults too.
. bin/malloc-env.sh
NO_MALLOC_ENV=(-u MALLOC_ARENA_MAX -u MALLOC_TRIM_THRESHOLD_ -u MALLOC_MMAP_THRESHOLD_ -u MALLOC_TOP_PAD_)
bench() { "${JVM[@]}" -Xmx8g -cp "$CP" "org.lowmag.bench.$1" "${@:2}" 2>&1 | grep -v -i 'cuda'; }

step "1+2 training steps: LowMag and PyTorch, $ROUNDS round(s)"
for R in $(seq "$ROUNDS"); do
  bench TrainStepBench --raw "$RAW" --work "$WORK" --sizes "$SIZES" --accumulate $ACC \
    --reps $REPS --threads "$THREADS"
  if [ "$R" = 1 ]; then # as the caller's environment runs it (on shared cores: very slow)
    torch_py train --raw "$RAW" --sizes "$SIZES" --accumulate $ACC --reps $REPS \
      --threads "$THREADS"
  fi
  GOMP_SPINCOUNT=1000 torch_py train --raw "$RAW" --sizes "$SIZES" \
    --accumulate $ACC --reps $REPS --threads "$THREADS" --tag pytorch-omp
done
step "2 fused GroupNorm and Adam vs the composite ones (LowMag before), in the training step"
"${JVM[@]}" -Xmx8g -cp "$CP" org.lowmag.bench.TrainStepBench --kernels composite \
  --raw "$RAW" --work "$WORK" --archs "$GN_ARCHS" --sizes "$GN_SIZES" --accumulate $ACC \
  --reps $REPS --threads "$THREADS" --tag lowmag-composite 2>&1 | grep -v -i cuda
step "2 OpenMP waits: libgomp's default spin and PASSIVE vs LowMag's short spin (GOMP_SPINCOUNT=1000)"
# Setting either variable keeps LowMag from setting its own.
GOMP_SPINCOUNT=300000 bench TrainStepBench --raw "$RAW" --work "$WORK" --archs "$GN_ARCHS" \
  --sizes "$GN_SIZES" --accumulate $ACC --reps $REPS --threads "$THREADS" --tag lowmag-omp-spin
OMP_WAIT_POLICY=PASSIVE bench TrainStepBench --raw "$RAW" --work "$WORK" --archs "$GN_ARCHS" \
  --sizes "$GN_SIZES" --accumulate $ACC --reps $REPS --threads "$THREADS" --tag lowmag-omp-passive

if [ "$MODE" = full ]; then
  step "2 glibc's default malloc vs LowMag's settings (bin/malloc-env.sh, as ./lowmag runs)"
  env "${NO_MALLOC_ENV[@]}" "${JVM[@]}" -Xmx8g -cp "$CP" org.lowmag.bench.TrainStepBench \
    --raw "$RAW" --work "$WORK" --archs "$GN_ARCHS" --sizes "$GN_SIZES" --accumulate $ACC \
    --reps $REPS --threads "$THREADS" --tag lowmag-glibc-default 2>&1 | grep -v -i cuda
fi

step "2 distillation steps: LowMag and PyTorch, $ROUNDS round(s)"
for R in $(seq "$ROUNDS"); do
  bench DistillStepBench --raw "$RAW" --work "$WORK" --accumulate $DACC --teacher $TEACHER \
    --student $STUDENT --reps $DREPS --threads "$THREADS"
  if [ "$R" = 1 ]; then
    torch_py distill --raw "$RAW" --accumulate $DACC --teacher $TEACHER --student $STUDENT \
      --reps $DREPS --threads "$THREADS"
  fi
  GOMP_SPINCOUNT=1000 torch_py distill --raw "$RAW" \
    --accumulate $DACC --teacher $TEACHER --student $STUDENT --reps $DREPS --threads "$THREADS" \
    --tag pytorch-omp
done

step "3 low-magnification inference"
bench InferenceBench --raw "$RAW" --count $ICOUNT --reps $REPS --threads "$THREADS"

step "4 Lanczos-3 vs libvips"
if command -v vips >/dev/null; then
  LANCZOS_RAW="$RAW" benchmarks/lanczos.sh 4 "$LTHREADS" $LREPS
else
  echo "  skipped: vips is not installed (apt-get install libvips-tools)"
fi

step "5 slide reading"
bench SlideReadBench --raw "$RAW" --slide "$SLIDE" --reps $REPS

step "6 peak memory of training (one JVM per size, -Xmx16g as the lowmag launcher)"
mem() { # SIZE [MemoryBench options...]
  "${JVM[@]}" -Xmx16g -cp "$CP" org.lowmag.bench.MemoryBench --kernels "${GN:-fused}" \
    --raw "$RAW" --size "$1" --threads "$THREADS" "${@:2}" 2>&1 | grep -v -i cuda; }
fits_8192() { # TAG ("" or checkpoint): whether the fit of the two largest sizes fits 8192 px
  local need avail
  need=$($PY - "$RAW" "$1" <<'EOF'
import sys
tag = sys.argv[2]
peak = {}
for line in open(sys.argv[1]):
    k, _, v = line.split(",")[:3]
    p = k.split("/")
    if p[0] == "memory" and p[2:] == ([tag] if tag else []):
        peak[int(p[1])] = float(v.split(";")[0])
s1, s2 = sorted(peak)[-2:]
b = (peak[s2] - peak[s1]) / (s2 * s2 - s1 * s1)
print(f"{peak[s1] + b * (8192 * 8192 - s1 * s1):.1f}")
EOF
)
  avail=$(awk '/MemAvailable/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)
  if $PY -c "import sys; sys.exit(0 if $need + 1.5 < $avail else 1)"; then return 0; fi
  echo "  8192 px${1:+ ($1)} not run: about $need GiB needed, $avail GiB available" \
    "(extrapolated instead)"
  return 1
}
for S in $MEM_SIZES; do mem "$S"; done
# The same sizes with activation checkpointing (as --checkpoint-activations on; keys SIZE/checkpoint)
for S in $MEM_SIZES; do mem "$S" --checkpoint on; done
GN=composite mem 2048 --tag composite
if [ "$MODE" = full ]; then
  # 8192 px checkpointed (the target; one step takes minutes on 2 cores), and without
  # checkpointing, each when the extrapolation of its two largest sizes fits in the free memory.
  if fits_8192 checkpoint; then mem 8192 --checkpoint on --steps 1; fi
  if fits_8192 ""; then mem 8192 --steps 1; fi
fi

step "7 predict end to end"
S=../shared/data/slides
bench PredictBench --raw "$RAW" --work "$WORK" --reps $REPS --threads "$THREADS" --mosaic $MOSAIC \
  --slides "$S/cmu-1-small-region.svs,$S/tcga-cr-7395-01a-01-ts1.svs,$S/kidney-48-5.tif"

step "8 full-size slides"
if [ "$MODE" = full ]; then benchmarks/fullsize/run.sh --reps 2
else benchmarks/fullsize/run.sh --sizes 1.2gp --reps 1 --out "$OUT/fullsize.md"; fi

step "report"
"${JVM[@]}" -cp "$CP" org.lowmag.bench.BenchReport --raw "$RAW" --out "$OUT" \
  --threads "$THREADS" --accumulate $ACC --distill-accumulate $DACC --teacher $TEACHER \
  --student $STUDENT --mode "$MODE" --load-start "$LOAD_START" \
  --load-end "$(cut -d' ' -f1-3 /proc/loadavg)" \
  --note "suite time $(( $(date +%s) - T0 )) s; $THREADS threads"
