#!/usr/bin/env bash
# The savings evaluation over the recorded corpus, the examples and (when present) ../shared/corpus: per corpus
# set (tuning, held-out, whole corpus; examples and fixtures apart as "other") and per command family and content
# type, tokens before / lossless / balanced, needles kept, unstable and nondeterministic outputs, keep reasons of
# large outputs, JSON outputs against minified JSON and TOON; then the relevance-scorer comparison.
# A JSON copy goes to evaluation/target/report.json.
# Usage: evaluation/report.sh [--set tuning|held-out|all] [--no-relevance]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
./mvnw -B -q -pl evaluation -am -DskipTests package
# TOON (an outside reference for JSON outputs) needs node; without it the report says n/a and carries on.
if command -v node >/dev/null && command -v npm >/dev/null && [[ ! -d evaluation/toon/node_modules ]]; then
  (cd evaluation/toon && npm ci --silent --no-audit --no-fund) || echo "npm ci in evaluation/toon failed: TOON will be n/a" >&2
fi
cp="evaluation/target/classes:$(cat evaluation/target/classpath.txt)"
java --enable-native-access=ALL-UNNAMED -cp "$cp" dev.headroom.eval.CorpusReport . "$@"
