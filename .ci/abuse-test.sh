#!/usr/bin/env bash
# A hostile crowd against a live server (issue 14 item 10): `arena-server serve` with its
# embedded PostgreSQL and one runner process (three runners in it), driven on loopback by
# .ci/lib/abuse.py, which binds 127.x.y.z source addresses to play many clients:
#
#   uploads   30 concurrent distinct valid bundles vs submissions_per_day 3 / max_in_flight 2
#   tokens    3,000 random bearer tokens from one address; a legitimate token from another
#   slowloris 100 connections sending headers byte by byte, then stalling
#   sse       100 leaderboard streams from one address, one from another
#   heats     two concurrent heats on the runner host, a fork-to-limit bot in heat A
#             (Tests/SandboxTests/Fixtures/fork_bomb.py), normal bots in heat B
#   pages     15,000 distinct leaderboard page keys, the API's RSS before and after
#
# Each check prints PASS or FAIL. Checks of features that are not on this tree yet FAIL (they
# are never skipped). Ends with "abuse: N passed, M failed"; exit 1 when a check failed.
#
#   bash .ci/abuse-test.sh                       # uses .build/debug (ARENA_BIN_DIR to override)
#   KEEP_WORK=1 ABUSE_PAGES=5000 bash .ci/abuse-test.sh
#
# Bounded: fixed request counts, every wait has a deadline; about 4-6 minutes on 2 cores.
source "$(dirname "$0")/lib/live-server.sh"

ABUSE="$LIVE_ROOT/.ci/lib/abuse.py"
PAGES="${ABUSE_PAGES:-15000}"
HEAT_TICKS="${ABUSE_HEAT_TICKS:-600}"
FORK_TICKS="${ABUSE_FORK_TICKS:-3000}" # × 10 ms per tick: heat A lasts about 30 s
SLOW_WAIT="${ABUSE_SLOW_WAIT:-75}"
FIXTURES="$LIVE_ROOT/Tests/SandboxTests/Fixtures"
live_init abuse
live_watchdog "${ABUSE_TIME_LIMIT:-900}"
FIVE_XX=0

abuse() { python3 "$ABUSE" "$@"; }
# count_5xx JSON_FILE: adds the 5xx answers in a result file to FIVE_XX.
count_5xx() {
    local n
    n="$(python3 - "$1" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
statuses = d.get("statuses", {})
if isinstance(statuses, list):
    print(sum(1 for s in statuses if s >= 500))
else:
    print(sum(v for k, v in statuses.items() if int(k) >= 500))
EOF
)"
    FIVE_XX=$((FIVE_XX + n))
}

contest_yaml() { # ID TICKS PER_DAY IN_FLIGHT ROUNDS
    cat <<EOF
id: $1
name: Abuse test $1
market:
  instruments: [BTC-PERP, ETH-PERP]
  tick_ms: 1000
  background: { start_prices: { BTC-PERP: "60000", ETH-PERP: "3000" }, volatility: "0.8", market_makers: 2, noise_traders: 3, value_agents: 3 }
evaluation: { ticks: $2, heat_size: 8, starting_balance: "10000", rounds: [$5] }
limits: { tick_deadline_ms: 1000, first_tick_deadline_ms: 10000, max_strikes: 10, submissions_per_day: $3, max_in_flight: $4 }
registration: { open: true }
phases:
  - { name: main, starts_at: "$(date -u -d '-1 day' +%Y-%m-%dT00:00:00Z)", ends_at: "$(date -u -d '+30 days' +%Y-%m-%dT00:00:00Z)" }
EOF
}

wait_for_sql() {
    local deadline=$((SECONDS + $3))
    while [ $SECONDS -lt $deadline ]; do
        [ "$(sql "$1" 2>/dev/null)" = "$2" ] && return 0
        sleep 0.3
    done
    return 1
}

start_serve
PORT="${BASE##*:}"
ORGANIZER="$(organizer_token abuse-admin)"
[ -n "$ORGANIZER" ] || die "bootstrap-organizer printed no token"

# --- uploads: 30 concurrent distinct valid bundles against 3 per day / 2 in flight ------------
contest_yaml quota 50 3 2 "{seed: 7, public: true}" >"$WORK/quota.yaml"
create_contest "$ORGANIZER" "$WORK/quota.yaml" >/dev/null
QUOTA_TOKEN="$(register_team quota quota-team)"
QUOTA_TEAM="$(sql "SELECT id FROM teams WHERE contest_id = 'quota' AND name = 'quota-team'")"
bundles=()
for n in $(seq 30); do bundles+=("$(make_bundle trend-following "upload-$n")"); done
abuse uploads "$PORT" "$QUOTA_TOKEN" 127.0.0.11 "${bundles[@]}" >"$WORK/uploads.json"
read -r ACCEPTED REFUSED_429 WITH_RETRY OTHER ACCEPTED_ID < <(python3 - "$WORK/uploads.json" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
accepted = [r for r in results if r["status"] == 202]
refused = [r for r in results if r["status"] == 429]
retry = [r for r in refused if r["retry_after"]]
other = [r["status"] for r in results if r["status"] not in (202, 429)]
first = accepted[0]["id"] if accepted else 0
print(len(accepted), len(refused), len(retry), ",".join(map(str, other)) or "-", first)
EOF
)
count_5xx <(python3 -c 'import json,sys; print(json.dumps({"statuses": [r["status"] for r in json.load(open(sys.argv[1]))["results"]]}))' "$WORK/uploads.json")
log "uploads: $ACCEPTED × 202, $REFUSED_429 × 429 ($WITH_RETRY with Retry-After), other: $OTHER"
CHARGED="$(sql "SELECT count(*) FROM submissions WHERE team_id = $QUOTA_TEAM AND charged")"
STORED="$(sql "SELECT count(*) FROM submissions WHERE team_id = $QUOTA_TEAM")"
if [ "$ACCEPTED" -ge 1 ] && [ "$ACCEPTED" -le 2 ]; then pass "uploads: at most 2 of 30 accepted ($ACCEPTED)"; else
    fail "uploads: at most 2 of 30 accepted (max_in_flight 2)" "$ACCEPTED accepted"
fi
if [ "$CHARGED" -le 3 ]; then pass "uploads: at most 3 charged in the database ($CHARGED)"; else
    fail "uploads: at most 3 charged in the database" "$CHARGED charged, $STORED stored"
fi
if [ "$OTHER" = - ] && [ "$REFUSED_429" -gt 0 ] && [ "$WITH_RETRY" = "$REFUSED_429" ]; then
    pass "uploads: the rest refused 429 with Retry-After ($REFUSED_429)"
else
    fail "uploads: the rest refused 429 with Retry-After" "$REFUSED_429 × 429 ($WITH_RETRY with Retry-After), other statuses: $OTHER"
fi
API_QUOTA="-"
if [ "$ACCEPTED_ID" != 0 ] && [ "$(http GET "/v1/submissions/$ACCEPTED_ID" "$QUOTA_TOKEN")" = 200 ]; then
    API_QUOTA="$(json 'd["quota"]["used"], d["quota"]["in_flight"]' | tr -d '(),')"
fi
if [ "$API_QUOTA" = "$CHARGED $ACCEPTED" ] && [ "$CHARGED" = "$ACCEPTED" ]; then
    pass "uploads: database and API counters agree (used $CHARGED, in flight $ACCEPTED)"
else
    fail "uploads: database and API counters agree" "API used/in_flight: $API_QUOTA; database charged: $CHARGED; accepted: $ACCEPTED"
fi

# --- tokens: 3,000 random bearer tokens from one address ---------------------------------------
BOGUS_STARTED=$SECONDS
abuse flood "$PORT" /v1/me 3000 127.0.0.3 bogus >"$WORK/tokens.json"
count_5xx "$WORK/tokens.json"
read -r N401 N429 FIRST429 LATE429 < <(python3 - "$WORK/tokens.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))["statuses"]
first = s.index(429) if 429 in s else -1
late = s[first:] if first >= 0 else []
print(s.count(401), s.count(429), first, round(100 * late.count(429) / len(late)) if late else 0)
EOF
)
log "tokens: 3,000 bogus in $((SECONDS - BOGUS_STARTED)) s: $N401 × 401, $N429 × 429, first 429 at request $FIRST429, $LATE429 % 429 after it"
if [ "$N429" -gt 0 ] && [ "$LATE429" -ge 90 ]; then pass "tokens: 3,000 bogus tokens from one address get 429 after the burst (from request $FIRST429)"; else
    fail "tokens: 3,000 bogus tokens from one address get 429 after the burst" "$N401 × 401, $N429 × 429"
fi
LEGIT_TOKEN="$(register_team quota legit-team)"
abuse get "$PORT" /v1/me 127.0.0.2 "$LEGIT_TOKEN" >"$WORK/legit.json"
LEGIT="$(json 'd["status"]' "$WORK/legit.json")"
if [ "$LEGIT" = 200 ]; then pass "tokens: a legitimate token is still served (another address)"; else
    fail "tokens: a legitimate token is still served (another address)" "HTTP $LEGIT"
fi

# --- slowloris, in the background while the heats run ----------------------------------------
abuse slowloris "$PORT" 100 127.0.0.4 "$SLOW_WAIT" >"$WORK/slowloris.json" 2>"$WORK/slowloris.err" &
SLOW_PID=$!
PIDS[slowloris]=$SLOW_PID

# --- heats: two at once on one runner host, a fork-to-limit bot in heat A ----------------------
RUNNER_COUNT=3 start_runner 1
if [ -f "$FIXTURES/fork_bomb.py" ] && [ -f "$FIXTURES/attacklib.py" ]; then
    mkdir -p "$WORK/forkbot"
    cp "$FIXTURES/fork_bomb.py" "$FIXTURES/attacklib.py" "$WORK/forkbot/"
    # The fixture as is (fork until fork fails at tick 2, children hold their pids for 30 s),
    # answering each tick after 10 ms so that heat A lasts while heat B starts.
    cat >"$WORK/forkbot/bot.py" <<'BOT'
import time
import attacklib
_reply = attacklib.reply
def _slow_reply(tick, actions=()):
    time.sleep(0.01)
    _reply(tick, actions)
attacklib.reply = _slow_reply
import fork_bomb  # noqa: E402,F401 (runs the bot)
BOT
    printf 'name: fork-to-limit\nruntime: python\nentry: bot.py\n' >"$WORK/forkbot/strategy.yaml"
    contest_yaml heata "$FORK_TICKS" 5 2 "{seed: 21, public: true}" >"$WORK/heata.yaml"
    contest_yaml heatb "$HEAT_TICKS" 5 2 "{seed: 22, public: true}" >"$WORK/heatb.yaml"
    create_contest "$ORGANIZER" "$WORK/heata.yaml" >/dev/null
    create_contest "$ORGANIZER" "$WORK/heatb.yaml" >/dev/null
    # Heat A is one fork bot (slot 0); heat B's first evaluation puts a normal bot in slot 0 too.
    for n in 1; do
        printf '# %s\n' "$n" >>"$WORK/forkbot/attacklib.py"
        tar -C "$WORK/forkbot" -czf "$WORK/forkbot-$n.tar.gz" .
        token="$(register_team heata "fork-$n")"
        code="$(http POST /v1/submissions "$token" "$WORK/forkbot-$n.tar.gz" application/gzip)"
        [ "$code" = 202 ] || die "submit fork bot $n: HTTP $code $(cat "$WORK/last.json")"
    done
    if wait_for_sql "SELECT count(*) FROM runs WHERE contest_id = 'heata' AND status = 'running'" 1 180; then
        sleep 4 # the bots fork at tick 2; the children hold their pids for 30 s
        for n in 1 2; do
            strategy=market-making
            [ "$n" = 2 ] && strategy=trend-following
            token="$(register_team heatb "victim-$n")"
            code="$(http POST /v1/submissions "$token" "$(make_bundle "$strategy" "victim-$n")" application/gzip)"
            [ "$code" = 202 ] || die "submit heat B bot $n: HTTP $code $(cat "$WORK/last.json")"
        done
        wait_for_sql "SELECT (SELECT count(*) FROM jobs WHERE contest_id IN ('heata', 'heatb') AND status IN ('queued', 'running')) = 0
                      AND (SELECT count(*) FROM submissions WHERE contest_id IN ('heata', 'heatb')
                           AND status NOT IN ('scored', 'rejected', 'failed')) = 0" t 300 || true
        OVERLAP="$(sql "SELECT count(*) FROM runs a, runs b WHERE a.contest_id = 'heata' AND b.contest_id = 'heatb'
                        AND b.started_at < coalesce(a.finished_at, now()) AND a.started_at < coalesce(b.finished_at, now())")"
        if [ "$OVERLAP" -ge 1 ]; then pass "heats: heat A (fork-to-limit bots) and heat B ran at the same time"; else
            fail "heats: heat A (fork-to-limit bots) and heat B ran at the same time" "$(sql "SELECT contest_id, status, started_at, finished_at FROM runs WHERE contest_id LIKE 'heat%'" | tr '\n' ';')"
        fi
        read -r B_RESULTS B_FAULTS B_TRADES < <(sql "SELECT count(*), count(x.fault_code), coalesce(sum(x.trades), 0) FROM run_results x
                                                    JOIN runs r ON r.id = x.run_id WHERE r.contest_id = 'heatb'" | tr '|' ' ')
        if [ "$B_RESULTS" -ge 2 ] && [ "$B_FAULTS" = 0 ] && [ "$B_TRADES" -gt 0 ]; then
            pass "heats: every heat-B bot started and traded normally ($B_TRADES trades, no fault)"
        else
            fail "heats: every heat-B bot started and traded normally" "$B_RESULTS results, faults: $(sql "SELECT coalesce(x.fault_code, '-') FROM run_results x JOIN runs r ON r.id = x.run_id WHERE r.contest_id = 'heatb'" | tr '\n' ' '), $B_TRADES trades"
        fi
        if [ "$(sql "SELECT count(*) FROM submissions WHERE contest_id IN ('heata', 'heatb') AND status = 'scored'")" = 3 ] \
            && [ "$(sql "SELECT count(*) FROM jobs WHERE contest_id IN ('heata', 'heatb') AND status <> 'done'")" = 0 ]; then
            pass "heats: every submission of both contests scored, every job done"
        else
            fail "heats: every submission of both contests scored, every job done" "$(sql "SELECT contest_id, kind, status, attempts, last_error FROM jobs WHERE contest_id LIKE 'heat%'" | tr '\n' ';')"
        fi
    else
        fail "heats: heat A (fork-to-limit bots) started" "no run within 180 s: $(tail -2 "$WORK/r1.log")"
    fi
else
    fail "heats: a fork-to-limit test bot is available" "no $FIXTURES/fork_bomb.py"
fi

# --- slowloris results ----------------------------------------------------------------------
wait "$SLOW_PID" 2>/dev/null || true
unset "PIDS[slowloris]"
if [ -s "$WORK/slowloris.json" ]; then
    read -r OPENED CLOSED HEALTHY FIRST LAST < <(json 'd["opened"], d["closed"], d["healthy_meanwhile"], d["first_closed_s"], d["last_closed_s"]' "$WORK/slowloris.json" | tr -d '(),')
    log "slowloris: $OPENED slow connections, $CLOSED closed by the server (first after ${FIRST} s, last after ${LAST} s)"
    if [ "$HEALTHY" = True ]; then pass "slowloris: the server answers others while $OPENED slow connections are open"; else
        fail "slowloris: the server answers others while $OPENED slow connections are open"
    fi
    if [ "$CLOSED" = "$OPENED" ]; then pass "slowloris: every stalled connection closed by the server (within $LAST s)"; else
        fail "slowloris: every stalled connection closed by the server" "$CLOSED of $OPENED closed within $SLOW_WAIT s"
    fi
else
    fail "slowloris: the attack ran" "$(tail -2 "$WORK/slowloris.err")"
fi

# --- sse: 100 streams from one address ----------------------------------------------------------
abuse sse "$PORT" /v1/contests/heatb/leaderboard/stream 100 127.0.0.5 127.0.0.6 >"$WORK/sse.json"
count_5xx <(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps({"statuses": {k: v for k, v in d["statuses"].items() if k != "503"}}))' "$WORK/sse.json")
read -r SSE_OK SSE_REFUSED SSE_OTHER < <(json 'd["statuses"].get("200", 0), d["statuses"].get("429", 0), d["other_address"]' "$WORK/sse.json" | tr -d '(),')
log "sse: 100 streams from one address: $(json 'd["statuses"]' "$WORK/sse.json"); another address: $SSE_OTHER"
if [ "$SSE_REFUSED" -gt 0 ] && [ "$SSE_OK" -lt 100 ]; then pass "sse: streams beyond the per-address cap refused ($SSE_OK open, $SSE_REFUSED × 429)"; else
    fail "sse: streams beyond the per-address cap refused" "$SSE_OK opened, $SSE_REFUSED refused"
fi
if [ "$SSE_OTHER" = 200 ]; then pass "sse: another address still gets a stream"; else fail "sse: another address still gets a stream" "HTTP $SSE_OTHER"; fi

# --- pages: 15,000 distinct leaderboard page keys ------------------------------------------------
# Warm-up at the same concurrency (pages 1..5000), so the allocator's high-water mark for 8
# concurrent requests is reached before measuring; then 15,000 keys never seen before.
abuse pages "$PORT" heatb 1 5000 50 8 >/dev/null
sleep 2
RSS_BEFORE="$(rss_kb "${PIDS[api]}")"
PAGES_STARTED=$SECONDS
abuse pages "$PORT" heatb 5001 "$PAGES" 50 8 >"$WORK/pages.json"
sleep 3
RSS_AFTER="$(rss_kb "${PIDS[api]}")"
count_5xx "$WORK/pages.json"
PAGES_OK="$(json 'd["statuses"].get("200", 0)' "$WORK/pages.json")"
log "pages: $PAGES distinct page keys in $((SECONDS - PAGES_STARTED)) s: $(json 'd["statuses"]' "$WORK/pages.json"); API RSS $((RSS_BEFORE / 1024)) MB → $((RSS_AFTER / 1024)) MB"
if [ "$PAGES_OK" -ge $((PAGES * 95 / 100)) ]; then pass "pages: $PAGES_OK of $PAGES page keys served 200"; else
    fail "pages: at least 95 % of $PAGES page keys served 200" "$PAGES_OK"
fi
if [ "$RSS_AFTER" -le $((RSS_BEFORE * 110 / 100)) ]; then
    pass "pages: API memory flat over $PAGES page keys ($((RSS_BEFORE / 1024)) → $((RSS_AFTER / 1024)) MB, within 10 %)"
else
    fail "pages: API memory flat over $PAGES page keys (within 10 %)" "$((RSS_BEFORE / 1024)) → $((RSS_AFTER / 1024)) MB"
fi

# --- the server took all of it ------------------------------------------------------------------
if alive "${PIDS[api]}" && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE/readyz")" = 200 ]; then
    pass "server: still up and ready"
else
    fail "server: still up and ready"
fi
if [ "$FIVE_XX" = 0 ]; then pass "server: no 5xx under abuse (503 streams_full excepted)"; else fail "server: no 5xx under abuse" "$FIVE_XX answers ≥ 500"; fi
if alive "${PIDS[r1]}"; then pass "runner: still up"; else fail "runner: still up" "$(tail -2 "$WORK/r1.log")"; fi
live_summary
