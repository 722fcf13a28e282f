#!/usr/bin/env bash
# Browser test: headless Chromium (Debian's `chromium`, installed with apt when missing) against a
# live `arena-server demo` on the liquidation contest (Seeds/contests/liquidation.yaml). Loads
# every page through the DevTools protocol (.ci/lib/cdp.py, websocket-client from PyPI in a
# venv) and checks what a viewer sees: the contest's rules and keys, the leaderboard's ranks and
# team names, its live update while two more teams' submissions are evaluated, a team page, and
# the replay viewer (price and equity charts, the fills marked at a known tick, liquidations,
# verification, keyboard controls, sign-in with a token before publication, the published page
# without JavaScript). XSS: one new team is named `<img src=x onerror=alert(1)>`; no dialog may
# open, no <img> may exist, the name must read as text. Screenshots go to .ci/artifacts/browser/.
#
#   bash .ci/browser-test.sh                  # uses .build/debug (ARENA_BIN_DIR to override)
#   BROWSER_TEST_PORT=18191 KEEP_WORK=1 bash .ci/browser-test.sh
#
# Prints "browser-test: N passed, M failed" and exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/.ci/lib/stop-demo.sh"
BIN="${ARENA_BIN_DIR:-$ROOT/.build/debug}"
PORT="${BROWSER_TEST_PORT:-18190}"
BASE="http://127.0.0.1:$PORT"
VENV=/tmp/perparena-browser-venv
ARTIFACTS="$ROOT/.ci/artifacts/browser"
WORK="$(mktemp -d /tmp/perparena-browser.XXXXXX)"
chmod 755 "$WORK"
SERVER_PID=""
PASSED=0
FAILED=0
STARTED_AT=$SECONDS

log() { printf '[%3ds] %s\n' $((SECONDS - STARTED_AT)) "$*" >&2; }

finish() {
    local status=$?
    set +e
    stop_server_and_postgres "$SERVER_PID" "$WORK/state"
    if [ -f "$WORK/results" ]; then read -r PASSED FAILED <"$WORK/results"; fi
    if [ "$status" != 0 ] && [ "$FAILED" = 0 ]; then
        FAILED=$((FAILED + 1))
        tail -20 "$WORK/demo.log" >&2 2>/dev/null
    fi
    [ "${KEEP_WORK:-0}" = 1 ] && log "work directory kept: $WORK" || rm -rf "$WORK"
    echo "browser-test: $PASSED passed, $FAILED failed"
    [ "$FAILED" = 0 ] && [ "$status" = 0 ] && exit 0
    exit 1
}
trap finish EXIT
trap 'exit 130' INT TERM

for binary in arena-server arena-worker arena-sandbox; do
    [ -x "$BIN/$binary" ] || { log "FAIL: $BIN/$binary missing; build first (swift build)"; exit 1; }
done
if ! command -v chromium >/dev/null; then
    log "installing chromium (apt)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >"$WORK/apt.log" 2>&1 \
        || { cat "$WORK/apt.log" >&2; exit 1; }
fi
if ! "$VENV/bin/python" -c "import websocket" 2>/dev/null; then
    log "installing websocket-client into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check "websocket-client==1.8.0" >"$WORK/pip.log" 2>&1 \
        || { cat "$WORK/pip.log" >&2; exit 1; }
fi
if curl -s -o /dev/null "$BASE/healthz"; then log "FAIL: port $PORT is in use"; exit 1; fi

export ARENA_STATE_DIR="$WORK/state" ARENA_MIGRATIONS_DIR="$ROOT/Migrations" ARENA_SEEDS_DIR="$ROOT/Seeds"
export ARENA_PYTHON_SDK="$ROOT/Sources/PythonSDK"
# One client opens many pages and a stream: lift the per-address rate limits for it.
export ARENA_RATE_LIMIT_IP=100000 ARENA_RATE_BURST_IP=100000 ARENA_RATE_LIMIT_TOKEN=100000 ARENA_RATE_BURST_TOKEN=100000
unset DATABASE_URL
if [ "$(id -u)" = 0 ]; then export ARENA_ISOLATION="${ARENA_ISOLATION:-sandboxed}"; else export ARENA_ISOLATION="${ARENA_ISOLATION:-plain}"; fi
log "starting arena-server demo on $BASE (liquidation contest)"
(cd "$ROOT" && exec "$BIN/arena-server" demo --port "$PORT" --contest "$ROOT/Seeds/contests/liquidation.yaml") \
    >"$WORK/demo.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1800); do
    grep -q "serving on" "$WORK/demo.log" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { log "FAIL: the demo exited"; exit 1; }
    sleep 0.5
done
grep -q "serving on" "$WORK/demo.log" || { log "FAIL: the demo did not finish its first board"; exit 1; }
grep -q "$BASE/contests/liquidation/leaderboard" "$WORK/demo.log" \
    && log "the demo printed the page URL" || { log "FAIL: the demo did not print the page URL"; exit 1; }
ORGANIZER="$(cd "$ROOT" && "$BIN/arena-server" bootstrap-organizer browser-test 2>>"$WORK/bootstrap.log")"
tar -C "$ROOT/Seeds/strategies/all-in-long" -czf "$WORK/long.tar.gz" .
tar -C "$ROOT/Seeds/strategies/all-in-short" -czf "$WORK/short.tar.gz" .
rm -rf "$ARTIFACTS"
mkdir -p "$ARTIFACTS"
log "running the browser checks (screenshots in ${ARTIFACTS#"$ROOT"/})"
BASE="$BASE" ORGANIZER="$ORGANIZER" CONTEST=liquidation ARTIFACTS="$ARTIFACTS" RESULTS="$WORK/results" \
    DEMO_TEAMS="$ROOT/Seeds/demo-teams.json" DEMO_LOG="$WORK/demo.log" \
    BUNDLE_LONG="$WORK/long.tar.gz" BUNDLE_SHORT="$WORK/short.tar.gz" \
    PYTHONPATH="$ROOT/.ci/lib" timeout 1800 "$VENV/bin/python" "$ROOT/.ci/lib/browser_checks.py"
