#!/usr/bin/env bash
# Spark scale-out benchmark (issue 16): slides per hour of `lowmag predict` against `lowmag-spark
# predict` on the same slides in the same run:
#   plain      ./lowmag predict --threads 2 (one JVM, 2 slides at once)
#   local[2]   ./lowmag-spark predict, embedded Spark with 2 task slots (equal cores: the overhead)
#   cluster 1  a standalone Master and Workers on localhost (one core each), 1 executor
#   cluster 2  the same with 2 executors (the scaling)
# Every Spark run's outputs are checked identical to the plain run's (compare_outputs.py).
#
# Usage: benchmarks/spark/run.sh [--copies N] [--rounds N] [--out DIR]
#   --copies  how many times the slide set is listed (links with other names; default 4: 64 slides)
#   --rounds  rounds of the four runs, interleaved (default 2); the table gives each run's fastest
#             round and every round's time (other load on the machine slows single rounds), and
#             the steady rate of the last round (without start-up and tail: steady_rate.py)
#   --out     scratch and results folder (default bench-out/spark)
# Slides and model: the synthetic data and the kd+aux student of `./lowmag demo --quick` (run into
# OUT/demo when missing); MODEL=... SLIDES=... override them. Writes OUT/results.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
COPIES=4
ROUNDS=2
OUT=bench-out/spark
while [ $# -gt 0 ]; do
  case "$1" in
    --copies) COPIES=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --out) OUT=$2; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

if [ -z "${MODEL:-}" ] || [ -z "${SLIDES:-}" ]; then
  if [ ! -d "$OUT/demo/experiment/runs/kd+aux-0.625x" ]; then
    ./lowmag demo --quick --out "$OUT/demo" >"$OUT/demo.log" 2>&1
  fi
  MODEL=${MODEL:-$OUT/demo/experiment/runs/kd+aux-0.625x}
  SLIDES=${SLIDES:-$OUT/demo/data/slides}
fi
slides="$OUT/slides"
rm -rf "$slides" && mkdir -p "$slides"
for f in "$SLIDES"/*.svs; do
  for c in $(seq 1 "$COPIES"); do ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$slides/c$c-$(basename "$f")"; done
done
n=$(ls "$slides" | wc -l)

# Build both launchers' jars first (not timed).
./lowmag --version >/dev/null
./lowmag-spark --version >/dev/null

now() { date +%s.%N; }
declare -A wall samples
timed() { # name command... (a fresh output folder each round: every run predicts every slide)
  local name=$1; shift
  rm -rf "${OUT:?}/pred-$name"
  local t0 t; t0=$(now)
  "$@" >"$OUT/$name.log" 2>&1
  t=$(echo "$(now) - $t0" | bc -l)
  samples[$name]="${samples[$name]:-}$(printf '%.1f ' "$t")"
  if [ -z "${wall[$name]:-}" ] || [ "$(echo "$t < ${wall[$name]}" | bc -l)" = 1 ]; then wall[$name]=$t; fi
  echo "$name: $t s" >&2
}

# A standalone cluster on localhost from lowmag-spark's classpath: two one-core Workers.
export LOWMAG_CLUSTER_DIR="$OUT/cluster"
port=17077
spark/local-cluster.sh start --workers 2 --cores 1 --memory 3g --port $port --ui-port 18080 >&2
trap 'spark/local-cluster.sh stop >/dev/null' EXIT
for r in $(seq 1 "$ROUNDS"); do
  timed plain ./lowmag predict --model "$MODEL" "$slides" --heatmap --threads 2 --out "$OUT/pred-plain"
  timed local2 ./lowmag-spark predict --master 'local[2]' --model "$MODEL" "$slides" --heatmap --out "$OUT/pred-local2"
  for e in 1 2; do
    LOWMAG_SPARK_JAVA_OPTS="-Xmx2g -Dspark.cores.max=$e -Dspark.executor.cores=1 -Dspark.executor.memory=2g -Dspark.driver.host=127.0.0.1" \
      timed cluster$e ./lowmag-spark predict --master spark://127.0.0.1:$port --model "$MODEL" "$slides" --heatmap --out "$OUT/pred-cluster$e"
  done
done

for name in local2 cluster1 cluster2; do
  benchmarks/spark/compare_outputs.py "$OUT/pred-plain" "$OUT/pred-$name" >"$OUT/compare-$name.txt"
done

{
  echo "# lowmag-spark predict vs lowmag predict ($(date -u +%F), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "$n slides ($((n / COPIES)) synthetic slides x $COPIES names), model $(basename "$MODEL"), --heatmap; wall time of the whole command (JVM and Spark start included), the fastest of $ROUNDS interleaved rounds (all rounds in the last column)."
  echo
  echo "| run | cores | wall s | slides/hour | vs plain | steady slides/hour | steady vs plain | outputs | rounds (s) |"
  echo "|---|---|---|---|---|---|---|---|---|"
  steady_plain=$(benchmarks/spark/steady_rate.py "$OUT/pred-plain")
  for name in plain local2 cluster1 cluster2; do
    case $name in plain|local2|cluster2) cores=2 ;; cluster1) cores=1 ;; esac
    w=${wall[$name]}
    steady=$(benchmarks/spark/steady_rate.py "$OUT/pred-$name")
    same=$([ "$name" = plain ] && echo reference || cat "$OUT/compare-$name.txt")
    printf '| %s | %s | %.1f | %.0f | %.2fx time | %s | %.2fx time | %s | %s|\n' "$name" "$cores" "$w" \
      "$(echo "$n * 3600 / $w" | bc -l)" "$(echo "$w / ${wall[plain]}" | bc -l)" "$steady" \
      "$(echo "$steady_plain / $steady" | bc -l)" "$same" "${samples[$name]}"
  done
  echo
  echo "Steady: slides/hour between the 10th and 90th percentile of the last round's SLIDE.json write times (steady_rate.py), i.e. without JVM/Spark start-up, model loading and the tail; steady vs plain is the per-slide overhead at equal cores."
} | tee "$OUT/results.md"
