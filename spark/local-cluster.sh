#!/usr/bin/env bash
# A Spark standalone cluster on this machine (a Master and N Workers on 127.0.0.1), started from
# lowmag-spark's own jars: no Spark installation needed. For trying lowmag-spark against a real
# cluster, and for the Spark benchmark; a production cluster is set up as in docs/scale-out.md.
#
#   spark/local-cluster.sh start [--workers N] [--cores C] [--memory M] [--port P] [--ui-port U]
#   spark/local-cluster.sh status
#   spark/local-cluster.sh stop
#
# start (defaults: 2 Workers of 1 core and 3g each, Master port 7077, its web UI on 8080, the
# Workers' on the ports after it) builds
# lowmag-spark when needed, waits until every Worker has registered and prints the master URL and
# the command to use it. State and logs live in $LOWMAG_CLUSTER_DIR (default
# /tmp/lowmag-cluster-USER). Exit codes: 0 done, 1 a daemon failed (its log is printed), 2 usage.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${LOWMAG_CLUSTER_DIR:-/tmp/lowmag-cluster-$(id -un)}"
cmd="${1:-}"; [ $# -gt 0 ] && shift
workers=2; cores=1; memory=3g; port=7077; ui=8080
usage() { sed -n '6,8p' "$0" | sed 's/^# *//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) workers=$2; shift ;;
    --cores) cores=$2; shift ;;
    --memory) memory=$2; shift ;;
    --port) port=$2; shift ;;
    --ui-port) ui=$2; shift ;;
    *) echo "local-cluster.sh: unknown argument '$1'" >&2; usage ;;
  esac
  shift
done
for v in "$workers" "$cores" "$port" "$ui"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "local-cluster.sh: '$v' is not a positive whole number" >&2; exit 2; }
done

alive() { [ -f "$dir/pids" ] && while read -r p; do kill -0 "$p" 2>/dev/null && return 0; done <"$dir/pids"; return 1; }
url() { cat "$dir/url"; }

case "$cmd" in
  start)
    if alive; then echo "already running: $(url) (spark/local-cluster.sh stop first)"; exit 0; fi
    "$root/lowmag-spark" --version >/dev/null  # builds spark/target/lib when needed
    rm -rf "$dir" && mkdir -p "$dir/home/jars"
    ln -s "$root"/spark/target/lib/*.jar "$dir/home/jars/"
    ln -s "$(ls "$root"/spark/target/lowmag-spark-*.jar | grep -v -- '-app\.jar$')" "$dir/home/jars/"
    export SPARK_HOME="$dir/home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
    daemon() { # name class args...
      local name=$1; shift
      nohup java -Xmx256m -cp "$dir/home/jars/*" "$@" >"$dir/$name.log" 2>&1 &
      echo $! >>"$dir/pids"
    }
    master="spark://127.0.0.1:$port"
    daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" \
      --webui-port "$ui"
    for w in $(seq 1 "$workers"); do
      daemon "worker-$w" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$cores" \
        --memory "$memory" --work-dir "$dir/work-$w" --webui-port $((ui + w)) "$master"
    done
    echo "$master" >"$dir/url"
    for _ in $(seq 1 120); do  # up to 60 s for every Worker to register
      n=$({ curl -s "http://127.0.0.1:$ui/json/" 2>/dev/null || true; } |
        sed -n 's/.*"aliveworkers" *: *\([0-9]*\).*/\1/p')
      n=${n:-0}
      [ "$n" -ge "$workers" ] && break
      if ! alive; then break; fi
      sleep 0.5
    done
    if [ "${n:-0}" -lt "$workers" ]; then
      echo "local-cluster.sh: only ${n:-0} of $workers Workers registered with $master; logs:" >&2
      tail -n 15 "$dir"/*.log >&2
      "$0" stop >/dev/null
      exit 1
    fi
    echo "$master: $workers Workers of $cores core(s) and $memory each (web UI http://127.0.0.1:$ui)"
    echo "use: LOWMAG_SPARK_JAVA_OPTS='-Xmx2g -Dspark.driver.host=127.0.0.1 -Dspark.executor.cores=$cores" \
      "-Dspark.executor.memory=2g' ./lowmag-spark predict --master $master --model RUN SLIDES --out OUT"
    ;;
  status)
    if alive; then echo "running: $(url)"; else echo "not running"; exit 1; fi
    ;;
  stop)
    if [ -f "$dir/pids" ]; then
      while read -r p; do kill "$p" 2>/dev/null || true; done <"$dir/pids"
      rm -f "$dir/pids"
    fi
    echo "stopped"
    ;;
  *) usage ;;
esac
