#!/usr/bin/env bash
# Tile latency of `lowmag serve` (org.lowmag.serve.TileBenchmark): median and p95 of cold and warm
# 256-px Deep Zoom tiles per slide. Usage: benchmarks/serve/tile-latency.sh [N] [SLIDE...]
# (default: 200 tiles on each slide of ../shared/data/slides). Build first: ./mvnw -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-200}"
shift || true
if [ $# -eq 0 ]; then
  set -- $(find "${LOWMAG_SLIDES:-/work/shared/data/slides}" -maxdepth 1 -type f \( -name '*.svs' -o -name '*.tif' -o -name '*.tiff' -o -name '*.ndpi' \) | sort)
fi
echo "# $(date -u +%F) $(nproc) cores, $(uname -m), java $(java -version 2>&1 | head -1)"
java -Xmx2g -Djava.awt.headless=true -cp "target/lowmag.jar:target/lib/*" org.lowmag.serve.TileBenchmark "$n" 1 "$@"
