#!/usr/bin/env bash
# LLM agents scenario (docs/LLM-AGENTS.md): the LLM demo contest (rules bots, a Python bot, two
# LLM agents) runs end to end in the real sandbox against arena-model-stub; the agents' prompts
# and answers are in the transcript; `arena verify` passes offline with the stub and the server
# stopped; one changed byte of a recorded completion fails it. Then `arena backtest` of the
# llm-agent against the stub answering in 2 s (5 s thinking deadline), hanging, answering prose,
# and stopped: each gives readable [llm] lines in the run report and the backtest completes.
#
#   sudo bash .ci/llm-demo-test.sh     # uses .build/debug (ARENA_BIN_DIR to override)
#
# Prints "llm-demo: 1 passed, 0 failed" (exit 0) or "llm-demo: 0 passed, 1 failed" (exit 1).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${ARENA_BIN_DIR:-$ROOT/.build/debug}"
PORT="${LLM_DEMO_PORT:-18170}"
STUB_PORT=18171   # the endpoint named in Seeds/contests/llm-demo.yaml
WORK="$(mktemp -d /tmp/llm-demo.XXXXXX)"
chmod 755 "$WORK"
STUB_PID="" DEMO_PID=""

log() { echo "llm-demo: $*" >&2; }
die() { log "FAIL: $*"; exit 1; }
finish() {
    local status=$?
    [ -n "$DEMO_PID" ] && kill "$DEMO_PID" 2>/dev/null && wait "$DEMO_PID" 2>/dev/null || true
    [ -n "$STUB_PID" ] && kill "$STUB_PID" 2>/dev/null && wait "$STUB_PID" 2>/dev/null || true
    if [ "$status" = 0 ]; then echo "llm-demo: 1 passed, 0 failed"; rm -rf "$WORK"; else
        echo "llm-demo: 0 passed, 1 failed (kept $WORK)"; fi
    exit "$status"
}
trap finish EXIT

# The endpoint wants a key, as a hosted provider does: it lives in the runner's environment only.
export ARENA_LLM_API_KEY="sk-llm-demo-$RANDOM$RANDOM-secret"
CONTEST="$WORK/llm-demo.yaml"
sed 's/^  # api_key_env: ARENA_LLM_API_KEY .*/  api_key_env: ARENA_LLM_API_KEY/' "$ROOT/Seeds/contests/llm-demo.yaml" >"$CONTEST"
grep -q '^  api_key_env: ARENA_LLM_API_KEY$' "$CONTEST" || die "could not enable api_key_env"
"$BIN/arena-model-stub" --port "$STUB_PORT" --api-key-env ARENA_LLM_API_KEY >"$WORK/stub.log" 2>&1 &
STUB_PID=$!
ARENA_ISOLATION=sandboxed ARENA_STATE_DIR="$WORK/state" "$BIN/arena-server" demo --port "$PORT" \
    --contest "$CONTEST" --teams "$ROOT/Seeds/llm-demo-teams.json" >"$WORK/demo.log" 2>&1 &
DEMO_PID=$!
for _ in $(seq 240); do grep -q "serving on" "$WORK/demo.log" && break; sleep 1; done
grep -q "serving on" "$WORK/demo.log" || die "the demo did not finish its run (see $WORK/demo.log)"
for team in "Agent Alpha" "Agent Beta" "Py Makers"; do
    grep -q "$team .*scored" "$WORK/demo.log" || die "$team is not scored on the board"
done

ORG="$("$BIN/arena-server" bootstrap-organizer llm-demo-ci --state-dir "$WORK/state" 2>/dev/null)"
ARENA_SERVER="http://127.0.0.1:$PORT" ARENA_TOKEN="$ORG" "$BIN/arena" verify --contest llm-demo \
    --download "$WORK/audit" >"$WORK/verify-online.log" 2>&1 || die "online verify failed"
TOKEN="$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['Agent Alpha'])" "$WORK/state/demo-teams.json")"
RUN="$(ls "$WORK/audit/runs" | sed -n 's/\.transcript$//p' | sort -n | tail -1)"
ARENA_SERVER="http://127.0.0.1:$PORT" ARENA_TOKEN="$TOKEN" "$BIN/arena" logs "$RUN" >"$WORK/logs.txt" 2>&1
grep -q '^\[llm\] tick .*: ok model stub-trader' "$WORK/logs.txt" || die "the agent's report lists no answered request"
grep -q '^\[llm\] usage: ' "$WORK/logs.txt" || die "the agent's report has no usage line"
# Before publication: no team reads the transcript (other teams' exchanges), nor does anyone else.
for auth in "Authorization: Bearer $TOKEN" "X-None: 1"; do
    code="$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "http://127.0.0.1:$PORT/v1/runs/$RUN/transcript")"
    [ "$code" = 403 ] || die "an unpublished transcript answered $code to a team or anonymous caller"
done
# The key reached the endpoint (it answers 401 without) and is nowhere a team or the public can read.
curl -s "http://127.0.0.1:$PORT/v1/contests/llm-demo/definition" >"$WORK/definition.json"
grep -q '"api_key_env"' "$WORK/definition.json" || die "the served definition has no llm section"
python3 - "$ARENA_LLM_API_KEY" "$WORK" <<'PY' || die "the API key leaked"
import gzip, os, sys
key, work = sys.argv[1].encode(), sys.argv[2]
for root, _, files in os.walk(work):
    for name in files:
        if name.startswith("stub"): continue
        data = open(os.path.join(root, name), "rb").read()
        if data[:4] == b"PATX" and data[5] == 2:
            import re
            i = 6
            for _ in range(2):
                while data[i] & 0x80: i += 1
                i += 1
            data = gzip.decompress(data[i:-32])
        if key in data: sys.exit("key found in " + os.path.join(root, name))
PY
# 10 decision points, 8 requests of budget: the last two are refused, readably.
grep -q '^\[llm\] tick .*: budget_exhausted .*request budget used up (8/8)' "$WORK/logs.txt" ||
    die "the agent's report shows no budget exhaustion"

kill "$DEMO_PID" "$STUB_PID"; wait "$DEMO_PID" "$STUB_PID" 2>/dev/null || true
DEMO_PID="" STUB_PID=""
T="$WORK/audit/runs/$RUN"
"$BIN/arena" verify "$T.transcript" --attestation "$T.attestation.json" --keys "$WORK/audit/keys.json" \
    >"$WORK/verify-offline.log" 2>&1 || die "offline verify failed with the stub and server stopped"

# A forger's edit: one byte of the first recorded completion, body recompressed, file digest redone.
python3 - "$T.transcript" "$WORK/tampered.transcript" <<'PY' || die "could not tamper"
import gzip, hashlib, sys
def varint(data, i):
    shift = value = 0
    while True:
        b = data[i]; i += 1; value |= (b & 0x7F) << shift
        if b < 0x80: return value, i
        shift += 7
def enc(value):
    out = bytearray()
    while True:
        b = value & 0x7F; value >>= 7; out.append(b | (0x80 if value else 0))
        if not value: return bytes(out)
data = open(sys.argv[1], "rb").read()
assert data[:4] == b"PATX"
body_len, i = varint(data, 6); stored_len, i = varint(data, i)
stored = data[i:i + stored_len]
body = bytearray(gzip.decompress(stored) if data[5] == 2 else stored)
at = body.find(b'"justification":"mark')
assert at > 0, "no recorded completion"
assert body.count(b"RECENT MARKS") > 0, "no recorded prompt"
body[at + 1] ^= 0x20
new = gzip.compress(bytes(body)) if data[5] == 2 else bytes(body)
out = data[:6] + enc(len(body)) + enc(len(new)) + new
open(sys.argv[2], "wb").write(out + hashlib.sha256(out).digest())
PY
if "$BIN/arena" verify "$WORK/tampered.transcript" --attestation "$T.attestation.json" \
    --keys "$WORK/audit/keys.json" >"$WORK/verify-tampered.log" 2>&1; then
    die "verify accepted a transcript with a changed completion"
fi
grep -q "chain_root_mismatch" "$WORK/verify-tampered.log" || die "the tampered transcript failed for another reason"
log "run $RUN: offline verify passed; a one-byte change of a completion failed it"

# `arena backtest` against the stub in its failure modes (decision points at ticks 0, 20, 40).
backtest() {  # NAME STUB-ARGS... : runs the stub (unless "down") and a 41-tick backtest
    local name="$1"; shift
    if [ "$1" != "down" ]; then
        "$BIN/arena-model-stub" --port "$STUB_PORT" --api-key-env ARENA_LLM_API_KEY "$@" >"$WORK/stub-$name.log" 2>&1 &
        STUB_PID=$!
        for _ in $(seq 50); do grep -q "arena-model-stub:" "$WORK/stub-$name.log" && break; sleep 0.1; done
    fi
    "$BIN/arena" backtest "$ROOT/Seeds/python-bots/llm-agent" --with "$ROOT/Seeds/strategies/trend-following" \
        --contest "$CONTEST" --ticks 41 --logs >"$WORK/backtest-$name.txt" 2>&1 ||
        die "backtest with the stub $name failed (see $WORK/backtest-$name.txt)"
    if [ -n "$STUB_PID" ]; then kill "$STUB_PID"; wait "$STUB_PID" 2>/dev/null || true; STUB_PID=""; fi
}
expect() {  # NAME COUNT PATTERN
    local found
    found="$(grep -c -- "$3" "$WORK/backtest-$1.txt" || true)"
    [ "$found" = "$2" ] || die "backtest $1: $found lines match '$3', expected $2"
}
backtest slow --delay 2s
expect slow 3 '^\[llm\] tick [0-9]*0 request r[0-9]: ok model stub-trader, .* [2-4][0-9][0-9][0-9] ms$'
expect slow 0 'fallback'
backtest hang --hang
expect hang 3 '^\[llm\] tick [0-9]*0 request r[0-9]: timeout model stub-trader'
expect hang 3 '^model timeout (timeout: no answer within'
expect hang 1 '3 platform failures (not charged)'
backtest malformed --malformed
expect malformed 3 '^model answer unusable, fallback: I think the market will go up'
backtest down down
expect down 3 '^\[llm\] tick [0-9]*0 request r[0-9]: endpoint_error model stub-trader'
expect down 1 '0/8 requests, .* 3 platform failures (not charged)'
# A bot hunting for the key: not in its environment, not in any process environment it can read.
mkdir -p "$WORK/spy" && chmod 755 "$WORK/spy"
cat >"$WORK/spy/bot.py" <<'PY'
import glob, os
import perparena as pa
class Spy(pa.Bot):
    def on_hello(self, hello):
        found = [k for k in os.environ if "KEY" in k or "ARENA_LLM" in k]
        for path in glob.glob("/proc/*/environ"):
            try:
                if b"ARENA_LLM_API_KEY=" in open(path, "rb").read(): found.append(path)
            except OSError:
                pass
        pa.log("spy found: %s" % (",".join(found) or "nothing"))
pa.run(Spy())
PY
printf 'name: spy\nruntime: python\nentry: bot.py\n' >"$WORK/spy/strategy.yaml"
chmod 644 "$WORK/spy/bot.py" "$WORK/spy/strategy.yaml"
"$BIN/arena" backtest "$WORK/spy" --contest "$CONTEST" --ticks 3 --logs >"$WORK/backtest-spy.txt" 2>&1 ||
    die "the spy backtest failed (see $WORK/backtest-spy.txt)"
grep -q '^spy found: nothing$' "$WORK/backtest-spy.txt" || die "a bot could read the key: $(grep spy "$WORK/backtest-spy.txt")"
log "backtests: slow (2 s) answered in time, hang -> timeout, prose -> fallback, down -> endpoint_error"
