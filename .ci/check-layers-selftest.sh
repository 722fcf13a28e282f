#!/usr/bin/env bash
# Proves the layering check can fail: on a copy of the tree it must accept the copy as is, and
# reject each injected violation with a line naming it: an upward import (plain, @testable,
# public), a denied import, an upward Package.swift dependency, a forbidden product in the `arena`
# CLI's closure, and a target missing from the layer map.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The package graph (dependency checkouts) is the real tree's; the copies only change targets.
if ! (cd "$repo" && swift package --ignore-lock show-dependencies --format json) >"$tmp/graph.json" 2>"$tmp/err"; then
    echo "layering self-test: swift package show-dependencies failed:" >&2
    cat "$tmp/err" >&2
    exit 1
fi
export LAYERS_PACKAGE_GRAPH="$tmp/graph.json"

fresh_copy() {
    rm -rf "$tmp/tree"
    mkdir -p "$tmp/tree/.ci"
    cp -R "$repo/Package.swift" "$repo/Package.resolved" "$repo/Sources" "$repo/Tests" "$tmp/tree/"
    cp "$repo/.ci/layers.txt" "$tmp/tree/.ci/"
}

first_swift_file() {
    find "$tmp/tree/Sources/$1" -name '*.swift' | sort | head -n 1
}

# Edits the copy's Package.swift with a Python regular expression (pattern, replacement).
edit_manifest() {
    python3 - "$tmp/tree/Package.swift" "$1" "$2" <<'PY'
import re, sys
path, pattern, replacement = sys.argv[1:]
text = open(path).read()
edited, count = re.subn(pattern, replacement, text, count=1, flags=re.DOTALL)
if count != 1:
    sys.exit(f"self-test cannot edit Package.swift: no match for {pattern}")
open(path, "w").write(edited)
PY
}

# expect_failure <description> <regex the check's output must contain>
expect_failure() {
    local output
    if output=$(bash "$here/check-layers.sh" "$tmp/tree" 2>&1); then
        echo "layering self-test FAILED: the check accepted $1" >&2
        exit 1
    fi
    if ! grep -qE "$2" <<<"$output"; then
        echo "layering self-test FAILED: $1 was rejected without a line matching /$2/:" >&2
        echo "$output" | sed 's/^/  /' >&2
        exit 1
    fi
}

fresh_copy
if ! output=$(bash "$here/check-layers.sh" "$tmp/tree" 2>&1); then
    echo "layering self-test FAILED: the check rejects the unmodified tree:" >&2
    echo "$output" | sed 's/^/  /' >&2
    exit 1
fi

for injection in 'import APIServer' '@testable import JobRunner' 'public import APIServer' \
    '@preconcurrency internal import struct APIServer.APIConfiguration'; do
    fresh_copy
    file=$(first_swift_file HeatRunner)
    printf '%s\n' "$injection" >>"$file"
    module=$(sed -E 's/.*import +(struct +)?([A-Za-z]+).*/\2/' <<<"$injection")
    expect_failure "'$injection' in HeatRunner" \
        "Sources/HeatRunner/.*\.swift:[0-9]+: HeatRunner \(layer 3\) imports $module \(layer 4\)"
done

fresh_copy
printf '%s\n' 'import Storage' >>"$(first_swift_file HeatRunner)"
expect_failure "'import Storage' in HeatRunner (denied)" "HeatRunner \(layer 3\) imports Storage, which .* denies"

fresh_copy
printf '%s\n' 'import Hummingbird' >>"$(first_swift_file Leaderboard)"
expect_failure "'import Hummingbird' in Leaderboard" "Leaderboard \(layer 3\) imports Hummingbird \(layer 4\)"

fresh_copy
edit_manifest '(name: "HeatRunner",\s*dependencies: \[)' '\1"APIServer", '
expect_failure "a Package.swift dependency HeatRunner -> APIServer" \
    "Package.swift: HeatRunner \(layer 3\) depends on APIServer \(layer 4\)"

fresh_copy
edit_manifest '(name: "arena",\s*dependencies: \[)' '\1.product(name: "PostgresNIO", package: "postgres-nio"), '
expect_failure "PostgresNIO in the arena product" "product arena links package postgres-nio"

fresh_copy
edit_manifest '(name: "Sandbox",\s*dependencies: \[)' '\1.product(name: "Hummingbird", package: "hummingbird"), '
expect_failure "Hummingbird reached by arena through Sandbox" \
    "product arena links package hummingbird.*arena -> .*Sandbox -> Hummingbird \(hummingbird\) -> hummingbird"

fresh_copy
mkdir -p "$tmp/tree/Sources/Unmapped"
printf '%s\n' 'public enum Unmapped {}' >"$tmp/tree/Sources/Unmapped/Unmapped.swift"
edit_manifest '(targets: \[\n)' '\1        .target(name: "Unmapped"),\n'
expect_failure "a target missing from the map" "target Unmapped \(Sources/Unmapped\) is missing from .ci/layers.txt"

echo "layering self-test: OK (upward and denied imports, upward dependencies, forbidden products and unmapped targets are rejected)"
