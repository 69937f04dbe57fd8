#!/usr/bin/env bash
# Pass-through overhead of `headroom proxy` against nginx, side by side in one run: first throughput at saturation
# (wrk, requests/s) and latency at a fixed 500 requests/s (hey, p50/p99), both proxies in front of one nginx
# upstream that answers at once; then TTFB against a direct call and nginx at 50 concurrent streams over kept-alive
# connections, the TTFB of 50 new connections opened at once, and 1,000 concurrent open streams with the proxy's RSS.
# nginx, wrk and hey are installed with apt when missing.
# Usage: benchmarks/proxy-overhead.sh [-Dphases=throughput,ttfb,corpus,streams -DthroughputRounds=5 -DthroughputSeconds=10
#        -DproxyEnv=NAME=value,... (the proxy's environment, e.g. HEADROOM_UPSTREAM_CLIENT for the client A/B)
#        -Drequests=3000 -Dconcurrency=50 -DwarmupRounds=4 -DmeasuredRounds=3 -Dstreams=1000 -DcorpusPasses=5]
#        -Dasprof=PATH/libasyncProfiler.so [-Dasprof.event=cpu|alloc|wall] profiles the proxy during the first
#        measured pass-through round (-Dasprof.interval=100us, -Dasprof.extra=",jfr,file=/tmp/p.jfr" for timestamps;
#        -Dasprof.phase=new-connections profiles the one-at-a-time new connections instead);
#        -DproxyArgs="--no-request-log ..." adds options to the proxies started; -Dttfb.trace=DIR writes each
#        round's requests (start offset, TTFB) to DIR/call-N.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
if [[ ! -x /usr/sbin/nginx ]] && command -v apt-get >/dev/null; then
  (apt-get install -y -q nginx-light >/dev/null 2>&1 || apt-get install -y -q nginx >/dev/null 2>&1) || true
fi
if { [[ ! -x /usr/bin/wrk ]] || [[ ! -x /usr/bin/hey ]]; } && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk hey >/dev/null 2>&1 || true
fi
./mvnw -B -q -DskipTests package -pl cli,benchmarks -am
ulimit -n 65536 2>/dev/null || true
java "$@" -cp benchmarks/target/benchmarks.jar dev.headroom.bench.proxy.ProxyOverheadBench bin/headroom
