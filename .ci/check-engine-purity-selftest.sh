#!/usr/bin/env bash
# Proves the purity check can fail: it must reject a copy of the engine that imports Foundation,
# reads a clock, uses system randomness or floating point, or a background market that reads a
# clock; and it must accept the background market's `Double`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$here/../Sources"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fresh() {
    rm -rf "$tmp/Sources"; mkdir -p "$tmp/Sources"
    cp -R "$src/MarketModel" "$src/MarketEngine" "$src/MarketBackground" "$tmp/Sources/"
}
expect_rejected() {
    local file="$1" injection="$2"
    fresh
    printf '%s\n' "$injection" >> "$tmp/Sources/$file"
    if bash "$here/check-engine-purity.sh" "$tmp/Sources" >/dev/null 2>&1; then
        echo "purity self-test FAILED: the check accepted, in $file: $injection" >&2
        exit 1
    fi
}
for injection in 'import Foundation' 'let injectedNow = ContinuousClock.now' \
    'let injectedRandom = Int.random(in: 0...9)' 'let injectedDouble: Double = 0.5' 'let injectedFloat = Float(1)'; do
    expect_rejected MarketEngine/Exchange.swift "$injection"
done
expect_rejected MarketModel/Money.swift 'let injectedDouble = Double(1)'
for injection in 'let injectedHalf = 0.5' 'let injectedTiny = 1e-8' 'let injectedHex = 0x1p-3' \
    'let injectedRoot = 2.squareRoot()' 'func injectedGeneric<T: BinaryFloatingPoint>(_ x: T) {}'; do
    expect_rejected MarketEngine/Exchange.swift "$injection"
done
expect_rejected MarketBackground/BackgroundMarket.swift 'let injectedNow = ContinuousClock.now'
fresh
if ! bash "$here/check-engine-purity.sh" "$tmp/Sources" >/dev/null 2>&1; then
    echo "purity self-test FAILED: the check rejects the unmodified sources" >&2
    exit 1
fi
echo "engine purity self-test: OK (the check rejects Foundation, clocks, system randomness and floating point in the core)"
