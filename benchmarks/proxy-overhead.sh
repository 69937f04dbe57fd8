#!/usr/bin/env bash
# Pass-through overhead of `headroom proxy` against a direct call and against nginx (installed with
# apt when missing), at 50 concurrent streams over kept-alive connections, then the TTFB of 50 new connections
# opened at once; then 1,000 concurrent open streams with the proxy's RSS.
# Usage: benchmarks/proxy-overhead.sh [-Drequests=3000 -Dconcurrency=50 -DwarmupRounds=4 -DmeasuredRounds=3 -Dstreams=1000 -DcorpusPasses=5]
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
./mvnw -B -q -DskipTests package -pl cli,benchmarks -am
ulimit -n 65536 2>/dev/null || true
java "$@" -cp benchmarks/target/benchmarks.jar dev.headroom.bench.proxy.ProxyOverheadBench bin/headroom
