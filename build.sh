#!/usr/bin/env bash
# Builds everything (no tests) and runs the main job: `headroom compress --stats` on a real
# Claude Code request shipped in examples/. Usage: ./build.sh
set -euo pipefail
cd "$(dirname "$0")"
source scripts/jdk.sh
./mvnw -B -q -DskipTests package
export HEADROOM_HOME="${HEADROOM_HOME:-$PWD/target/demo-home}"
mkdir -p target
echo "== headroom compress --stats examples/requests/claude-code-tool-loop.json" >&2
bin/headroom compress --stats examples/requests/claude-code-tool-loop.json -o target/compressed.json
echo "== compressed body written to target/compressed.json" >&2
