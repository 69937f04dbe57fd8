#!/usr/bin/env bash
# Runs every test (unit, integration, end-to-end) with JDK 25. Usage: ./test.sh [extra maven args]
set -euo pipefail
cd "$(dirname "$0")"
source scripts/jdk.sh
./mvnw -B verify "$@"
