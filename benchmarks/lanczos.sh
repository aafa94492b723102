#!/usr/bin/env bash
# Lanczos-3 downsampling throughput: LowMag's LanczosResampler vs libvips (`vips resize`).
#
# Usage: benchmarks/lanczos.sh [FACTOR=4] [THREADS="1 N"] [REPS=5]
#
# Input: a real H&E overview (../shared/data/slides/tissueloc/20181218042458.jpg, 1916x1010)
# replicated 5x8 into a 9580x8080 image (77 MP); when the data folder is absent, a synthetic
# 8000x8000 image made by vips. Throughput is megapixels of INPUT per second, median of REPS runs.
# Java: the resize only, after two warm-up runs (see LanczosBench). vips: the whole
# `vips resize in.v out.v` command, with the input in vips' native format (memory-mapped,
# already in the page cache), VIPS_CONCURRENCY=threads. Two vips rows: the default (gap 2: an
# integer box shrink first, then Lanczos on the rest, not exact Lanczos) and --gap 0 (pure
# Lanczos-3 reduce with the full 3*factor support, the same computation as ours).
set -euo pipefail
cd "$(dirname "$0")/.."
FACTOR=${1:-4}
THREADS=${2:-"1 $(nproc)"}
REPS=${3:-5}
WORK=${TMPDIR:-/tmp}/lowmag-lanczos-bench
mkdir -p "$WORK"
JPG=../shared/data/slides/tissueloc/20181218042458.jpg

if [ ! -f "$WORK/in.v" ]; then
  if [ -f "$JPG" ]; then
    vips replicate "$JPG" "$WORK/in.v" 5 8
  else
    echo "note: $JPG absent, using a synthetic 8000x8000 noise image" >&2
    vips gaussnoise "$WORK/noise.v" 8000 8000 --mean 160 --sigma 40
    vips cast "$WORK/noise.v" "$WORK/noise8.v" uchar
    vips bandjoin "$WORK/noise8.v $WORK/noise8.v $WORK/noise8.v" "$WORK/in.v"
  fi
  vips copy "$WORK/in.v" "$WORK/in.ppm"
fi
W=$(vipsheader -f width "$WORK/in.v")
H=$(vipsheader -f height "$WORK/in.v")
MP=$(python3 -c "print($W*$H/1e6)")

mvn -B -q -Pbench test-compile >/dev/null # benchmark mains: src/bench/java
CP=target/classes:target/test-classes
SCALE=$(python3 -c "print(1/$FACTOR)")

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
vips_samples() { # threads gap: one line per repetition, seconds
  for _ in $(seq "$REPS"); do
    local t0 t1
    t0=$(date +%s.%N)
    VIPS_CONCURRENCY=$1 vips resize "$WORK/in.v" "$WORK/out.v" "$SCALE" --kernel lanczos3 --gap "$2"
    t1=$(date +%s.%N)
    python3 -c "print($t1-$t0)"
  done
}
raw() { # key seconds-samples(;-separated) note
  [ -n "${LANCZOS_RAW:-}" ] || return 0
  local mps
  mps=$(python3 -c "print(';'.join(f'{$MP/float(s):.6g}' for s in '$2'.split(';')))")
  echo "$1,MP/s,$mps,$3" >>"$LANCZOS_RAW"
}

echo "input ${W}x${H} (${MP} MP), factor $FACTOR, median of $REPS"
printf '%-22s %7s %10s %10s %12s\n' impl threads seconds "MP/s" "java/impl"
for T in $THREADS; do
  read -r _ _ JS JMPS JSAMPLES < <(java -Xmx8g -cp "$CP" org.lowmag.resample.bench.LanczosBench \
      "$WORK/in.ppm" "$FACTOR" "$T" "$REPS")
  printf '%-22s %7s %10.3f %10.1f %12s\n' "lowmag-java" "$T" "$JS" "$JMPS" "1.00"
  raw "lanczos/lowmag/$T" "$JSAMPLES" "${W}x${H} input; factor $FACTOR; resize only"
  for GAP in 2 0; do
    VSAMPLES=$(vips_samples "$T" "$GAP")
    VS=$(echo "$VSAMPLES" | median)
    raw "lanczos/vips-gap$GAP/$T" "$(echo "$VSAMPLES" | paste -sd';')" \
        "whole vips resize command; VIPS_CONCURRENCY=$T"
    VMPS=$(python3 -c "print(f'{$MP/$VS:.1f}')")
    RATIO=$(python3 -c "print(f'{$JMPS/($MP/$VS):.2f}')")
    printf '%-22s %7s %10.3f %10s %12s\n' "vips-lanczos3-gap$GAP" "$T" "$VS" "$VMPS" "$RATIO"
  done
done
