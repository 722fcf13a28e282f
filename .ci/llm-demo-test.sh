#!/usr/bin/env bash
# LLM agents scenario (docs/LLM-AGENTS.md): the LLM demo contest (rules bots, a Python bot, two
# LLM agents) runs end to end in the real sandbox against arena-model-stub; the agents' prompts
# and answers are in the transcript; `arena verify` passes offline with the stub and the server
# stopped; one changed byte of a recorded completion fails it.
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

"$BIN/arena-model-stub" --port "$STUB_PORT" >"$WORK/stub.log" 2>&1 &
STUB_PID=$!
ARENA_ISOLATION=sandboxed ARENA_STATE_DIR="$WORK/state" "$BIN/arena-server" demo --port "$PORT" \
    --contest "$ROOT/Seeds/contests/llm-demo.yaml" --teams "$ROOT/Seeds/llm-demo-teams.json" >"$WORK/demo.log" 2>&1 &
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
