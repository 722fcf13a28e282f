#!/usr/bin/env bash
# Fails when the pure engine modules (MarketModel, MarketEngine) reach for I/O, clocks,
# system randomness, logging or printing. SwiftPM cannot enforce this; CI runs this script.
# Usage: check-engine-purity.sh [SOURCES_DIR]   (default: Sources next to this script's repo)
set -uo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)/Sources}"
status=0
check() {
    local pattern="$1" why="$2"
    local hits
    hits=$(grep -RInE --include='*.swift' "$pattern" "$root/MarketModel" "$root/MarketEngine" \
        | grep -vE '^[^:]+:[0-9]+:\s*///' | grep -vE '^[^:]+:[0-9]+:\s*//' || true)
    if [ -n "$hits" ]; then
        echo "engine purity violation: $why" >&2
        echo "$hits" | sed 's/^/  /' >&2
        status=1
    fi
}
check '^\s*(@_exported\s+|@preconcurrency\s+)?import\s+(Foundation|FoundationEssentials|FoundationNetworking|Dispatch|Glibc|Musl|Darwin|NIO[A-Za-z]*|Logging|Metrics|PostgresNIO|Subprocess)\b' \
    'forbidden import (Foundation, Dispatch, Glibc, NIO, Logging, ...)'
check '\bDate\(\)|\bContinuousClock\b|\bSuspendingClock\b|\bclock_gettime\b|\bgettimeofday\b|\bDispatchTime\b' \
    'clock access'
check '\bSystemRandomNumberGenerator\b|\barc4random|\.random\(\s*(in:[^,)]*)?\)' \
    'system randomness (use the seeded generator)'
check '\bProcessInfo\b|\bgetenv\(' 'environment access'
check '(^|[^A-Za-z_.])print\(' 'printing'
check '\basync\b|\bawait\b|\bactor\b' 'concurrency in the synchronous engine'
if [ $status -eq 0 ]; then echo "engine purity: OK ($root/MarketModel, $root/MarketEngine)"; fi
exit $status
