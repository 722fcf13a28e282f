# shellcheck shell=bash
# A live PerpArena on this machine for the operations scripts (.ci/db-restart-test.sh,
# .ci/abuse-test.sh): `arena-server serve` with its embedded PostgreSQL, runner processes on the
# same database, curl/python3 clients. Loopback only (127.0.0.1), random free ports, one work
# directory under /tmp removed at exit, every process this script started stopped at exit
# (and reported if it was left behind). Uses the binaries already built in $ARENA_BIN_DIR
# (default .build/debug); builds nothing.
#
# A script sources this file, calls `live_init <name>`, records checks with `pass`/`fail`/`check`,
# and ends with `live_summary`, which prints "<name>: N passed, M failed" and exits non-zero when
# a check failed.

set -euo pipefail

LIVE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${ARENA_BIN_DIR:-$LIVE_ROOT/.build/debug}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
WORK=""
NAME=""
BASE=""
PGPORT=""
PGDATA_DIR=""
DB_URL=""
PASSED=0
FAILED=0
declare -A PIDS=()
STARTED_AT=$SECONDS

log() { printf '[%3ds] %s\n' $((SECONDS - STARTED_AT)) "$*" >&2; }
pass() {
    PASSED=$((PASSED + 1))
    echo "PASS $1"
}
fail() {
    FAILED=$((FAILED + 1))
    echo "FAIL $1${2:+: $2}"
}
# check NAME COMMAND...: PASS when COMMAND succeeds, else FAIL (with COMMAND's last output line).
check() {
    local name=$1 output
    shift
    if output="$("$@" 2>&1)"; then pass "$name"; else fail "$name" "$(tail -1 <<<"$output")"; fi
}
# A fatal set-up failure: ends the script (or the command substitution it runs in, which then
# ends the script through `set -e`); the summary counts it as a failure.
die() {
    echo "FAIL setup: $*" >&2
    exit 1
}

live_init() {
    NAME=$1
    [ -n "$PGBIN" ] && [ -x "$PGBIN/pg_ctl" ] || { echo "$NAME: PostgreSQL server binaries not found" >&2; exit 1; }
    for binary in arena-server arena-worker arena-sandbox; do
        [ -x "$BIN/$binary" ] || { echo "$NAME: $BIN/$binary missing: build first (swift build)" >&2; exit 1; }
    done
    command -v curl >/dev/null && command -v python3 >/dev/null && command -v psql >/dev/null \
        || { echo "$NAME: needs curl, python3 and psql" >&2; exit 1; }
    WORK="$(mktemp -d "/tmp/perparena-$NAME.XXXXXX")"
    chmod 755 "$WORK"
    export ARENA_MIGRATIONS_DIR="$LIVE_ROOT/Migrations" ARENA_SEEDS_DIR="$LIVE_ROOT/Seeds"
    export ARENA_PYTHON_SDK="$LIVE_ROOT/Sources/PythonSDK" ARENA_LOG_FORMAT=json
    # Runners must choose their isolation explicitly: sandboxed as root (CI), plain otherwise.
    if [ "$(id -u)" = 0 ]; then export ARENA_ISOLATION="${ARENA_ISOLATION:-sandboxed}"; else export ARENA_ISOLATION="${ARENA_ISOLATION:-plain}"; fi
    unset DATABASE_URL ARENA_API_DATABASE_URL ARENA_RUNNER_DATABASE_URL
    trap live_finish EXIT
    trap 'exit 130' INT TERM
}

# Sends SIGTERM to this script after $1 seconds (every wait below has its own deadline too).
live_watchdog() {
    (
        trap 'kill "$nap" 2>/dev/null; exit 0' TERM
        sleep "$1" &
        nap=$!
        wait "$nap" 2>/dev/null && log "time limit of $1 s reached" && kill -TERM $$ 2>/dev/null
    ) &
    PIDS[watchdog]=$!
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

sql() { psql -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d arena -c "$1"; }

# Every descendant pid of $1, from /proc.
descendants() {
    local child
    for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
        echo "$child"
        descendants "$child"
    done
}

alive() {
    local state
    state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" || return 1
    [ -n "$state" ] && [ "$state" != Z ]
}

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# start_serve [VAR=VALUE...] -- [serve arguments]: `arena-server serve` on a free loopback port with
# the embedded PostgreSQL in $WORK/api; waits for /readyz. Sets BASE, PGPORT, PGDATA_DIR, DB_URL.
start_serve() {
    local vars=("ARENA_STATE_DIR=$WORK/api") port
    while [ $# -gt 0 ] && [ "$1" != -- ]; do vars+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    port="$(free_port)"
    BASE="http://127.0.0.1:$port"
    (cd "$LIVE_ROOT" && exec env "${vars[@]}" "$BIN/arena-server" serve --host 127.0.0.1 --port "$port" "$@") \
        >"$WORK/api.out" 2>"$WORK/api.log" &
    PIDS[api]=$!
    for _ in $(seq 900); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/readyz")" = 200 ] && break
        alive "${PIDS[api]}" || { tail -5 "$WORK/api.log" >&2; die "arena-server serve exited during start-up"; }
        sleep 0.2
    done
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/readyz")" = 200 ] || die "serve not ready within 180 s"
    PGPORT="$(cat "$WORK/api/postgres/port")"
    PGDATA_DIR="$WORK/api/postgres/data"
    DB_URL="postgres://postgres@127.0.0.1:$PGPORT/arena?sslmode=disable"
    log "serve ready on $BASE (pid ${PIDS[api]}); embedded PostgreSQL on 127.0.0.1:$PGPORT"
}

# start_runner N [VAR=VALUE...]: one `arena-server runner` process named runnerN, with
# $RUNNER_COUNT (default 1) runners in it and $RUNNER_ARGS added to its command line.
start_runner() {
    local n=$1
    shift
    (cd "$LIVE_ROOT" && exec env DATABASE_URL="$DB_URL" ARENA_STATE_DIR="$WORK/r$n" ARENA_RUNNER_NAME="runner$n" "$@" \
        "$BIN/arena-server" runner --count "${RUNNER_COUNT:-1}" ${RUNNER_ARGS:-}) >"$WORK/r$n.out" 2>"$WORK/r$n.log" &
    PIDS[r$n]=$!
    log "runner$n started (pid ${PIDS[r$n]}, isolation $ARENA_ISOLATION)"
}

organizer_token() {
    (cd "$LIVE_ROOT" && ARENA_STATE_DIR="$WORK/api" "$BIN/arena-server" bootstrap-organizer "$1" 2>>"$WORK/bootstrap.log") \
        | tail -1
}

# http METHOD PATH [TOKEN] [BODY_FILE] [CONTENT_TYPE]: prints the status; the body is in $WORK/last.json.
http() {
    local args=(-s -o "$WORK/last.json" -w '%{http_code}' -X "$1" --max-time 30)
    [ -n "${3:-}" ] && args+=(-H "Authorization: Bearer $3")
    [ -n "${4:-}" ] && args+=(-H "Content-Type: ${5:-application/json}" --data-binary "@$4")
    curl "${args[@]}" "$BASE$2" || true
}
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($1)" "${2:-$WORK/last.json}"; }

# create_contest ORGANIZER_TOKEN YAML_FILE: prints the contest id.
create_contest() {
    local code
    code="$(http POST /v1/admin/contests "$1" "$2" application/yaml)"
    [ "$code" = 201 ] || [ "$code" = 200 ] || die "create contest: HTTP $code $(cat "$WORK/last.json")"
    json 'd["id"]'
}

# register_team CONTEST NAME: prints the team's token.
register_team() {
    printf '{"name":"%s"}' "$2" >"$WORK/team.json"
    local code
    code="$(http POST "/v1/contests/$1/teams" "" "$WORK/team.json")"
    [ "$code" = 201 ] || die "register $2: HTTP $code $(cat "$WORK/last.json")"
    json 'd["token"]'
}

# A valid bundle of seed strategy $1 with a distinguishing comment $2 (distinct files, distinct hash).
make_bundle() {
    local strategy=$1 tag=$2 directory="$WORK/bundles/$2"
    mkdir -p "$directory"
    cp -r "$LIVE_ROOT/Seeds/strategies/$strategy/." "$directory/"
    printf '\n# %s\n' "$tag" >>"$directory/strategy.yaml"
    tar -C "$directory" -czf "$WORK/bundles/$tag.tar.gz" .
    echo "$WORK/bundles/$tag.tar.gz"
}

# Restarts the embedded PostgreSQL the way an operator would (`pg_ctl restart -m fast`); prints
# the seconds it took.
pg_restart() {
    local data=$1 started
    started="$(date +%s.%N)"
    runuser -u postgres -- "$PGBIN/pg_ctl" restart -D "$data" -m fast -w -t 60 -l "$data/../server.log" >/dev/null 2>&1 \
        || return 1
    python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$started" "$(date +%s.%N)"
}

# Stops a PostgreSQL cluster whatever started it (the postmaster's pid file).
pg_stop() {
    local data=$1 pid
    pid="$(head -1 "$data/postmaster.pid" 2>/dev/null)" || return 0
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    kill -INT "$pid" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -QUIT "$pid" 2>/dev/null
}

stop_process() {
    local pid=$1 grace=${2:-10}
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq $((grace * 10))); do kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

live_finish() {
    local status=$? name pid leftovers="" data
    set +e
    [ -n "${PIDS[watchdog]:-}" ] && kill "${PIDS[watchdog]}" 2>/dev/null
    unset "PIDS[watchdog]"
    for name in "${!PIDS[@]}"; do descendants "${PIDS[$name]}" >>"$WORK/descendants"; done
    for name in "${!PIDS[@]}"; do stop_process "${PIDS[$name]}" 10; done
    for data in "$WORK"/*/postgres/data; do [ -d "$data" ] && pg_stop "$data"; done
    sleep 0.5
    if [ -s "$WORK/descendants" ]; then
        while read -r pid; do alive "$pid" && leftovers+=" $pid"; done <"$WORK/descendants"
    fi
    for pid in $(grep -l "$WORK" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3); do
        [ "$pid" != $$ ] && alive "$pid" && leftovers+=" $pid"
    done
    if [ -n "$leftovers" ]; then
        fail "no processes left behind" "$leftovers"
        for pid in $leftovers; do kill -KILL "$pid" 2>/dev/null; done
    fi
    if [ "$FAILED" -gt 0 ] || [ "$status" != 0 ]; then
        for name in api.log r1.log r2.log demo.out demo.log; do
            [ -f "$WORK/$name" ] && { echo "--- $name (tail)" >&2; tail -8 "$WORK/$name" >&2; }
        done
    fi
    if [ "${KEEP_WORK:-0}" = 1 ]; then log "work directory kept: $WORK"; else rm -rf "$WORK"; fi
    [ "$status" != 0 ] && [ "$FAILED" = 0 ] && FAILED=1
    echo "$NAME: $PASSED passed, $FAILED failed"
    [ "$FAILED" = 0 ] && exit 0
    exit 1
}

# Ends the script: the summary is printed by the EXIT trap.
live_summary() { exit 0; }
