#!/usr/bin/env bash
# Proves the purity check can fail: it must reject a copy of the engine that imports Foundation,
# reads a clock, or uses system randomness.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$here/../Sources"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for injection in 'import Foundation' 'let injectedNow = ContinuousClock.now' 'let injectedRandom = Int.random(in: 0...9)'; do
    rm -rf "$tmp/Sources"; mkdir -p "$tmp/Sources"
    cp -R "$src/MarketModel" "$src/MarketEngine" "$tmp/Sources/"
    printf '%s\n' "$injection" >> "$tmp/Sources/MarketEngine/Exchange.swift"
    if bash "$here/check-engine-purity.sh" "$tmp/Sources" >/dev/null 2>&1; then
        echo "purity self-test FAILED: the check accepted: $injection" >&2
        exit 1
    fi
done
echo "engine purity self-test: OK (the check rejects Foundation, clocks and system randomness)"
