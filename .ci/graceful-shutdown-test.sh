#!/usr/bin/env bash
# Graceful-shutdown test: two runners on one database (each in its own network namespace, see
# .ci/lib/cluster.sh). SIGTERM to the runner holding a run's lease mid-heat must: stop the heat,
# kill and reap its bots, hand the lease back (not wait for it to expire) and exit 0; the other
# runner then runs the heat, exactly once; no team's quota is charged again.
#
#   sudo bash .ci/graceful-shutdown-test.sh     # uses .build/debug (ARENA_BIN_DIR to override)
#
# Prints "graceful-shutdown: 1 passed, 0 failed" (exit 0) or "… 0 passed, 1 failed" (exit 1).
source "$(dirname "$0")/lib/cluster.sh"

TICKS="${MH_TICKS:-1000}"
# Rules strategies run inside the runner: paced Python bots give every heat worker processes
# and ~15 s of wall time per run, whichever entries an evaluation starts with (.ci/lib/paced-bot.sh).
export CLUSTER_PACED_TEAMS="${TEAM_COUNT:-4}"
# Long on purpose: if the other runner gets the job well within it, the lease was handed back.
LEASE_SECONDS=40

finish() {
    local status=$?
    cluster_teardown
    local leftovers
    leftovers="$(ip netns list 2>/dev/null | grep -c "^$ID-" || true)"
    [ "$leftovers" = 0 ] || { log "FAIL: $leftovers namespaces left behind"; status=1; }
    if [ "$status" = 0 ]; then echo "graceful-shutdown: 1 passed, 0 failed"; else echo "graceful-shutdown: 0 passed, 1 failed"; fi
    exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM
cluster_watchdog "${MH_TIME_LIMIT:-235}"

cluster_preflight
cluster_network
cluster_postgres
cluster_api
cluster_contest "$TICKS"

cluster_runner r1
ROW="$(wait_for_leased_run 90)" || die "no run was leased within 90 s"
read -r JOB RUN OWNER <<<"$ROW"
[[ "$OWNER" == runner1:* ]] || die "expected runner1 to hold the first run, got $OWNER"
cluster_runner r2
# Let the heat get going (workers started, some ticks done) before the signal.
for _ in $(seq 50); do
    WORKERS="$(descendants "${PIDS[r1]}" | wc -l)"
    [ "$WORKERS" -ge 4 ] && break
    sleep 0.1
done
sleep 1
[ "$(sql "SELECT lease_owner FROM jobs WHERE id = $JOB")" = "$OWNER" ] \
    || die "run $RUN finished before SIGTERM; raise MH_TICKS (now $TICKS)"
CHILDREN="$(descendants "${PIDS[r1]}" | sort -n | tr '\n' ' ')"
[ -n "$CHILDREN" ] || die "runner1 has no worker processes mid-run"
ATTEMPTS_BEFORE="$(sql "SELECT attempts FROM jobs WHERE id = $JOB")"

log "SIGTERM to runner1 (pid ${PIDS[r1]}) mid-run $RUN; its processes: $CHILDREN"
kill -TERM "${PIDS[r1]}"
SIGNALLED_AT=$SECONDS
EXIT_STATUS=timeout
for _ in $(seq 200); do
    if ! kill -0 "${PIDS[r1]}" 2>/dev/null; then
        wait "${PIDS[r1]}" && EXIT_STATUS=0 || EXIT_STATUS=$?
        break
    fi
    sleep 0.1
done
[ "$EXIT_STATUS" = 0 ] || die "runner1 did not exit cleanly within 20 s of SIGTERM (status $EXIT_STATUS)"
log "runner1 exited 0 after $((SECONDS - SIGNALLED_AT)) s"
for pid in $CHILDREN; do
    if alive "$pid"; then
        die "orphan: pid $pid ($(tr '\0' ' ' </proc/"$pid"/cmdline 2>/dev/null)) outlived runner1"
    fi
done
if pgrep -f "$WORK/r1/" >/dev/null; then die "processes still use runner1's work directory: $(pgrep -af "$WORK/r1/")"; fi
grep -q '"message":"handed run back"' "$WORK/r1.log" || die "runner1 did not log handing the run back"

# Handed back, not expired: right after runner1 exits the job is back in the queue (or already
# taken by runner2), long before its lease would have run out.
STATE="$(sql "SELECT status || ' ' || coalesce(lease_owner, '-') FROM jobs WHERE id = $JOB")"
case "$STATE" in
    "queued -" | "running runner2:"* | "done -") ;;
    *) die "job $JOB after runner1 exited: '$STATE' (expected handed back; lease is $LEASE_SECONDS s)" ;;
esac
log "job $JOB handed back ($STATE) $((SECONDS - SIGNALLED_AT)) s after the signal (lease $LEASE_SECONDS s)"

wait_for_leaderboard 170 || die "leaderboard not complete: $(sql "SELECT id, kind, status, lease_owner, attempts FROM jobs")"
assert_exactly_once
FINISHER="$(completed_by "$RUN")"
[[ "$FINISHER" == runner2:* ]] || die "run $RUN completed by '$FINISHER', expected runner2"
ATTEMPTS="$(sql "SELECT attempts FROM jobs WHERE id = $JOB")"
[ "$ATTEMPTS" = "$ATTEMPTS_BEFORE" ] || die "the hand-back counted as a failed attempt ($ATTEMPTS_BEFORE → $ATTEMPTS)"

# Quotas: each team was charged for its one submission, once.
for index in $(seq "$TEAMS"); do
    RESPONSE="$(http GET "/v1/submissions/$(cat "$WORK/submission-$index")" "$(cat "$WORK/token-$index")")"
    [ "$(head -1 <<<"$RESPONSE")" = 200 ] || die "submission of team $index: $RESPONSE"
    USED="$(json_field "$(tail -n +2 <<<"$RESPONSE")" 'd["quota"]["used"]')"
    [ "$USED" = 1 ] || die "team $index quota used = $USED, expected 1"
done
log "run $RUN: handed back by runner1, completed once by $FINISHER; attempts $ATTEMPTS; quotas 1/20 each"
