# shellcheck shell=bash
# A small PerpArena cluster on one machine for the operations tests: PostgreSQL, one API server
# and two runners, each in its own network namespace ("host"), joined by veth pairs to a bridge
# in a fifth namespace that also plays the operator's machine. Addresses are 10.213.0.0/24,
# private to the namespaces: nothing is routed to or from the machine's own network.
#
#   ctl (bridge br0, 10.213.0.1) ── db 10.213.0.2 ── api 10.213.0.3 ── r1 10.213.0.4 ── r2 10.213.0.5
#
# Sourced by .ci/multi-host-test.sh and .ci/graceful-shutdown-test.sh. Uses the binaries already
# built in $ARENA_BIN_DIR (default .build/debug); builds nothing. Needs root, iproute2, nsenter
# (util-linux), PostgreSQL server binaries (/usr/lib/postgresql/*/bin) and python3.
# Processes are started with `nsenter --net` (not `ip netns exec`, which remounts /sys and would
# hide the cgroup hierarchy the sandbox helper needs).

set -euo pipefail

CLUSTER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$CLUSTER_ROOT/.ci/lib/paced-bot.sh"
BIN="${ARENA_BIN_DIR:-$CLUSTER_ROOT/.build/debug}"
SUBNET=10.213.0
ID="pa$$"
NS_CTL="$ID-ctl" NS_DB="$ID-db" NS_API="$ID-api" NS_R1="$ID-r1" NS_R2="$ID-r2"
ADDR_CTL=$SUBNET.1 ADDR_DB=$SUBNET.2 ADDR_API=$SUBNET.3 ADDR_R1=$SUBNET.4 ADDR_R2=$SUBNET.5
API_URL="http://$ADDR_API:8080"
DB_URL="postgres://arena@$ADDR_DB:5432/arena?sslmode=disable"
WORK=""
PGBIN=""
PG_STARTED=0
declare -A PIDS=()
STARTED_AT=$SECONDS

log() { printf '[%3ds] %s\n' $((SECONDS - STARTED_AT)) "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }

# Runs a command with the network namespace of "host" $1 (ctl, db, api, r1, r2).
in_ns() {
    local ns="$ID-$1"; shift
    nsenter --net="/run/netns/$ns" -- "$@"
}

# Sends SIGTERM to this script after $1 seconds (the scripts trap it and fail cleanly).
cluster_watchdog() {
    (
        trap 'kill "$nap" 2>/dev/null; exit 0' TERM
        sleep "$1" & nap=$!
        wait "$nap" 2>/dev/null && log "FAIL: time limit of $1 s reached" && kill -TERM $$ 2>/dev/null
    ) &
    WATCHDOG_PID=$!
}

cluster_preflight() {
    [ "$(id -u)" = 0 ] || die "needs root (network namespaces, PostgreSQL as postgres, sandboxed runners)"
    command -v ip >/dev/null || die "iproute2 (ip) is missing"
    command -v nsenter >/dev/null || die "nsenter (util-linux) is missing"
    command -v python3 >/dev/null || die "python3 is missing"
    id postgres >/dev/null 2>&1 || die "no postgres user (apt-get install postgresql)"
    PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
    [ -x "$PGBIN/postgres" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
    for binary in arena-server arena-worker arena-sandbox; do
        [ -x "$BIN/$binary" ] || die "$BIN/$binary missing: build first (swift build), or set ARENA_BIN_DIR"
    done
}

# Creates the namespaces, the bridge and the links.
cluster_network() {
    WORK="$(mktemp -d /tmp/perparena-cluster.XXXXXX)"
    chmod 755 "$WORK"
    ip netns add "$NS_CTL"
    ip -n "$NS_CTL" link set lo up
    ip -n "$NS_CTL" link add br0 type bridge
    ip -n "$NS_CTL" addr add "$ADDR_CTL/24" dev br0
    ip -n "$NS_CTL" link set br0 up
    local host address
    for host in db api r1 r2; do
        case $host in db) address=$ADDR_DB ;; api) address=$ADDR_API ;; r1) address=$ADDR_R1 ;; r2) address=$ADDR_R2 ;; esac
        ip netns add "$ID-$host"
        ip -n "$ID-$host" link set lo up
        ip -n "$NS_CTL" link add "p-$host" type veth peer name eth0 netns "$ID-$host"
        ip -n "$NS_CTL" link set "p-$host" master br0 up
        ip -n "$ID-$host" addr add "$address/24" dev eth0
        ip -n "$ID-$host" link set eth0 up
    done
    log "network: $NS_CTL bridge + db api r1 r2 on $SUBNET.0/24"
}

# initdb + start PostgreSQL as `postgres` in the db namespace, trust auth for the test subnet only.
cluster_postgres() {
    local data="$WORK/pg/data"
    mkdir -p "$WORK/pg"
    chown postgres:postgres "$WORK/pg"
    runuser -u postgres -- "$PGBIN/initdb" -D "$data" -U postgres -A trust --no-sync >"$WORK/initdb.log" 2>&1 \
        || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
    cat >>"$data/postgresql.conf" <<EOF
listen_addresses = '$ADDR_DB'
port = 5432
unix_socket_directories = '$WORK/pg'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
    cat >"$data/pg_hba.conf" <<EOF
local all all trust
host  all all $SUBNET.0/24 trust
EOF
    in_ns db runuser -u postgres -- "$PGBIN/pg_ctl" -D "$data" -l "$WORK/pg/postgres.log" -w -t 60 start >/dev/null \
        || { cat "$WORK/pg/postgres.log" >&2; die "PostgreSQL did not start"; }
    PG_STARTED=1
    psql_ctl postgres "CREATE ROLE arena LOGIN" >/dev/null
    # The group roles of the trust model (Deployment/CONFIGURATION.md "Database roles"): created
    # by the superuser, since the migration owner may not create roles.
    psql_ctl postgres "CREATE ROLE arena_api NOLOGIN" >/dev/null
    psql_ctl postgres "CREATE ROLE arena_runner NOLOGIN" >/dev/null
    psql_ctl postgres "CREATE DATABASE arena OWNER arena" >/dev/null
    log "postgres: $($PGBIN/postgres --version | awk '{print $3}') on $ADDR_DB:5432"
}

# psql from the operator namespace: psql_ctl DB SQL
psql_ctl() {
    in_ns ctl psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$ADDR_DB" -U postgres -d "$1" -c "$2"
}
sql() { psql_ctl arena "$1"; }

# arena_exec HOST STATE [VAR=VALUE...] -- ARGS...: replaces the calling (sub)shell with
# `arena-server ARGS` in HOST's network namespace, with state directory $WORK/STATE. Call it in
# a subshell, `( arena_exec … )`, or in the background, `arena_exec … &` ($! is then the server).
arena_exec() {
    local host=$1 state=$2
    shift 2
    local vars=("DATABASE_URL=$DB_URL" "ARENA_STATE_DIR=$WORK/$state" "ARENA_MIGRATIONS_DIR=$CLUSTER_ROOT/Migrations"
        "ARENA_PYTHON_SDK=$CLUSTER_ROOT/Sources/PythonSDK" "ARENA_LOG_FORMAT=json"
        "ARENA_LEASE_SECONDS=${LEASE_SECONDS:-6}" "ARENA_ISOLATION=${ARENA_ISOLATION:-sandboxed}")
    while [ $# -gt 0 ] && [ "$1" != -- ]; do vars+=("$1"); shift; done
    shift
    cd "$CLUSTER_ROOT"
    exec nsenter --net="/run/netns/$ID-$host" -- env "${vars[@]}" "$BIN/arena-server" "$@"
}

cluster_api() {
    ( arena_exec api api -- migrate ) >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; die "migrate failed"; }
    arena_exec api api ARENA_METRICS_REFRESH_SECONDS=1 -- serve --host "$ADDR_API" --port 8080 \
        >"$WORK/api.out" 2>"$WORK/api.log" &
    PIDS[api]=$!
    for _ in $(seq 300); do
        [ "$(http GET /readyz | head -1)" = 200 ] && { log "api: ready at $API_URL (pid ${PIDS[api]})"; return; }
        kill -0 "${PIDS[api]}" 2>/dev/null || { tail -20 "$WORK/api.log" >&2; die "api exited"; }
        sleep 0.2
    done
    die "api not ready"
}

# cluster_runner r1|r2: one runner process named runner1/runner2 in that namespace.
cluster_runner() {
    local host=$1 name="runner${1#r}"
    arena_exec "$host" "$host" ARENA_RUNNER_NAME="$name" -- runner --count 1 \
        --metrics-port 9100 --metrics-host "$(runner_address "$host")" >"$WORK/$host.out" 2>"$WORK/$host.log" &
    PIDS[$host]=$!
    log "$name: started in $ID-$host (pid ${PIDS[$host]})"
}
runner_address() { case $1 in r1) echo "$ADDR_R1" ;; r2) echo "$ADDR_R2" ;; esac; }

# http METHOD PATH [TOKEN] [BODY_FILE] [CONTENT_TYPE] → prints "STATUS" then the body.
http() {
    in_ns ctl python3 - "$API_URL" "$@" <<'EOF'
import sys, urllib.request, urllib.error
base, method, path = sys.argv[1], sys.argv[2], sys.argv[3]
token = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
body = open(sys.argv[5], "rb").read() if len(sys.argv) > 5 and sys.argv[5] else None
request = urllib.request.Request(base + path, data=body, method=method)
if token: request.add_header("Authorization", "Bearer " + token)
if body is not None: request.add_header("Content-Type", sys.argv[6] if len(sys.argv) > 6 else "application/json")
try:
    with urllib.request.urlopen(request, timeout=10) as response:
        status, data = response.status, response.read()
except urllib.error.HTTPError as error:
    status, data = error.code, error.read()
except Exception as error:
    status, data = 0, str(error).encode()
print(status)
sys.stdout.write(data.decode("utf-8", "replace") + "\n")
EOF
}

# json_field JSON_TEXT PYTHON_EXPRESSION_OVER_d
json_field() { python3 -c "import json,sys; d=json.loads(sys.argv[1]); print($2)" "$1"; }

# Organizer, contest (2 rounds of $1 ticks, one heat each), $TEAM_COUNT (default 4) teams with rules bots,
# their submissions queued. Runners should not be running yet, so one evaluation covers all.
cluster_contest() {
    local ticks=$1 organizer contest_id="ops$$" response status body
    organizer="$( (arena_exec api api -- bootstrap-organizer ops-admin) 2>>"$WORK/bootstrap.log")"
    [ -n "$organizer" ] || { cat "$WORK/bootstrap.log" >&2; die "bootstrap-organizer printed no token"; }
    echo "$organizer" >"$WORK/organizer-token"  # the API's /metrics answers organizer tokens only
    cat >"$WORK/contest.yaml" <<EOF
id: $contest_id
name: Operations test $contest_id
market:
  instruments: [BTC-PERP, ETH-PERP]
  tick_ms: 1000
  background:
    start_prices: { BTC-PERP: "60000", ETH-PERP: "3000" }
    volatility: "0.8"
    market_makers: 2
    noise_traders: 3
    value_agents: 3
evaluation:
  ticks: $ticks
  heat_size: 8
  starting_balance: "10000"
  rounds:
    - { seed: 11, public: true }
    - { seed: 12, public: true }
scoring:
  metric: pnl
  tie_breaks: [max_drawdown, submitted_at]
limits:
  tick_deadline_ms: 1000
  first_tick_deadline_ms: 10000
  max_strikes: 10
  max_actions_per_tick: 20
  memory_mib: 256
  submissions_per_day: 20
  max_in_flight: 2
registration:
  open: true
phases:
  - name: main
    starts_at: "$(date -u -d '-1 day' +%Y-%m-%dT00:00:00Z)"
    ends_at: "$(date -u -d '+7 days' +%Y-%m-%dT00:00:00Z)"
EOF
    response="$(http POST /v1/admin/contests "$organizer" "$WORK/contest.yaml" application/yaml)"
    status="$(head -1 <<<"$response")"
    [ "$status" = 201 ] || [ "$status" = 200 ] || die "create contest: $response"
    CONTEST="$(json_field "$(tail -n +2 <<<"$response")" 'd["id"]')"
    TEAMS=0
    local strategies=(trend-following mean-reversion market-making funding-carry breakout grid) index strategy team token
    for index in $(seq "${TEAM_COUNT:-4}"); do
        strategy="${strategies[$(((index - 1) % ${#strategies[@]}))]}"
        team="team-$index-$strategy"
        printf '{"name":"%s"}' "$team" >"$WORK/team.json"
        response="$(http POST "/v1/contests/$CONTEST/teams" "" "$WORK/team.json")"
        [ "$(head -1 <<<"$response")" = 201 ] || die "register $team: $response"
        token="$(json_field "$(tail -n +2 <<<"$response")" 'd["token"]')"
        echo "$token" >"$WORK/token-$index"
        if [ "$index" -le "${CLUSTER_PACED_TEAMS:-0}" ]; then
            paced_bot_bundle "$WORK/bundle-$index.tar.gz"   # a process bot that takes wall time
        else
            # A plain `tar czf` of the strategy directory is a valid bundle.
            tar -C "$CLUSTER_ROOT/Seeds/strategies/$strategy" -czf "$WORK/bundle-$index.tar.gz" .
        fi
        response="$(http POST /v1/submissions "$token" "$WORK/bundle-$index.tar.gz" application/gzip)"
        body="$(tail -n +2 <<<"$response")"
        # New submissions pass a validation episode on a runner first (validating → queued).
        [ "$(head -1 <<<"$response")" = 202 ] && [ "$(json_field "$body" 'd["status"]')" = validating ] \
            || die "submit $team: $response"
        json_field "$body" 'd["id"]' >"$WORK/submission-$index"
        TEAMS=$((TEAMS + 1))
    done
    log "contest $CONTEST: $TEAMS teams submitted (tar czf bundles), 2 rounds × $ticks ticks"
}

# Waits until a `run` job is leased; prints "job_id run_id owner".
wait_for_leased_run() {
    local deadline=$((SECONDS + ${1:-90})) row
    while [ $SECONDS -lt $deadline ]; do
        row="$(sql "SELECT j.id, j.run_id, j.lease_owner FROM jobs j JOIN runs r ON r.id = j.run_id
                    WHERE j.kind = 'run' AND j.status = 'running' AND r.status = 'running'
                    ORDER BY (j.lease_owner LIKE 'runner1:%') DESC, j.id LIMIT 1" | tr '|' ' ')"
        [ -n "$row" ] && { echo "$row"; return 0; }
        sleep 0.2
    done
    return 1
}

# Waits until the contest's evaluation is complete and on the leaderboard.
wait_for_leaderboard() {
    local deadline=$((SECONDS + ${1:-150})) response body
    while [ $SECONDS -lt $deadline ]; do
        response="$(http GET "/v1/contests/$CONTEST/leaderboard")"
        body="$(tail -n +2 <<<"$response")"
        if [ "$(head -1 <<<"$response")" = 200 ] \
            && [ "$(json_field "$body" 'd.get("evaluation_id") is not None and len(d["rows"])')" = "$TEAMS" ] \
            && [ "$(sql "SELECT count(*) FROM jobs WHERE contest_id = '$CONTEST' AND status IN ('queued', 'running')")" = 0 ]; then
            return 0
        fi
        sleep 0.5
    done
    return 1
}

# The exactly-once checks shared by both tests: every run complete with one result per team,
# one `done` job per run and nothing else in the queue, one `run.completed` audit event per run,
# the evaluation complete, every submission scored and charged once.
assert_exactly_once() {
    local runs bad
    runs="$(sql "SELECT count(*) FROM runs WHERE contest_id = '$CONTEST'")"
    [ "$runs" -ge 2 ] || die "expected 2 runs, found $runs"
    bad="$(sql "SELECT count(*) FROM runs WHERE contest_id = '$CONTEST' AND status <> 'complete'")"
    [ "$bad" = 0 ] || die "$bad runs not complete"
    bad="$(sql "SELECT count(*) FROM runs r WHERE r.contest_id = '$CONTEST'
                AND (SELECT count(*) FROM run_results x WHERE x.run_id = r.id)
                    <> (SELECT count(*) FROM run_entries e WHERE e.run_id = r.id)")"
    [ "$bad" = 0 ] || die "$bad runs without exactly one result per team in the run"
    bad="$(sql "SELECT count(*) FROM runs r WHERE r.contest_id = '$CONTEST'
                AND (SELECT count(*) FROM jobs j WHERE j.run_id = r.id AND j.status = 'done') <> 1")"
    [ "$bad" = 0 ] || die "$bad runs without exactly one done job"
    bad="$(sql "SELECT count(*) FROM jobs WHERE contest_id = '$CONTEST' AND status <> 'done'")"
    [ "$bad" = 0 ] || die "$bad jobs left not done: $(sql "SELECT id, kind, status, lease_owner, last_error FROM jobs WHERE status <> 'done'")"
    bad="$(sql "SELECT count(*) FROM (SELECT subject FROM audit_events WHERE action = 'run.completed'
                GROUP BY subject HAVING count(*) <> 1) s")"
    [ "$bad" = 0 ] || die "$bad runs completed more than once in the audit log"
    bad="$(sql "SELECT count(*) FROM evaluations WHERE contest_id = '$CONTEST' AND status <> 'complete'")"
    [ "$bad" = 0 ] || die "$bad evaluations not complete"
    bad="$(sql "SELECT count(*) FROM submissions WHERE contest_id = '$CONTEST' AND (status <> 'scored' OR NOT charged)")"
    [ "$bad" = 0 ] || die "$bad submissions not scored/charged: $(sql "SELECT id, status, charged FROM submissions")"
    bad="$(sql "SELECT count(*) FROM submissions WHERE contest_id = '$CONTEST'")"
    [ "$bad" = "$TEAMS" ] || die "expected $TEAMS submissions, found $bad"
}

# The runner that recorded run $1's completion (from the audit log), e.g. runner2:0.
completed_by() {
    sql "SELECT actor FROM audit_events WHERE action = 'run.completed' AND subject = 'run:$1'" | sed 's/^runner://'
}

# Every descendant pid of $1 (recursively), from /proc.
descendants() {
    local parent=$1 child
    for child in $(ps -o pid= --ppid "$parent" 2>/dev/null); do
        echo "$child"
        descendants "$child"
    done
}

# True when pid $1 exists and is not a zombie.
alive() {
    local state
    state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" || return 1
    [ -n "$state" ] && [ "$state" != Z ]
}

stop_process() {
    local pid=$1 grace=${2:-10}
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq $((grace * 10))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

cluster_teardown() {
    local status=$? pid name
    set +e
    [ -n "${WATCHDOG_PID:-}" ] && kill "$WATCHDOG_PID" 2>/dev/null
    for name in r1 r2 api; do
        pid="${PIDS[$name]:-}"
        [ -n "$pid" ] || continue
        # A partitioned runner may be stuck on a dead connection: SIGTERM, then SIGKILL (its
        # sandbox helpers die with it: lifeline pipe + PDEATHSIG).
        for child in $(descendants "$pid"); do echo "$child"; done >"$WORK/pids-$name" 2>/dev/null
        stop_process "$pid" 5
    done
    if [ "$PG_STARTED" = 1 ]; then
        in_ns db runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >/dev/null 2>&1
    fi
    for name in r1 r2 api; do
        [ -s "$WORK/pids-$name" ] || continue
        while read -r pid; do kill -KILL "$pid" 2>/dev/null; done <"$WORK/pids-$name"
    done
    for name in ctl db api r1 r2; do ip netns del "$ID-$name" 2>/dev/null; done
    if [ "$status" != 0 ] && [ -n "$WORK" ]; then
        for name in api r1 r2; do
            [ -f "$WORK/$name.log" ] && { echo "--- $name.log (tail)" >&2; tail -15 "$WORK/$name.log" >&2; }
        done
    fi
    [ -n "$WORK" ] && [ "${KEEP_WORK:-0}" != 1 ] && rm -rf "$WORK"
    return "$status"
}
