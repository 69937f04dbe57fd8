#!/usr/bin/env bash
# Added pass-through TTFB of `headroom proxy` against a direct call and against nginx (apt-installed when
# missing), 50 concurrent streams, then 1,000 concurrent open streams with the proxy's RSS. It runs the shared
# benchmark (benchmarks/proxy-overhead.sh) with a longer default run: its first third warms the JIT of every
# path, and with 3,000 requests the proxy's warm-up is not over on a 2-core machine.
# Usage: companion-proxy/bench/passthrough.sh [-Drequests=15000 -Dconcurrency=50 -Dstreams=1000]
set -euo pipefail
cd "$(dirname "$0")/../.."
args=("$@")
[[ " ${args[*]-} " == *" -Drequests="* ]] || args+=("-Drequests=15000")
export HEADROOM_HOME="${HEADROOM_HOME:-$(mktemp -d -t headroom-bench-home.XXXXXX)}"
echo "state and request log in $HEADROOM_HOME"
exec benchmarks/proxy-overhead.sh "${args[@]}"
