#!/usr/bin/env bash
# Fails when the pure engine modules (MarketModel, MarketEngine, MarketBackground) reach for I/O,
# clocks, system randomness, logging or printing, or when the exact core (MarketModel,
# MarketEngine) uses floating point at all (types, protocols or literals): `Double`/`Float` live
# only in MarketBackground (the seeded price processes and agents), which the engine drives
# through its house-order seam.
# SwiftPM cannot enforce this; CI runs this script.
# Usage: check-engine-purity.sh [SOURCES_DIR]   (default: Sources next to this script's repo)
set -uo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)/Sources}"
pure=("$root/MarketModel" "$root/MarketEngine" "$root/MarketBackground")
exact=("$root/MarketModel" "$root/MarketEngine")
status=0
# check PATTERN WHY DIR...
check() {
    local pattern="$1" why="$2"
    shift 2
    local dirs=() dir
    for dir in "$@"; do [ -d "$dir" ] && dirs+=("$dir"); done
    [ ${#dirs[@]} -gt 0 ] || return 0
    local hits
    hits=$(grep -RInE --include='*.swift' "$pattern" "${dirs[@]}" \
        | grep -vE '^[^:]+:[0-9]+:\s*///' | grep -vE '^[^:]+:[0-9]+:\s*//' || true)
    if [ -n "$hits" ]; then
        echo "engine purity violation: $why" >&2
        echo "$hits" | sed 's/^/  /' >&2
        status=1
    fi
}
check '^\s*(@_exported\s+|@preconcurrency\s+)?import\s+(Foundation|FoundationEssentials|FoundationNetworking|Dispatch|Glibc|Musl|Darwin|NIO[A-Za-z]*|Logging|Metrics|PostgresNIO|Subprocess)\b' \
    'forbidden import (Foundation, Dispatch, Glibc, NIO, Logging, ...)' "${pure[@]}"
check '\bDate\(\)|\bContinuousClock\b|\bSuspendingClock\b|\bclock_gettime\b|\bgettimeofday\b|\bDispatchTime\b' \
    'clock access' "${pure[@]}"
check '\bSystemRandomNumberGenerator\b|\barc4random|\.random\(\s*(in:[^,)]*)?\)' \
    'system randomness (use the seeded generator)' "${pure[@]}"
check '\bProcessInfo\b|\bgetenv\(' 'environment access' "${pure[@]}"
check '(^|[^A-Za-z_.])print\(' 'printing' "${pure[@]}"
check '\basync\b|\bawait\b|\bactor\b' 'concurrency in the synchronous engine' "${pure[@]}"
check '\b(Double|Float|Float16|Float32|Float64|Float80|CGFloat)\b' \
    'floating point in the exact core (only MarketBackground may use Double)' "${exact[@]}"
check '\b(Decimal|NSDecimalNumber|FloatingPoint|BinaryFloatingPoint|FloatLiteralConvertible|ExpressibleByFloatLiteral)\b|\.squareRoot\(' \
    'floating-point types or protocols in the exact core' "${exact[@]}"
# Floating-point literals (0.5, 1e-8, 0x1p-3) infer Double without naming it: banned in the exact
# core too. String literals and comments are blanked first, so "1e-8 USDT" in a message is fine.
literals() {
    local dir hits=""
    for dir in "$@"; do
        [ -d "$dir" ] || continue
        hits+=$(grep -RIn --include='*.swift' '' "$dir" | grep -vE '^[^:]+:[0-9]+:\s*//' \
            | sed -E 's/"([^"\\]|\\.)*"/""/g; s#//.*$##' \
            | grep -E '^[^:]+:[0-9]+:.*([^A-Za-z0-9_.$]|^)([0-9][0-9_]*\.[0-9][0-9_]*|[0-9][0-9_]*[eE][-+]?[0-9]+|0x[0-9A-Fa-f_]*(\.[0-9A-Fa-f_]+)?[pP][-+]?[0-9]+)' || true)
    done
    if [ -n "$hits" ]; then
        echo "engine purity violation: floating-point literal in the exact core" >&2
        echo "$hits" | sed 's/^/  /' >&2
        status=1
    fi
}
literals "${exact[@]}"
if [ $status -eq 0 ]; then
    echo "engine purity: OK ($root/MarketModel, $root/MarketEngine, $root/MarketBackground; no floating point in the first two)"
fi
exit $status
