#!/usr/bin/env bash
# API benchmarks on one live `arena-server serve` (embedded PostgreSQL, temporary state dir):
#   1. time from submit to ranked for the demo contest (Seeds/contests/demo.yaml, the demo teams
#      of Seeds/demo-teams.json, one `arena-server runner --count 2` process);
#   2. leaderboard JSON requests per second vs the trivial JSON route /healthz, same server,
#      same run, alternating wrk runs (the ratio is the figure; target >= 0.9);
#   3. submissions accepted per second (valid bundles, distinct files, 16 concurrent clients).
#
#   bash .ci/api-bench.sh                     # uses .build/debug; ARENA_BIN_DIR=.build/release for release
#   BENCH_SECONDS=10 BENCH_CONNECTIONS=64 bash .ci/api-bench.sh
#
# Needs wrk (apt-get install wrk), curl, python3. Prints a Markdown table at the end.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${ARENA_BIN_DIR:-$ROOT/.build/debug}"
SECONDS_PER_RUN="${BENCH_SECONDS:-10}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
WORK="$(mktemp -d /tmp/perparena-bench.XXXXXX)"
chmod 755 "$WORK"
declare -A PIDS=()

log() { printf '%s\n' "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }

stop() {
    local pid=$1
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid"
    for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

finish() {
    local status=$? pgpid
    set +e
    for name in runner api; do [ -n "${PIDS[$name]:-}" ] && stop "${PIDS[$name]}"; done
    pgpid="$(head -1 "$WORK/api/postgres/data/postmaster.pid" 2>/dev/null)"
    [ -n "$pgpid" ] && kill -INT "$pgpid" 2>/dev/null
    [ "${KEEP_WORK:-0}" = 1 ] || rm -rf "$WORK"
    exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

command -v wrk >/dev/null || die "wrk missing (apt-get install wrk)"
export ARENA_MIGRATIONS_DIR="$ROOT/Migrations" ARENA_PYTHON_SDK="$ROOT/Sources/PythonSDK" ARENA_LOG_FORMAT=json
export ARENA_RATE_LIMIT_IP=1000000 ARENA_RATE_BURST_IP=1000000 ARENA_RATE_LIMIT_TOKEN=1000000 ARENA_RATE_BURST_TOKEN=1000000
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
(cd "$ROOT" && unset DATABASE_URL && ARENA_STATE_DIR="$WORK/api" ARENA_LOG_LEVEL=warning \
    exec "$BIN/arena-server" serve --port "$PORT" --log-level warning) >"$WORK/api.out" 2>"$WORK/api.log" &
PIDS[api]=$!
for _ in $(seq 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/readyz")" = 200 ] && break
    kill -0 "${PIDS[api]}" 2>/dev/null || die "api exited"
    sleep 0.2
done
DB_URL="postgres://postgres@127.0.0.1:$(cat "$WORK/api/postgres/port")/arena?sslmode=disable"
ORGANIZER="$(cd "$ROOT" && ARENA_STATE_DIR="$WORK/api" "$BIN/arena-server" bootstrap-organizer bench 2>/dev/null)"
curl -sf -o /dev/null -H "Authorization: Bearer $ORGANIZER" -H 'Content-Type: application/yaml' \
    --data-binary @"$ROOT/Seeds/contests/demo.yaml" "$BASE/v1/admin/contests" || die "create demo contest"

# 1. Submit to ranked: the demo teams submit while one runner process (2 runners) polls.
(cd "$ROOT" && DATABASE_URL="$DB_URL" ARENA_STATE_DIR="$WORK/runner" ARENA_ISOLATION=sandboxed exec "$BIN/arena-server" runner --count 2 \
    --log-level warning) >"$WORK/runner.out" 2>"$WORK/runner.log" &
PIDS[runner]=$!
sleep 2
RANKED="$(python3 - "$BASE" "$ROOT" <<'EOF'
import io, json, os, sys, tarfile, time, urllib.request
base, root = sys.argv[1], sys.argv[2]
def call(method, path, body=None, token=None, ctype="application/json"):
    request = urllib.request.Request(base + path, data=body, method=method)
    if token: request.add_header("Authorization", "Bearer " + token)
    if body is not None: request.add_header("Content-Type", ctype)
    with urllib.request.urlopen(request, timeout=30) as response: return json.load(response)
def bundle(directory):
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w:gz") as tar:
        for name in sorted(os.listdir(directory)): tar.add(os.path.join(directory, name), arcname=name)
    return data.getvalue()
teams = json.load(open(os.path.join(root, "Seeds/demo-teams.json")))
start = time.monotonic()
for team in teams:
    token = call("POST", "/v1/contests/demo/teams", json.dumps({"name": team["name"]}).encode())["token"]
    call("POST", "/v1/submissions", bundle(os.path.join(root, "Seeds", team["bundle"])), token, "application/gzip")
last_submit = time.monotonic()
while time.monotonic() - last_submit < 600:
    board = call("GET", "/v1/contests/demo/leaderboard")
    if len(board["rows"]) == len(teams) and all(row["status"] != "failed" or row.get("fault") for row in board["rows"]):
        break
    time.sleep(0.2)
done = time.monotonic()
print(f"{done - last_submit:.1f} {done - start:.1f} {len(teams)}")
EOF
)"
read -r RANKED_AFTER_LAST RANKED_AFTER_FIRST DEMO_TEAMS <<<"$RANKED"
stop "${PIDS[runner]}"
unset "PIDS[runner]"
log "submit → ranked (demo, $DEMO_TEAMS teams): ${RANKED_AFTER_LAST} s after the last submission, ${RANKED_AFTER_FIRST} s after the first"

# 2. Leaderboard vs /healthz, alternating, same server.
bench() { wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$BASE$1" 2>&1 | tee -a "$WORK/wrk.log" \
    | awk '/Requests\/sec/ {print $2} /^ +99%/ {p99=$2} /Non-2xx/ {print "NON2XX"} /Socket errors/ {print "SOCKERR"}'; }
wrk -t1 -c4 -d2s "$BASE/v1/contests/demo/leaderboard" >/dev/null 2>&1   # warm-up
declare -a HEALTH=() BOARD=()
for round in 1 2 3; do
    out="$(bench /healthz)"; grep -q 'NON2XX\|SOCKERR' <<<"$out" && die "errors on /healthz: $(tail -20 "$WORK/wrk.log")"
    HEALTH+=("$(head -1 <<<"$out")")
    out="$(bench /v1/contests/demo/leaderboard)"; grep -q 'NON2XX\|SOCKERR' <<<"$out" && die "errors on leaderboard"
    BOARD+=("$(head -1 <<<"$out")")
done
BOARD_BYTES="$(curl -s "$BASE/v1/contests/demo/leaderboard" | wc -c)"
read -r HEALTH_MEDIAN BOARD_MEDIAN RATIO <<<"$(python3 -c '
import statistics, sys
h = [float(x) for x in sys.argv[1].split()]; b = [float(x) for x in sys.argv[2].split()]
print(f"{statistics.median(h):.0f} {statistics.median(b):.0f} {statistics.median(b) / statistics.median(h):.2f}")' \
    "${HEALTH[*]}" "${BOARD[*]}")"
log "healthz req/s: ${HEALTH[*]} | leaderboard req/s: ${BOARD[*]} | ratio of medians $RATIO"

# 3. Submissions accepted per second (distinct valid bundles, 16 clients, no runner).
cat >"$WORK/bench.yaml" <<EOF
id: bench
name: Submission throughput
market: { instruments: [BTC-PERP, ETH-PERP], tick_ms: 1000 }
evaluation: { ticks: 100, heat_size: 8, starting_balance: "10000", rounds: [{seed: 1, public: true}] }
limits: { submissions_per_day: 1000, max_in_flight: 1000 }
EOF
curl -sf -o /dev/null -H "Authorization: Bearer $ORGANIZER" -H 'Content-Type: application/yaml' \
    --data-binary @"$WORK/bench.yaml" "$BASE/v1/admin/contests" || die "create bench contest"
ACCEPT="$(python3 - "$BASE" "$ROOT" <<'EOF'
import io, json, os, sys, tarfile, time, urllib.request
from concurrent.futures import ThreadPoolExecutor
base, root = sys.argv[1], sys.argv[2]
def call(method, path, body=None, token=None, ctype="application/json"):
    request = urllib.request.Request(base + path, data=body, method=method)
    if token: request.add_header("Authorization", "Bearer " + token)
    if body is not None: request.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(request, timeout=60) as response: return response.status
    except urllib.error.HTTPError as error: return error.code
def register(i):
    request = urllib.request.Request(base + "/v1/contests/bench/teams", data=json.dumps({"name": f"b{i}"}).encode(),
                                     method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response: return json.load(response)["token"]
source = open(os.path.join(root, "Seeds/strategies/grid/strategy.yaml"), "rb").read()
def bundle(n):
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w:gz") as tar:
        body = source + f"\n# variant {n}\n".encode()
        info = tarfile.TarInfo("strategy.yaml"); info.size = len(body); info.mode = 0o644
        tar.addfile(info, io.BytesIO(body))
    return data.getvalue()
tokens = [register(i) for i in range(16)]
jobs = [(tokens[n % 16], bundle(n)) for n in range(160)]
start = time.monotonic()
with ThreadPoolExecutor(16) as pool:
    codes = list(pool.map(lambda job: call("POST", "/v1/submissions", job[1], job[0], "application/gzip"), jobs))
elapsed = time.monotonic() - start
accepted = codes.count(202)
print(f"{accepted} {len(codes)} {elapsed:.2f} {accepted / elapsed:.1f}")
EOF
)"
read -r ACCEPTED TOTAL ACCEPT_SECONDS ACCEPT_RATE <<<"$ACCEPT"
[ "$ACCEPTED" = "$TOTAL" ] || die "only $ACCEPTED of $TOTAL submissions accepted"
log "submissions: $ACCEPTED accepted in $ACCEPT_SECONDS s = $ACCEPT_RATE /s"

cat <<EOF
| measure | value |
|---|---|
| /healthz req/s (wrk -t2 -c$CONNECTIONS, ${SECONDS_PER_RUN} s × 3, median) | $HEALTH_MEDIAN (${HEALTH[*]}) |
| leaderboard JSON req/s (demo, $DEMO_TEAMS rows, $BOARD_BYTES bytes; median) | $BOARD_MEDIAN (${BOARD[*]}) |
| leaderboard / healthz | **$RATIO** |
| submissions accepted per second (16 clients, $TOTAL distinct valid tar.gz) | $ACCEPT_RATE |
| submit → ranked, demo contest ($DEMO_TEAMS teams, 2 rounds × 600 ticks, 1 runner process × 2) | ${RANKED_AFTER_LAST} s after the last submission (${RANKED_AFTER_FIRST} s after the first) |
EOF
