# Sourced by build.sh, test.sh and .ci/run: points JAVA_HOME at a JDK 25 (the build needs it;
# engine and agent still compile to Java 17 bytecode).
headroom_java_major() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }
if [[ -z "${JAVA_HOME:-}" || "$(headroom_java_major "$JAVA_HOME")" -lt 25 ]] 2>/dev/null || [[ -z "$(headroom_java_major "${JAVA_HOME:-/nonexistent}")" ]]; then
  for d in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/*; do
    if [[ -x "$d/bin/java" && "$(headroom_java_major "$d")" -ge 25 ]] 2>/dev/null; then export JAVA_HOME="$d"; break; fi
  done
fi
if [[ -z "${JAVA_HOME:-}" || "$(headroom_java_major "$JAVA_HOME")" -lt 25 ]] 2>/dev/null; then
  echo "Headroom needs a JDK 25 to build; set JAVA_HOME to one (apt: temurin-25-jdk)." >&2
  exit 2
fi
export PATH="$JAVA_HOME/bin:$PATH"
