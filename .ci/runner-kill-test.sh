#!/usr/bin/env bash
# Acceptance: three `arena-server runner` processes and one `arena-server serve` on one database
# (the embedded PostgreSQL that `serve` starts when DATABASE_URL is unset). A contest with long
# runs; the runner holding a run's lease is killed with SIGKILL mid-run. The run must complete on
# another runner, with exactly one result set per run, and the teams' quota untouched.
#
#   bash .ci/runner-kill-test.sh              # uses .build/debug (ARENA_BIN_DIR to override)
#   RK_TICKS=2000 KEEP_WORK=1 bash .ci/runner-kill-test.sh
#
# Prints "runner-kill: 1 passed, 0 failed" (exit 0) or "runner-kill: 0 passed, 1 failed" (exit 1).
# Bounded: every wait has a deadline; about 1-2 minutes on 2 cores. Leaves no processes behind.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/.ci/lib/paced-bot.sh"
BIN="${ARENA_BIN_DIR:-$ROOT/.build/debug}"
TICKS="${RK_TICKS:-1500}"
LEASE_SECONDS=6
TEAMS=4
WORK="$(mktemp -d /tmp/perparena-rk.XXXXXX)"
chmod 755 "$WORK"
declare -A PIDS=()
PGPORT=""
STARTED_AT=$SECONDS

log() { printf '[%3ds] %s\n' $((SECONDS - STARTED_AT)) "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }
sql() { psql -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d arena -c "$1"; }

# Every descendant pid of $1, from /proc.
descendants() {
    local child
    for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
        echo "$child"
        descendants "$child"
    done
}

finish() {
    local status=$? name pid pgpid leftovers=""
    set +e
    for name in "${!PIDS[@]}"; do descendants "${PIDS[$name]}" >>"$WORK/descendants"; done
    for name in r1 r2 r3 api; do
        pid="${PIDS[$name]:-}"
        [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || continue
        kill -TERM "$pid"
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    pgpid="$(head -1 "$WORK/api/postgres/data/postmaster.pid" 2>/dev/null)"
    if [ -n "$pgpid" ] && kill -0 "$pgpid" 2>/dev/null; then
        kill -INT "$pgpid"
        for _ in $(seq 100); do kill -0 "$pgpid" 2>/dev/null || break; sleep 0.1; done
    fi
    sleep 0.5
    if [ -s "$WORK/descendants" ]; then
        while read -r pid; do
            [ -d "/proc/$pid" ] && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ] && leftovers+=" $pid"
        done <"$WORK/descendants"
    fi
    for pid in $(grep -l "$WORK" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3); do
        [ "$pid" != $$ ] && [ -d "/proc/$pid" ] && leftovers+=" $pid"
    done
    if [ -n "$leftovers" ]; then
        log "FAIL: processes left behind:$leftovers"
        for pid in $leftovers; do kill -KILL "$pid" 2>/dev/null; done
        status=1
    fi
    if [ "$status" != 0 ]; then
        for name in api r1 r2 r3; do
            [ -f "$WORK/$name.log" ] && { echo "--- $name.log (tail)" >&2; tail -8 "$WORK/$name.log" >&2; }
        done
    fi
    [ "${KEEP_WORK:-0}" = 1 ] && log "work directory kept: $WORK" || rm -rf "$WORK"
    if [ "$status" = 0 ]; then echo "runner-kill: 1 passed, 0 failed"; else echo "runner-kill: 0 passed, 1 failed"; fi
    exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

for binary in arena-server arena-worker arena-sandbox; do
    [ -x "$BIN/$binary" ] || die "$BIN/$binary missing: build first (swift build), or set ARENA_BIN_DIR"
done
command -v psql >/dev/null || die "psql missing (apt-get install postgresql-client)"

export ARENA_MIGRATIONS_DIR="$ROOT/Migrations" ARENA_PYTHON_SDK="$ROOT/Sources/PythonSDK" ARENA_LOG_FORMAT=json
export ARENA_LEASE_SECONDS=$LEASE_SECONDS
API_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$API_PORT"
(cd "$ROOT" && unset DATABASE_URL && ARENA_STATE_DIR="$WORK/api" exec "$BIN/arena-server" serve --port "$API_PORT") \
    >"$WORK/api.out" 2>"$WORK/api.log" &
PIDS[api]=$!
for _ in $(seq 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/readyz")" = 200 ] && break
    kill -0 "${PIDS[api]}" 2>/dev/null || die "api exited"
    sleep 0.2
done
PGPORT="$(cat "$WORK/api/postgres/port")"
DB_URL="postgres://postgres@127.0.0.1:$PGPORT/arena?sslmode=disable"
log "api ready on $BASE; embedded PostgreSQL on port $PGPORT"

ORGANIZER="$(cd "$ROOT" && ARENA_STATE_DIR="$WORK/api" "$BIN/arena-server" bootstrap-organizer rk-admin 2>>"$WORK/bootstrap.log")"
[ -n "$ORGANIZER" ] || die "bootstrap-organizer printed no token"
cat >"$WORK/contest.yaml" <<EOF
id: rk
name: Runner kill test
market:
  instruments: [BTC-PERP, ETH-PERP]
  tick_ms: 1000
  background: { start_prices: { BTC-PERP: "60000", ETH-PERP: "3000" }, volatility: "0.8", market_makers: 2, noise_traders: 3, value_agents: 3 }
evaluation: { ticks: $TICKS, heat_size: 8, starting_balance: "10000", rounds: [{seed: 11, public: true}, {seed: 12, public: true}] }
limits: { tick_deadline_ms: 1000, first_tick_deadline_ms: 10000, max_strikes: 10, submissions_per_day: 5, max_in_flight: 2 }
EOF
code="$(curl -s -o "$WORK/contest.json" -w '%{http_code}' -H "Authorization: Bearer $ORGANIZER" \
    -H 'Content-Type: application/yaml' --data-binary @"$WORK/contest.yaml" "$BASE/v1/admin/contests")"
[ "$code" = 201 ] || die "create contest: $code $(cat "$WORK/contest.json")"
for index in $(seq "$TEAMS"); do
    curl -s -o "$WORK/team-$index.json" -H 'Content-Type: application/json' \
        --data "{\"name\":\"team-$index\"}" "$BASE/v1/contests/rk/teams"
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["token"])' "$WORK/team-$index.json" >"$WORK/token-$index"
    # Paced process bots (.ci/lib/paced-bot.sh): every heat has workers and takes wall time,
    # whichever batch of validated entries an evaluation starts with.
    paced_bot_bundle "$WORK/bundle-$index.tar.gz"
    code="$(curl -s -o "$WORK/submission-$index.json" -w '%{http_code}' -H "Authorization: Bearer $(cat "$WORK/token-$index")" \
        -H 'Content-Type: application/gzip' --data-binary @"$WORK/bundle-$index.tar.gz" "$BASE/v1/submissions")"
    [ "$code" = 202 ] || die "submit team-$index: $code"
done
log "contest rk: $TEAMS teams submitted; 2 rounds × $TICKS ticks"

for n in 1 2 3; do
    (cd "$ROOT" && DATABASE_URL="$DB_URL" ARENA_STATE_DIR="$WORK/r$n" ARENA_RUNNER_NAME="runner$n" ARENA_ISOLATION=sandboxed \
        exec "$BIN/arena-server" runner --count 1) >"$WORK/r$n.out" 2>"$WORK/r$n.log" &
    PIDS[r$n]=$!
done
log "runners: ${PIDS[r1]} ${PIDS[r2]} ${PIDS[r3]}"

ROW=""
deadline=$((SECONDS + 90))
while [ $SECONDS -lt $deadline ]; do
    ROW="$(sql "SELECT j.id, j.run_id, j.lease_owner FROM jobs j JOIN runs r ON r.id = j.run_id
                WHERE j.kind = 'run' AND j.status = 'running' AND r.status = 'running' ORDER BY j.id LIMIT 1" | tr '|' ' ')"
    [ -n "$ROW" ] && break
    sleep 0.2
done
[ -n "$ROW" ] || die "no run was leased within 90 s"
read -r JOB RUN OWNER <<<"$ROW"
VICTIM="r$(sed -E 's/^runner([0-9]+):.*/\1/' <<<"$OWNER")"
sleep 2
[ "$(sql "SELECT count(*) FROM jobs WHERE id = $JOB AND status = 'running' AND lease_owner = '$OWNER'")" = 1 ] \
    || die "run $RUN finished before the kill; raise RK_TICKS (now $TICKS)"
descendants "${PIDS[$VICTIM]}" >"$WORK/victim-children"
log "kill -9 $OWNER (pid ${PIDS[$VICTIM]}) while it runs run $RUN (job $JOB)"
kill -KILL "${PIDS[$VICTIM]}"
wait "${PIDS[$VICTIM]}" 2>/dev/null || true
unset "PIDS[$VICTIM]"
KILLED_AT=$SECONDS

# Submissions pass validation episodes first, so a contest can see more than one evaluation
# (one per batch of validated entries): wait until every evaluation is complete and the queue is
# empty.
settled_sql="SELECT (SELECT count(*) FROM evaluations WHERE contest_id = 'rk') > 0
    AND (SELECT count(*) FROM evaluations WHERE contest_id = 'rk' AND status <> 'complete') = 0
    AND (SELECT count(*) FROM jobs WHERE contest_id = 'rk' AND status IN ('queued', 'running')) = 0"
deadline=$((SECONDS + 240))
while [ $SECONDS -lt $deadline ]; do
    [ "$(sql "$settled_sql")" = t ] && break
    sleep 0.5
done
[ "$(sql "$settled_sql")" = t ] \
    || die "evaluations not complete 240 s after the kill: $(sql "SELECT id, kind, status, lease_owner, attempts, last_error FROM jobs")"
log "evaluations complete $((SECONDS - KILLED_AT)) s after the kill"

FINISHER="$(sql "SELECT actor FROM audit_events WHERE action = 'run.completed' AND subject = 'run:$RUN'")"
[ -n "$FINISHER" ] && [ "$FINISHER" != "runner:$OWNER" ] || die "run $RUN completed by '$FINISHER' (killed: $OWNER)"
bad="$(sql "SELECT count(*) FROM runs r WHERE r.contest_id = 'rk' AND (r.status <> 'complete'
            OR (SELECT count(*) FROM run_results x WHERE x.run_id = r.id)
               <> (SELECT count(*) FROM run_entries e WHERE e.run_id = r.id))")"
[ "$bad" = 0 ] || die "$bad runs without exactly one result per team in the run"
bad="$(sql "SELECT count(*) FROM (SELECT subject FROM audit_events WHERE action = 'run.completed'
            GROUP BY subject HAVING count(*) <> 1) s")"
[ "$bad" = 0 ] || die "a run completed more than once"
bad="$(sql "SELECT count(*) FROM runs r WHERE r.contest_id = 'rk'
            AND (SELECT count(*) FROM jobs j WHERE j.run_id = r.id AND j.status = 'done') <> 1")"
[ "$bad" = 0 ] || die "$bad runs without exactly one done job"
ATTEMPTS="$(sql "SELECT attempts FROM jobs WHERE id = $JOB")"
[ "$ATTEMPTS" -ge 2 ] || die "job $JOB claimed $ATTEMPTS times; expected a second claim after the lease expired"
for index in $(seq "$TEAMS"); do
    id="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$WORK/submission-$index.json")"
    curl -s -o "$WORK/view-$index.json" -H "Authorization: Bearer $(cat "$WORK/token-$index")" "$BASE/v1/submissions/$id"
    python3 - "$WORK/view-$index.json" <<'EOF' || die "team-$index: quota or status wrong: $(cat "$WORK/view-$index.json")"
import json, sys
view = json.load(open(sys.argv[1]))
assert view["status"] == "scored" and view["charged"] is True and view["quota"]["used"] == 1, view
EOF
done
code="$(curl -s -o "$WORK/board.json" -w '%{http_code}' "$BASE/v1/contests/rk/leaderboard")"
[ "$code" = 200 ] && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["rows"]) == int(sys.argv[2])' \
    "$WORK/board.json" "$TEAMS" || die "leaderboard incomplete"
while read -r pid; do
    [ -d "/proc/$pid" ] && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ] && die "the killed runner's child $pid survived"
done <"$WORK/victim-children"
log "run $RUN: job $JOB claimed $ATTEMPTS times, completed once by ${FINISHER#runner:}; one result set per run; quota used = 1 per team"
