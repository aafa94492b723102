#!/usr/bin/env bash
# The fidelity study of docs/experiments/fidelity.md: LowMag against the paper's method in plain
# PyTorch (harness.py) on the shared LC25000 lung data, same splits, same tissues, seeds 0-2,
# evaluated on the widened test view (326 groups). Every run is skipped when already finished, so
# the script can be re-run to complete an interrupted study; then tables.py prints the tables.
#
#   benchmarks/fidelity/lc25000.sh OUT [part ...]
#
# parts: prepare baselines padding init teacher kd aux (default: all); SEEDS="1 2" limits the seeds.
# THREADS=N (default 2) sets both sides' CPU threads (harness --threads, libtorch's OMP_NUM_THREADS
# for LowMag). THREADS=1 lets another 1-thread job share the 2 cores: beside a 1-thread LowMag
# training, a 2-thread harness KD+aux epoch took over 6 minutes (OpenMP threads waiting on a
# descheduled peer) against 92 s alone; with THREADS=1 it takes 136 s, and the other job keeps its pace.
# SIDES="pytorch" (or "lowmag"; default both) runs one side only, e.g. to redo the PyTorch runs of a
# seed whose LowMag predictions are already kept in runs/.
# aux (kd+aux students, after teacher) trains on half of the unlabelled groups (lc-half, drawn with
# seed 0) and every arm is compared on lc-half's test split: the original test groups plus the
# other half of the unlabelled groups, which no arm trains on (tables.py, table kd-aux).
# Needs Debian's python3-torch.
# Time on 2 cores: baselines about 2 minutes a run; teachers 10-30 minutes a run; kd 10-35; kd+aux
# (about 2.3x kd's tissues) an estimated 25-80.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"; shift
parts=("${@:-prepare baselines padding init teacher kd aux}")
parts=(${parts[*]})
data="$root/../shared/data/lc25000-lung"
ds="$out/lc-ds"; wide="$out/lc-wide"; half="$out/lc-half"
lowmag="$root/lowmag"; py=(/usr/bin/python3 "$here/harness.py")
seeds=(${SEEDS:-0 1 2})  # SEEDS="1 2" runs only those seeds
threads=${THREADS:-2}
export OMP_NUM_THREADS=$threads MKL_NUM_THREADS=$threads
has() { [[ " ${parts[*]} " == *" $1 "* ]]; }
sides=" ${SIDES:-lowmag pytorch} "

# LowMag run NAME (train or distill on LM_DATA, default lc-ds, then evaluation of model/best and
# model/last on LM_VIEW, default the wide view)
lm() {
  local name=$1 cmd=$2; shift 2
  [[ "$sides" == *" lowmag "* ]] || return 0
  local run="$out/lowmag/$name" data=${LM_DATA:-$ds} view=${LM_VIEW:-$wide} resume=()
  [ -d "$run/checkpoint" ] && resume=(--resume) # an interrupted run goes on from its checkpoint
  [ -f "$run/DONE" ] || "$lowmag" "$cmd" --data "$data" --epochs 15 --out "$run" ${resume[@]+"${resume[@]}"} \
    "$@" >>"$run.log" 2>&1
  for which in best last; do
    [ -f "$out/eval/$name-$which/metrics.json" ] || "$lowmag" evaluate --model "$run/model/$which" \
      --data "$view" --bootstrap-unit group --bootstrap 1000 --out "$out/eval/$name-$which" >/dev/null 2>&1
  done
  echo "lowmag $name: $(grep -o 'best_val[^,]*' "$run/DONE" 2>/dev/null || true)"
}
# PyTorch run NAME ARM MAG SEED [harness flags; a later --data / --eval-data overrides lc-ds / wide]
pt() {
  [[ "$sides" == *" pytorch "* ]] || return 0
  local name=$1 arm=$2 mag=$3 seed=$4; shift 4
  local run="$out/pytorch/$name"
  [ -f "$run/metrics.json" ] || { rm -rf "$run"; "${py[@]}" --data "$ds" --out "$run" --arm "$arm" \
    --mag "$mag" --seed "$seed" --eval-data "$wide" --eval-limit 0 --threads "$threads" "$@" >"$run.log" 2>&1; }
  echo "pytorch $name"
}
mkdir -p "$out/lowmag" "$out/pytorch" "$out/eval"

if has prepare; then
  [ -f "$ds/manifest.csv" ] || "$lowmag" prepare --images "$data" --manifest "$data/manifest.csv" \
    --source-mag 10 --mags 10,2.5,1.25 --unlabeled-percent 70 --out "$ds"
  [ -f "$wide/manifest.csv" ] || /usr/bin/python3 "$here/widen.py" "$ds" "$wide"
fi
if has aux; then
  [ -f "$half/manifest.csv" ] || /usr/bin/python3 "$here/widen.py" "$ds" "$half" --aux-fraction 0.5 --seed 0
fi
for s in "${seeds[@]}"; do
  if has baselines; then
    lm base-2.5-none-s$s train --mag 2.5 --role baseline --seed $s --pad-to stride
    lm base-2.5-white64-s$s train --mag 2.5 --role baseline --seed $s
    lm base-1.25-none-s$s train --mag 1.25 --role baseline --seed $s --padding none
    lm base-1.25-white32-s$s train --mag 1.25 --role baseline --seed $s
    pt base-2.5-none-s$s baseline 2.5 $s --pad none
    pt base-2.5-white64-s$s baseline 2.5 $s --pad white --min-side 64
    pt base-1.25-none-s$s baseline 1.25 $s --pad none
    pt base-1.25-white32-s$s baseline 1.25 $s --pad white
  fi
  if has padding; then
    lm base-1.25-mean32-s$s train --mag 1.25 --role baseline --seed $s --padding mean
    lm base-1.25-reflect32-s$s train --mag 1.25 --role baseline --seed $s --padding reflect
    lm base-2.5-mean64-s$s train --mag 2.5 --role baseline --seed $s --padding mean
  fi
  if has init; then
    lm base-2.5-white64-torchinit-s$s train --mag 2.5 --role baseline --seed $s --init torch
    lm base-1.25-white32-torchinit-s$s train --mag 1.25 --role baseline --seed $s --init torch
  fi
  if has teacher; then
    lm teacher-s$s train --mag 10 --role teacher --seed $s
    pt teacher-s$s teacher 10 $s --pad white
  fi
  if has kd; then
    lm kd-2.5-s$s distill --teacher "$out/lowmag/teacher-s$s" --mag 2.5 --splits train,val --seed $s
    lm kd-1.25-s$s distill --teacher "$out/lowmag/teacher-s$s" --mag 1.25 --splits train,val --seed $s
    pt kd-2.5-s$s kd 2.5 $s --pad white --min-side 64 --teacher "$out/pytorch/teacher-s$s"
    pt kd-1.25-s$s kd 1.25 $s --pad white --teacher "$out/pytorch/teacher-s$s"
  fi
  if has aux; then
    LM_DATA=$half LM_VIEW=$half lm kdaux-2.5-s$s distill --teacher "$out/lowmag/teacher-s$s" --mag 2.5 \
      --splits train,val,unlabeled --seed $s
    LM_DATA=$half LM_VIEW=$half lm kdaux-1.25-s$s distill --teacher "$out/lowmag/teacher-s$s" --mag 1.25 \
      --splits train,val,unlabeled --seed $s
    pt kdaux-2.5-s$s kd+aux 2.5 $s --pad white --min-side 64 --teacher "$out/pytorch/teacher-s$s" \
      --data "$half" --eval-data "$half"
    pt kdaux-1.25-s$s kd+aux 1.25 $s --pad white --teacher "$out/pytorch/teacher-s$s" \
      --data "$half" --eval-data "$half"
  fi
done
/usr/bin/python3 "$here/tables.py" "$out"
