#!/usr/bin/env bash
# Prints what the agent costs: jar size, JVM start-up with and without it (median of 10, hyperfine if
# installed, else a loop), and per-request time through java.net.http for a non-LLM and an LLM request.
# Usage: agent/scripts/cost.sh [java-home ...]   (build first: ./mvnw -pl agent -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/headroom-agent.jar
CP=target/test-classes
[[ -f $JAR && -d $CP/dev/headroom/agent/bench ]] || { echo "build first: ./mvnw -pl agent -am test-compile package -DskipTests" >&2; exit 2; }
homes=("$@")
[[ ${#homes[@]} -gt 0 ]] || homes=(/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64)
echo "agent jar: $(stat -c %s $JAR) bytes"

median_ms() { # command... ; median wall time of 10 runs in ms
  local t=()
  for _ in 1 2; do "$@" >/dev/null 2>&1; done
  for _ in $(seq 10); do
    local s=$(date +%s%N); "$@" >/dev/null 2>&1; local e=$(date +%s%N)
    t+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | sed -n 5,6p | awk '{s+=$1} END {print s/2}'
}

for home in "${homes[@]}"; do
  java="$home/bin/java"
  [[ -x $java ]] || { echo "skip $home (not installed)"; continue; }
  v=$("$java" -version 2>&1 | head -1)
  without=$(median_ms "$java" -cp $CP dev.headroom.agent.bench.Hello)
  with=$(median_ms "$java" -javaagent:$JAR=quiet=true -cp $CP dev.headroom.agent.bench.Hello)
  echo "$v: start-up median without agent ${without} ms, with agent ${with} ms"
  echo "  requests without agent: $("$java" -cp $CP dev.headroom.agent.bench.RequestTiming 500 2>/dev/null)"
  echo "  requests with agent:    $(HEADROOM_HOME=$(mktemp -d) "$java" -Dagent=1 -javaagent:$JAR=hosts=127.0.0.1,quiet=true,record=false -cp $CP dev.headroom.agent.bench.RequestTiming 500 2>/dev/null)"
done
