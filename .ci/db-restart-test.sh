#!/usr/bin/env bash
# Database restarts are routine (issue 14 item 9): PostgreSQL is restarted with
# `pg_ctl restart -m fast` in the middle of an evaluation, twice for `serve` + two runner
# processes (mid-heat, then as the first run completes), once for `arena-server demo`. Meanwhile
# a reader polls idempotent API routes. Asserts for each: no 5xx and no unanswered request among
# the reads, every process still up, the evaluation completes with every run recorded exactly
# once (one result set, one done job, one `run.completed` audit event per run) and every
# submission scored and charged once.
#
#   bash .ci/db-restart-test.sh                  # uses .build/debug (ARENA_BIN_DIR to override)
#   DR_TICKS=3000 KEEP_WORK=1 bash .ci/db-restart-test.sh
#
# Loopback only; about 3-5 minutes on 2 cores; every wait has a deadline; leaves no processes
# behind. Ends with "db-restart: N passed, M failed" (exit 1 when a check failed).
source "$(dirname "$0")/lib/live-server.sh"
source "$(dirname "$0")/lib/paced-bot.sh"

TICKS="${DR_TICKS:-1500}"
DEMO_TICKS="${DR_DEMO_TICKS:-900}"
TEAMS=4
live_init db-restart
live_watchdog "${DR_TIME_LIMIT:-900}"

# reads_report FILE FROM TO LABEL: checks on the reads of FILE (all of them; FROM..TO is the
# restart window, for the count of reads that overlapped it).
reads_report() {
    local file=$1 from=$2 to=$3 label=$4 total errors unanswered during histogram
    total="$(wc -l <"$file")"
    errors="$(awk '$3 >= 500' "$file" | wc -l)"
    unanswered="$(awk '$3 == 0' "$file" | wc -l)"
    during="$(awk -v a="$from" -v b="$to" '$1 + $2 >= a && $1 <= b' "$file" | wc -l)"
    histogram="$(awk '{print $3}' "$file" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')"
    log "$label reads: $total ($histogram); $during overlapped a restart; slowest $(sort -k2 -n -r "$file" | head -1 | awk '{print $2 " s " $4}')"
    if [ "$errors" = 0 ]; then pass "$label: no 5xx among $total idempotent reads"; else
        fail "$label: no 5xx among $total idempotent reads" "$errors answered 5xx: $(awk '$3 >= 500 {print $3, $4}' "$file" | sort | uniq -c | head -3 | tr '\n' ';')"
    fi
    if [ "$unanswered" = 0 ]; then pass "$label: every read answered"; else fail "$label: every read answered" "$unanswered got no answer"; fi
    if [ "$during" -ge 3 ]; then pass "$label: reads overlapped the restart ($during)"; else
        fail "$label: reads overlapped the restart" "only $during"
    fi
}

# settled_sql CONTEST: an SQL condition, true when nothing is left to do for the contest (no job
# queued or running, every submission in a final state).
settled_sql() {
    echo "(SELECT count(*) FROM jobs WHERE contest_id = '$1' AND status IN ('queued', 'running')) = 0
          AND (SELECT count(*) FROM submissions WHERE contest_id = '$1'
               AND status NOT IN ('scored', 'rejected', 'failed')) = 0"
}

# exactly_once CONTEST LABEL: the run bookkeeping in the database, over every evaluation of the
# contest (a submission that finishes validation later gets an evaluation of its own).
exactly_once() {
    local contest=$1 label=$2 runs bad
    runs="$(sql "SELECT count(*) FROM runs WHERE contest_id = '$contest'")"
    bad="$(sql "SELECT count(*) FROM runs r WHERE r.contest_id = '$contest' AND (r.status <> 'complete'
                OR (SELECT count(*) FROM run_results x WHERE x.run_id = r.id)
                   <> (SELECT count(*) FROM run_entries e WHERE e.run_id = r.id))")"
    if [ "$runs" -ge 2 ] && [ "$bad" = 0 ]; then pass "$label: $runs runs complete, one result per entry"; else
        fail "$label: runs complete with one result per entry" "$runs runs, $bad incomplete"
    fi
    bad="$(sql "SELECT count(*) FROM runs r WHERE r.contest_id = '$contest'
                AND (SELECT count(*) FROM jobs j WHERE j.run_id = r.id AND j.status = 'done') <> 1")"
    bad=$((bad + $(sql "SELECT count(*) FROM jobs WHERE contest_id = '$contest' AND status <> 'done'")))
    if [ "$bad" = 0 ]; then pass "$label: one done job per run, nothing failed or left in the queue"; else
        fail "$label: one done job per run, nothing failed or left in the queue" "$(sql "SELECT id, kind, status, attempts, left(last_error, 120) FROM jobs WHERE contest_id = '$contest' AND status <> 'done'" | head -3 | tr '\n' ';')"
    fi
    bad="$(sql "SELECT count(*) FROM runs r WHERE r.contest_id = '$contest' AND (SELECT count(*) FROM audit_events a
                WHERE a.action = 'run.completed' AND a.subject = 'run:' || r.id) <> 1")"
    if [ "$bad" = 0 ]; then pass "$label: each run completed exactly once (audit log)"; else
        fail "$label: each run completed exactly once (audit log)" "$bad runs without exactly one run.completed"
    fi
    bad="$(sql "SELECT count(*) FROM evaluations WHERE contest_id = '$contest' AND status <> 'complete'")"
    bad=$((bad + $(sql "SELECT count(*) FROM submissions WHERE contest_id = '$contest' AND (status <> 'scored' OR NOT charged)")))
    if [ "$bad" = 0 ]; then pass "$label: every evaluation complete, every submission scored and charged once"; else
        fail "$label: every evaluation complete, every submission scored and charged once" "$(sql "SELECT id, status, charged FROM submissions WHERE contest_id = '$contest'" | tr '\n' ';')"
    fi
}

contest_yaml() {
    cat <<EOF
id: $1
name: Database restart test $1
market:
  instruments: [BTC-PERP, ETH-PERP]
  tick_ms: 1000
  background: { start_prices: { BTC-PERP: "60000", ETH-PERP: "3000" }, volatility: "0.8", market_makers: 2, noise_traders: 3, value_agents: 3 }
evaluation: { ticks: $2, heat_size: 8, starting_balance: "10000", rounds: [{seed: 11, public: true}, {seed: 12, public: true}] }
limits: { tick_deadline_ms: 1000, first_tick_deadline_ms: 10000, max_strikes: 10, submissions_per_day: 5, max_in_flight: 2 }
registration: { open: true }
phases:
  - { name: main, starts_at: "$(date -u -d '-1 day' +%Y-%m-%dT00:00:00Z)", ends_at: "$(date -u -d '+30 days' +%Y-%m-%dT00:00:00Z)" }
EOF
}

wait_for_sql() {
    local query=$1 expected=$2 seconds=$3 deadline=$((SECONDS + $3))
    while [ $SECONDS -lt $deadline ]; do
        [ "$(sql "$query" 2>/dev/null)" = "$expected" ] && return 0
        sleep 0.2
    done
    return 1
}

start_reader() {
    local port=${BASE##*:}
    rm -f "$WORK/$1.stop"
    python3 "$LIVE_ROOT/.ci/lib/reader.py" 127.0.0.1 "$port" "$WORK/$1.targets" "$WORK/$1.stop" "$WORK/$1.reads" 4 &
    PIDS[reader-$1]=$!
}
stop_reader() {
    touch "$WORK/$1.stop"
    wait "${PIDS[reader-$1]}" 2>/dev/null || true
    unset "PIDS[reader-$1]"
}
now() { date +%s.%N; }

# ---------------------------------------------------------------------------------------------
# 1. serve + two runner processes: restarts mid-heat and as the first run completes.
start_serve
ORGANIZER="$(organizer_token dr-admin)"
[ -n "$ORGANIZER" ] || die "bootstrap-organizer printed no token"
contest_yaml dr "$TICKS" >"$WORK/contest.yaml"
CONTEST="$(create_contest "$ORGANIZER" "$WORK/contest.yaml")"
: >"$WORK/serve.targets"
for index in $(seq "$TEAMS"); do
    token="$(register_team "$CONTEST" "dr-team-$index")"
    # Paced process bots (.ci/lib/paced-bot.sh): rules strategies run inside the runner and a
    # 1,500-tick heat of them ends before the restart; these take ~22 s per run.
    bundle="$WORK/bundles/dr-$index.tar.gz"
    mkdir -p "$WORK/bundles"
    paced_bot_bundle "$bundle"
    code="$(http POST /v1/submissions "$token" "$bundle" application/gzip)"
    [ "$code" = 202 ] || die "submit dr-team-$index: HTTP $code $(cat "$WORK/last.json")"
    echo "/v1/submissions/$(json 'd["id"]') $token" >>"$WORK/serve.targets"
    echo "/v1/me $token" >>"$WORK/serve.targets"
done
cat >>"$WORK/serve.targets" <<EOF
/v1/contests/$CONTEST/leaderboard
/v1/contests/$CONTEST
/v1/contests
/healthz
EOF
log "contest $CONTEST: $TEAMS teams submitted; 2 rounds × $TICKS ticks"
start_runner 1
start_runner 2
wait_for_sql "SELECT count(*) >= 1 FROM jobs WHERE kind = 'run' AND status = 'running' AND contest_id = '$CONTEST'" t 120 \
    || die "no run was leased within 120 s: $(tail -2 "$WORK/r1.log")"
sleep 3
RUNNING="$(sql "SELECT count(*) FROM runs WHERE contest_id = '$CONTEST' AND status = 'running'")"
start_reader serve
sleep 2
FIRST_FROM="$(now)"
DOWN="$(pg_restart "$PGDATA_DIR")" || die "pg_ctl restart failed: $(tail -3 "$WORK/api/postgres/server.log")"
FIRST_TO="$(now)"
log "restart 1 (mid-heat, $RUNNING runs running): PostgreSQL was restarted in $DOWN s"
[ "$RUNNING" -ge 1 ] && [ "$(sql "SELECT count(*) FROM runs WHERE contest_id = '$CONTEST' AND status = 'complete'")" = 0 ] \
    && pass "serve: restart 1 hit a running heat ($RUNNING running, none complete)" \
    || fail "serve: restart 1 hit a running heat" "raise DR_TICKS (now $TICKS)"
if wait_for_sql "SELECT count(*) >= 1 FROM runs WHERE contest_id = '$CONTEST' AND status = 'complete'" t 300; then
    SECOND_FROM="$(now)"
    DOWN2="$(pg_restart "$PGDATA_DIR")" || die "second pg_ctl restart failed"
    SECOND_TO="$(now)"
    log "restart 2 (first run complete): PostgreSQL was restarted in $DOWN2 s"
else
    fail "serve: a first run completes after restart 1" "none within 300 s: $(sql "SELECT id, status, attempts, lease_owner, last_error FROM jobs" | tr '\n' ';')"
    SECOND_FROM="$FIRST_FROM" SECOND_TO="$FIRST_TO"
fi
if wait_for_sql "SELECT ($(settled_sql "$CONTEST"))" t 300; then
    pass "serve: every evaluation completed after the restarts"
else
    fail "serve: every evaluation completed after the restarts" "$(sql "SELECT id, kind, status, attempts, lease_owner, left(last_error, 120) FROM jobs WHERE status <> 'done'" | tr '\n' ';')"
fi
sleep 2
stop_reader serve
awk -v a="$FIRST_FROM" '$1 >= a - 2' "$WORK/serve.reads" >"$WORK/serve.window"
reads_report "$WORK/serve.reads" "$FIRST_FROM" "$SECOND_TO" serve
for name in api r1 r2; do
    if alive "${PIDS[$name]}"; then pass "serve: $name process stayed up"; else fail "serve: $name process stayed up" "exited: $(tail -2 "$WORK/$name.log")"; fi
done
exactly_once "$CONTEST" serve
bad=0
while read -r path token; do
    [[ "$path" == /v1/submissions/* ]] || continue
    code="$(http GET "$path" "$token")"
    [ "$code" = 200 ] && [ "$(json 'd["quota"]["used"]')" = 1 ] || bad=$((bad + 1))
done <"$WORK/serve.targets"
if [ "$bad" = 0 ]; then pass "serve: each team charged once (quota used = 1)"; else fail "serve: each team charged once" "$bad teams differ"; fi
RETRIED="$(cat "$WORK/r1.log" "$WORK/r2.log" | grep -c 'commit interrupted; retrying' || true)"
log "runner commits retried after a dropped connection: $RETRIED; API reads repeated after a dropped connection: $(grep -c 'repeating the read' "$WORK/api.log" || true); answered 503: $(awk '$3 == 503' "$WORK/serve.reads" | wc -l)"
for name in r1 r2 api; do stop_process "${PIDS[$name]}" 20; unset "PIDS[$name]"; done
pg_stop "$PGDATA_DIR"

# ---------------------------------------------------------------------------------------------
# 2. arena-server demo: one restart mid-evaluation; the demo must print the board and keep serving.
DEMO_PORT="$(free_port)"
BASE="http://127.0.0.1:$DEMO_PORT"
sed -e "s/^id: demo$/id: drdemo/" -e "s/^  ticks: [0-9]*$/  ticks: $DEMO_TICKS/" "$LIVE_ROOT/Seeds/contests/demo.yaml" >"$WORK/demo.yaml"
grep -q "^id: drdemo$" "$WORK/demo.yaml" && grep -q "^  ticks: $DEMO_TICKS$" "$WORK/demo.yaml" \
    || die "Seeds/contests/demo.yaml no longer has the 'id:' / '  ticks:' lines this test rewrites"
(cd /tmp && exec env ARENA_STATE_DIR="$WORK/demo" "$BIN/arena-server" demo --port "$DEMO_PORT" --contest "$WORK/demo.yaml") \
    >"$WORK/demo.out" 2>"$WORK/demo.log" &
PIDS[demo]=$!
for _ in $(seq 900); do
    [ -f "$WORK/demo/postgres/port" ] && PGPORT="$(cat "$WORK/demo/postgres/port")" \
        && [ "$(sql "SELECT count(*) >= 1 FROM runs WHERE contest_id = 'drdemo' AND status = 'running'" 2>/dev/null)" = t ] && break
    alive "${PIDS[demo]}" || break
    sleep 0.2
done
alive "${PIDS[demo]}" || die "the demo exited before its runs started: $(tail -3 "$WORK/demo.out")"
[ "$(sql "SELECT count(*) >= 1 FROM runs WHERE contest_id = 'drdemo' AND status = 'running'")" = t ] \
    || die "the demo's runs did not start within 180 s"
printf '/v1/contests/drdemo/leaderboard\n/v1/contests/drdemo\n/v1/contests\n/healthz\n' >"$WORK/demo.targets"
start_reader demo
sleep 3
DEMO_FROM="$(now)"
DOWN3="$(pg_restart "$WORK/demo/postgres/data")" || die "pg_ctl restart of the demo's PostgreSQL failed"
DEMO_TO="$(now)"
log "demo: PostgreSQL restarted mid-evaluation in $DOWN3 s"
deadline=$((SECONDS + 400))
while [ $SECONDS -lt $deadline ] && alive "${PIDS[demo]}" && ! grep -q "leaderboard JSON:" "$WORK/demo.out"; do sleep 0.5; done
if grep -q "leaderboard JSON:" "$WORK/demo.out"; then pass "demo: printed the leaderboard after the restart"; else
    fail "demo: printed the leaderboard after the restart" "$(tail -2 "$WORK/demo.out" | tr '\n' ' ')"
fi
sleep 2
stop_reader demo
reads_report "$WORK/demo.reads" "$DEMO_FROM" "$DEMO_TO" demo
log "demo: API reads repeated after a dropped connection: $(grep -c 'repeating the read' "$WORK/demo.log" || true); runner commits retried: $(grep -c 'commit interrupted; retrying' "$WORK/demo.log" || true)"
if alive "${PIDS[demo]}"; then pass "demo: still serving after the run"; else fail "demo: still serving after the run" "$(tail -2 "$WORK/demo.log")"; fi
# Submissions that finished validation after the first board get evaluations of their own.
wait_for_sql "SELECT ($(settled_sql drdemo))" t 300 || true
exactly_once drdemo demo
DEMO_PGDATA="$WORK/demo/postgres/data"
kill -TERM "${PIDS[demo]}"
status=timeout
for _ in $(seq 300); do
    alive "${PIDS[demo]}" || { wait "${PIDS[demo]}" && status=0 || status=$?; break; }
    sleep 0.1
done
unset "PIDS[demo]"
if [ "$status" = 0 ]; then pass "demo: SIGTERM stops it cleanly (exit 0)"; else fail "demo: SIGTERM stops it cleanly" "exit $status"; fi
pgpid="$(head -1 "$DEMO_PGDATA/postmaster.pid" 2>/dev/null || true)"
if [ -z "$pgpid" ] || ! kill -0 "$pgpid" 2>/dev/null; then pass "demo: stopped its PostgreSQL, restarted or not"; else
    fail "demo: stopped its PostgreSQL, restarted or not" "postmaster $pgpid still running"
fi
log "restarts took $DOWN s, ${DOWN2:-?} s (serve) and $DOWN3 s (demo)"
live_summary
