#!/usr/bin/env bash
# Runs every sample without and with the Headroom agent against the project's recording fake upstream and
# prints the bytes and tokens the upstream received each way. Usage: samples/run-all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
./mvnw -B -q -DskipTests package -pl agent,samples/runner -am
runner=samples/runner
java -cp "$runner/target/classes:$(cat $runner/target/classpath.txt)" dev.headroom.samples.runner.RunAllSamples .
