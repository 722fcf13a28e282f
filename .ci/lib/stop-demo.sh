# Stops a server started by a .ci script and the embedded PostgreSQL it started (which outlives a
# killed server), by the cluster's own pid file. Usage: stop_server_and_postgres PID STATE_DIR
stop_server_and_postgres() {
    local pid="$1" state="$2" pgpid
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
        for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    fi
    pgpid="$(head -1 "$state/postgres/data/postmaster.pid" 2>/dev/null)"
    [ -n "$pgpid" ] && kill -INT "$pgpid" 2>/dev/null && for _ in $(seq 100); do kill -0 "$pgpid" 2>/dev/null || break; sleep 0.1; done
    return 0
}
