#!/usr/bin/env bash
# Prints the savings report (per content type and per session) and the needle evaluation over the
# recorded corpus, the examples and (when present) ../shared/corpus. Usage: evaluation/report.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
./mvnw -B -q -pl evaluation -am -DskipTests package
cp="evaluation/target/classes:$(cat evaluation/target/classpath.txt)"
java --enable-native-access=ALL-UNNAMED -cp "$cp" dev.headroom.eval.SavingsReport .
# The needle evaluation ends with the relevance-scorer comparison (RelevanceComparison: BM25, MiniLM, hybrid).
java --enable-native-access=ALL-UNNAMED -cp "$cp" dev.headroom.eval.NeedleEvaluation .
