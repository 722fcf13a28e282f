#!/usr/bin/env bash
# Multi-host test: PostgreSQL, one API server and two runners, each in its own network namespace
# on this machine (see .ci/lib/cluster.sh). A contest runs across them; runner1's link is cut
# while it holds a run's lease, and the run must finish on runner2, exactly once.
#
#   sudo bash .ci/multi-host-test.sh            # uses .build/debug (ARENA_BIN_DIR to override)
#   MH_TICKS=600 KEEP_WORK=1 bash .ci/multi-host-test.sh
#
# Prints "multi-host: 1 passed, 0 failed" (exit 0) or "multi-host: 0 passed, 1 failed" (exit 1).
# Bounded: every wait has a deadline and a watchdog fails the test after 235 s (MH_TIME_LIMIT);
# it takes 30–40 s on an idle 2-core machine, up to ~2 min while other builds run.
source "$(dirname "$0")/lib/cluster.sh"

TICKS="${MH_TICKS:-1000}"
# Rules strategies run inside the runner (a 1,000-tick heat in well under a second): one paced
# Python bot (.ci/lib/paced-bot.sh) gives each run ~15 s of wall time, so the link is cut mid-run.
export CLUSTER_PACED_TEAMS="${CLUSTER_PACED_TEAMS:-1}"
LEASE_SECONDS=6

finish() {
    local status=$?
    cluster_teardown
    local leftovers
    leftovers="$(ip netns list 2>/dev/null | grep -c "^$ID-" || true)"
    [ "$leftovers" = 0 ] || { log "FAIL: $leftovers namespaces left behind"; status=1; }
    if [ "$status" = 0 ]; then echo "multi-host: 1 passed, 0 failed"; else echo "multi-host: 0 passed, 1 failed"; fi
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

# runner1 alone first, so it takes the evaluation and then a run; runner2 joins for the other.
cluster_runner r1
ROW="$(wait_for_leased_run 90)" || die "no run was leased within 90 s"
read -r JOB RUN OWNER <<<"$ROW"
[[ "$OWNER" == runner1:* ]] || die "expected runner1 to hold the first run, got $OWNER"
cluster_runner r2
sleep 1
PROGRESS="$(sql "SELECT count(*) FROM jobs WHERE run_id = $RUN AND status = 'running' AND lease_owner LIKE 'runner1:%'")"
[ "$PROGRESS" = 1 ] || die "run $RUN finished before the link could be cut; raise MH_TICKS (now $TICKS)"

log "cutting runner1's link while it runs run $RUN (job $JOB)"
ip -n "$NS_CTL" link set p-r1 down
CUT_AT=$SECONDS

wait_for_leaderboard 170 || die "leaderboard not complete within 170 s of the cut: $(sql "SELECT id, kind, status, lease_owner, attempts FROM jobs")"
log "leaderboard complete $((SECONDS - CUT_AT)) s after the cut"

assert_exactly_once
FINISHER="$(completed_by "$RUN")"
[[ "$FINISHER" == runner2:* ]] || die "run $RUN completed by '$FINISHER', expected runner2"
ATTEMPTS="$(sql "SELECT attempts FROM jobs WHERE id = $JOB")"
[ "$ATTEMPTS" -ge 2 ] || die "job $JOB claimed $ATTEMPTS times; expected a second claim after the lease expired"
kill -0 "${PIDS[r1]}" 2>/dev/null && log "runner1 is still up on the far side of the cut (as expected: it cannot commit)"

# The runner that did the work reports it on its metrics port; the API shows the submissions.
METRICS="$(in_ns ctl python3 -c 'import urllib.request,sys; print(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())' "http://$ADDR_R2:9100/metrics")"
grep -Eq '^arena_runs_completed_total [1-9]' <<<"$METRICS" || die "runner2 /metrics shows no completed runs"
grep -Eq '^arena_heat_ticks_total [1-9]' <<<"$METRICS" || die "runner2 /metrics shows no ticks"
API_METRICS="$(tail -n +2 <<<"$(http GET /metrics "$(cat "$WORK/organizer-token")")")"
grep -Eq "^arena_submissions_total\\{outcome=\"accepted\"\\} $TEAMS\$" <<<"$API_METRICS" || die "API /metrics: no accepted submissions"

log "run $RUN: job $JOB claimed $ATTEMPTS times, completed once by $FINISHER; $TEAMS results per run; queue empty"
