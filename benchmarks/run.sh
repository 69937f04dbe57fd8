#!/usr/bin/env bash
# Builds and runs the engine's JMH benchmarks, then prints the figures the engine issue names.
# Usage: benchmarks/run.sh [extra JMH args, e.g. -f 1 -wi 2 -i 3]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
./mvnw -B -q -pl benchmarks -am -DskipTests package
mkdir -p target
java -jar benchmarks/target/benchmarks.jar -rf json -rff target/jmh-engine.json "$@" dev.headroom.bench.EngineBenchmarks
python3 - <<'PY'
import json
runs = json.load(open("target/jmh-engine.json"))
print("\n== Engine benchmark figures (cold: the memo never hits) ==")
vals = {}
for r in runs:
    name = r["benchmark"].rsplit(".", 1)[1]
    n = r.get("params", {}).get("objects", "")
    m = r["primaryMetric"]
    key = (name, n)
    if m.get("scorePercentiles") and r["mode"] == "sample":
        p = m["scorePercentiles"]
        print(f"{name:14s} objects={n:5s} p50={p['50.0']:.3f} p99={p['99.0']:.3f} {m['scoreUnit']}")
    else:
        print(f"{name:14s} objects={n:5s} mean={m['score']:.3f} ±{m['scoreError']:.3f} {m['scoreUnit']}")
    vals[key] = m["score"]
for n in ("100", "5000"):
    if ("passthrough", n) in vals and ("jacksonParse", n) in vals:
        print(f"passthrough / plain Jackson parse (objects={n}): {vals[('passthrough', n)] / vals[('jacksonParse', n)]:.2f}x")
PY
