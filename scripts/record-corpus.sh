#!/usr/bin/env bash
# Re-records corpus/recorded/: real request bodies from the pinned Claude Code and Codex CLIs, driven through
# the project's FakeLlmUpstream (module test-support) with scripted tool calls that run real commands in a
# generated scratch project (failing Maven build log, application log, admin-API JSON, grep, git history).
#
# Usage: scripts/record-corpus.sh [--keep] [--only ID,ID...] [ID...]
#        --keep leaves the scratch dir for inspection; with ids (--only or positional) only those sessions are
#        recorded and merged into index.json, every other session's files stay as they are.
# Env:   HEADROOM_CLIENTS_DIR  where the npm clients are installed (default ~/.cache/headroom-clients;
#                              never inside the repo)
#        PORT                  loopback port for the fake upstream (default 0: a free port per session)
#        OUT                   output directory (default corpus/recorded)
# Needs: JDK 25 (scripts/jdk.sh), node + npm (npm registry), python3, git. Not run by CI: the corpus is committed.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
CLAUDE_VERSION=2.1.332
CODEX_VERSION=0.171.0
CLIENTS="${HEADROOM_CLIENTS_DIR:-$HOME/.cache/headroom-clients}"
PORT="${PORT:-0}"
OUT="${OUT:-$REPO/corpus/recorded}"
KEEP=false
ONLY=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --keep) KEEP=true ;;
    --only) ONLY+=("${2:?--only needs ids}"); shift ;;
    --only=*) ONLY+=("${1#--only=}") ;;
    -*) echo "record-corpus: unknown option $1" >&2; exit 2 ;;
    *) ONLY+=("$1") ;;
  esac
  shift
done
CORPUS_PY="$REPO/scripts/corpus/corpus.py"

for tool in node npm python3 git curl sqlite3 jq; do
  command -v "$tool" >/dev/null || { echo "record-corpus: '$tool' is not on PATH; install it first." >&2; exit 2; }
done

# 1. The pinned clients, installed with npm into a cache dir outside the repo (about 660 MB).
installed_version() { node -p "require('$CLIENTS/node_modules/$1/package.json').version" 2>/dev/null || true; }
if [[ "$(installed_version @anthropic-ai/claude-code)" != "$CLAUDE_VERSION" || "$(installed_version @openai/codex)" != "$CODEX_VERSION" ]]; then
  echo "Installing @anthropic-ai/claude-code@$CLAUDE_VERSION and @openai/codex@$CODEX_VERSION into $CLIENTS"
  mkdir -p "$CLIENTS"
  (cd "$CLIENTS" && { [[ -f package.json ]] || npm init -y >/dev/null; } \
    && npm install --no-audit --no-fund "@anthropic-ai/claude-code@$CLAUDE_VERSION" "@openai/codex@$CODEX_VERSION")
fi
CLAUDE="$CLIENTS/node_modules/.bin/claude"
CODEX="$CLIENTS/node_modules/.bin/codex"
echo "clients: $("$CLAUDE" --version) / $("$CODEX" --version)"

# 2. The fake upstream (module test-support) and its runtime classpath.
cd "$REPO"
mapfile -t SESSIONS < <(python3 "$CORPUS_PY" list "${ONLY[@]}")   # fails early on an unknown id
source scripts/jdk.sh
./mvnw -B -q -o -pl test-support package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
FAKE_CP="$REPO/test-support/target/headroom-test-support-0.1.0-SNAPSHOT.jar:$(cat test-support/target/classpath.txt)"

# 3. Scratch dirs: a HOME for both clients (keeps ~/.claude and ~/.codex out of the real home) and the projects.
#    Real tools the machine lacks or that need infrastructure (kubectl with a cluster, docker, psql with a
#    server, ...) are stand-ins in $DEV_HOME/bin that print what the real tool prints (scripts/corpus/standins).
WORK="$(mktemp -d -t headroom-corpus.XXXXXX)"
FAKE_PID=""
API_PID=""
API2_PID=""
cleanup() {
  [[ -n "$FAKE_PID" ]] && kill "$FAKE_PID" 2>/dev/null || true
  [[ -n "$API_PID" ]] && kill "$API_PID" 2>/dev/null || true
  [[ -n "$API2_PID" ]] && kill "$API2_PID" 2>/dev/null || true
  if $KEEP; then echo "scratch kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
DEV_HOME="$WORK/home/dev"
mkdir -p "$DEV_HOME/.codex" "$WORK/recordings"
python3 "$REPO/scripts/corpus/make_scratch.py" "$DEV_HOME"
# Login shells (bash -l) reset PATH in /etc/profile; Debian's ~/.profile puts ~/bin first again. Real
# toolchains that live outside the standard PATH are linked into ~/bin under their own names.
cp /etc/skel/.profile "$DEV_HOME/.profile" 2>/dev/null || printf 'if [ -d "$HOME/bin" ] ; then\n    PATH="$HOME/bin:$PATH"\nfi\n' > "$DEV_HOME/.profile"
for tool in cargo rustc pytest pip; do
  real="$(command -v "$tool" || true)"
  [[ -n "$real" && ! -e "$DEV_HOME/bin/$tool" ]] && ln -s "$real" "$DEV_HOME/bin/$tool"
done
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" CARGO_NET_OFFLINE=true
# The local HTTP API the curl sessions talk to (scratch tools/api_server.py, fixed port: it is in the commands).
API_PORT=18473
python3 "$DEV_HOME/.local/share/api-server/api_server.py" "$API_PORT" > "$WORK/api-server.log" 2>&1 &
API_PID=$!
# The fulfilment service's GraphQL and REST API of the second round (fixed port as well).
python3 "$DEV_HOME/.local/share/api-server/fulfilment_api.py" 18474 > "$WORK/fulfilment-api.log" 2>&1 &
API2_PID=$!
cat > "$DEV_HOME/.codex/config.toml" <<TOML
model = "gpt-5.5"          # a model in Codex 0.171.0's catalog, so it uses that model's real settings
model_provider = "fake"
[model_providers.fake]
name = "Fake upstream"
base_url = "http://127.0.0.1:8799/v1"   # replaced per run with -c model_providers.fake.base_url=...
env_key = "FAKE_OPENAI_KEY"
wire_api = "responses"
request_max_retries = 0
stream_max_retries = 0
[features]
plugins = false
[analytics]
enabled = false
TOML

start_fake() { # session id
  python3 "$CORPUS_PY" script "$1" > "$WORK/$1.script.json"
  java -cp "$FAKE_CP" dev.headroom.testsupport.FakeLlmUpstream --port "$PORT" \
    --record "$WORK/recordings/$1.jsonl" --script "$WORK/$1.script.json" > "$WORK/$1.fake.log" 2>&1 &
  FAKE_PID=$!
  for _ in $(seq 1 50); do
    FAKE_URL="$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$WORK/$1.fake.log" 2>/dev/null)"
    [[ -n "$FAKE_URL" ]] && return 0
    sleep 0.2
  done
  echo "record-corpus: the fake upstream did not start:" >&2; cat "$WORK/$1.fake.log" >&2; exit 1
}
stop_fake() { kill "$FAKE_PID" 2>/dev/null || true; wait "$FAKE_PID" 2>/dev/null || true; FAKE_PID=""; }

CLIENT_PATH="$DEV_HOME/bin:$PATH"
run_client() { # client session-id first|continue prompt
  local client=$1 id=$2 mode=$3 prompt=$4
  if [[ "$client" == "claude-code" ]]; then
    local cont=(); [[ "$mode" == continue ]] && cont=(--continue)
    (cd "$PROJECT" && env HOME="$DEV_HOME" USER=dev LOGNAME=dev PATH="$CLIENT_PATH" CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 \
      ANTHROPIC_BASE_URL="$FAKE_URL" ANTHROPIC_API_KEY=sk-ant-dummy \
      setsid -w timeout 300 "$CLAUDE" -p "${cont[@]}" "$prompt" --allowedTools Bash < /dev/null) || echo "   claude exited with $?" >&2
  else
    local sub=(exec); [[ "$mode" == continue ]] && sub=(exec resume --last)
    (cd "$PROJECT" && env HOME="$DEV_HOME" USER=dev LOGNAME=dev PATH="$CLIENT_PATH" CODEX_HOME="$DEV_HOME/.codex" FAKE_OPENAI_KEY=sk-dummy \
      setsid -w timeout 300 "$CODEX" "${sub[@]}" -c "model_providers.fake.base_url=\"$FAKE_URL/v1\"" --skip-git-repo-check --dangerously-bypass-approvals-and-sandbox "$prompt" \
      < /dev/null 2>>"$WORK/$id.codex.err") || { echo "   codex exited with $?" >&2; tail -5 "$WORK/$id.codex.err" >&2; }
  fi
}

# 4. One client run per session; each tool call is a real command run by the client in the project. Each client
#    runs in its own session (setsid): a client that signals its process group cannot end this script.
mkdir -p "$OUT"
for line in "${SESSIONS[@]}"; do
  read -r id client cwd <<< "$line"
  PROJECT="$DEV_HOME/$cwd"
  prompt="$(python3 "$CORPUS_PY" prompt "$id")"
  echo "== $id ($client)"
  start_fake "$id"
  followup="$(python3 "$CORPUS_PY" followup "$id")"
  run_client "$client" "$id" first "$prompt"
  [[ -n "$followup" ]] && run_client "$client" "$id" continue "$followup"
  stop_fake
  (cd "$PROJECT" && git checkout -q -- . 2>/dev/null || true)   # in case a client touched the project
  # 5. Split into one body per request, replace build-machine paths, merge into index.json (sessions not
  #    recorded in this run keep their files), check needles and leaks; session by session, so an
  #    interrupted run keeps what it recorded.
  if ! python3 "$CORPUS_PY" extract "$OUT" "$WORK/recordings" \
      "$DEV_HOME=/home/dev" "$WORK=/home/dev/.cache/scratch" "$CLIENTS=/home/dev/.local/lib" "$REPO=/home/dev/headroom" \
      "$HOME=/home/dev" > "$WORK/extract.log" 2>&1; then
    cat "$WORK/extract.log" >&2; echo "record-corpus: extract failed for $id" >&2; exit 1
  fi
  grep -v '^skip ' "$WORK/extract.log" || true
  mkdir -p "$WORK/extracted" && mv "$WORK/recordings/$id.jsonl" "$WORK/extracted/"
done
du -sh "$OUT"
