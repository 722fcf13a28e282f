#!/usr/bin/env bash
# Fails when the module layering in .ci/layers.txt is broken:
#   (a) a file in Sources/<Module> imports a module of a higher layer (any form: @testable,
#       public/internal/package, @_exported, @preconcurrency, `import struct X.Y`, ...) or a denied one;
#   (b) Package.swift gives a target such a dependency;
#   (c) a product's transitive dependency closure contains an excluded package
#       (the `arena` CLI must not link Hummingbird, PostgresNIO or Prometheus);
#   (d) a target under Sources/ is missing from the map (or the map names a module that is gone).
# Usage: check-layers.sh [PACKAGE_ROOT]   (default: the repository holding this script)
# LAYERS_PACKAGE_GRAPH=<file> reuses the output of `swift package show-dependencies --format json`
# (the self-test sets it, so its copies of the tree need no dependency checkouts).
set -euo pipefail
root="$(cd "${1:-$(dirname "$0")/..}" && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Read-only queries: --ignore-lock so the check does not wait for a build in the same folder.
package() {
    local output="$1"
    shift
    if ! (cd "$root" && swift package --ignore-lock "$@") >"$work/$output" 2>"$work/swiftpm.err"; then
        echo "layering check: \`swift package $*\` failed in $root:" >&2
        grep -v 'ignore-lock' "$work/swiftpm.err" >&2 || true
        exit 2
    fi
}
package describe.json describe --type json
package manifest.json dump-package
if [ -n "${LAYERS_PACKAGE_GRAPH:-}" ]; then
    cp "$LAYERS_PACKAGE_GRAPH" "$work/graph.json"
else
    package graph.json show-dependencies --format json
fi
python3 - "$root" "$work" <<'PY'
import fnmatch, json, os, re, sys

root, work = sys.argv[1], sys.argv[2]
load = lambda name: json.load(open(os.path.join(work, name)))
describe, manifest, graph = load("describe.json"), load("manifest.json"), load("graph.json")
map_path = os.path.join(root, ".ci", "layers.txt")
errors = []

def fail(message):
    errors.append(message)

# --- the map ---------------------------------------------------------------------------------
local_layers, external_layers, denied, excluded = {}, {}, {}, {}
TEST_LAYER = 6
with open(map_path) as handle:
    for number, raw in enumerate(handle, 1):
        words = raw.split("#", 1)[0].split()
        if not words:
            continue
        where = f".ci/layers.txt:{number}"
        if words[0] == "deny" and len(words) >= 3:
            denied.setdefault(words[1], []).extend(words[2:])
        elif words[0] == "product" and len(words) >= 4 and words[2] == "excludes":
            excluded[words[1]] = words[3:]
        elif len(words) in (2, 3) and (words[1] == "test" or words[1].isdigit()):
            layer = TEST_LAYER if words[1] == "test" else int(words[1])
            if len(words) == 3 and words[2] == "external":
                external_layers[words[0]] = layer
            elif len(words) == 2:
                local_layers[words[0]] = layer
            else:
                sys.exit(f"{where}: cannot read: {raw.strip()}")
        else:
            sys.exit(f"{where}: cannot read: {raw.strip()}")

def layer_name(layer):
    return "test-only" if layer == TEST_LAYER else f"layer {layer}"

def layer_of(module):
    """Layer of a local or listed external module, or None when the map does not constrain it."""
    if module in local_layers:
        return local_layers[module]
    for pattern, layer in external_layers.items():
        if fnmatch.fnmatchcase(module, pattern):
            return layer
    return None

def is_denied(owner, module):
    return any(fnmatch.fnmatchcase(module, pattern) for pattern in denied.get(owner, []))

def check_edge(owner, module, where, verb):
    owner_layer, layer = local_layers.get(owner), layer_of(module)
    if owner_layer is None:
        return
    if is_denied(owner, module):
        fail(f"{where}: {owner} ({layer_name(owner_layer)}) {verb} {module}, which .ci/layers.txt denies it")
    elif layer is not None and layer > owner_layer:
        fail(f"{where}: {owner} ({layer_name(owner_layer)}) {verb} {module} ({layer_name(layer)}): "
             f"a module may only use its own layer or lower")

# --- (d) every target under Sources/ is in the map ------------------------------------------
targets = {target["name"]: target for target in describe["targets"]}
source_targets = {name: t for name, t in targets.items() if t["type"] != "test"}
for name, target in sorted(source_targets.items()):
    if name not in local_layers:
        fail(f"layer map: target {name} ({target['path']}) is missing from .ci/layers.txt")
for name in sorted(local_layers):
    if name not in source_targets:
        fail(f"layer map: .ci/layers.txt names {name}, which is not a target of Package.swift")

# --- (a) imports in the sources -------------------------------------------------------------
IMPORT = re.compile(
    r"^[ \t]*(?:(?:@\w+(?:\([^)\n]*\))?|public|package|internal|fileprivate|private)[ \t]+)*"
    r"import[ \t]+(?:(?:typealias|struct|class|enum|protocol|let|var|func)[ \t]+)?([A-Za-z_]\w*)",
    re.MULTILINE)
BLANKED = re.compile(r'/\*.*?\*/|"""[\s\S]*?"""', re.DOTALL)
checked_imports = 0
for name, target in sorted(source_targets.items()):
    directory = os.path.join(root, target["path"])
    for folder, _, files in sorted(os.walk(directory)):
        for file in sorted(files):
            if not file.endswith(".swift"):
                continue
            path = os.path.join(folder, file)
            text = open(path, encoding="utf-8", errors="replace").read()
            # Blank out block comments and multi-line strings, keeping the line numbers.
            text = BLANKED.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
            for match in IMPORT.finditer(text):
                checked_imports += 1
                line = text.count("\n", 0, match.start()) + 1
                where = f"{os.path.relpath(path, root)}:{line}"
                check_edge(name, match.group(1), where, "imports")

# --- (b) dependencies declared in Package.swift ---------------------------------------------
for name, target in sorted(source_targets.items()):
    for dependency in (target.get("target_dependencies") or []) + (target.get("product_dependencies") or []):
        check_edge(name, dependency, "Package.swift", "depends on")

# --- (c) excluded packages in a product's closure -------------------------------------------
# Which package provides each product a target names (from the manifest).
product_package = {}
for target in manifest["targets"]:
    for dependency in target.get("dependencies", []):
        if "product" in dependency:
            product_package[(target["name"], dependency["product"][0])] = dependency["product"][1]
        elif "byName" in dependency and dependency["byName"][0] not in targets:
            product_package[(target["name"], dependency["byName"][0])] = dependency["byName"][0]
identity = {}  # package name or identity (lower case) -> identity
package_edges = {}
def walk(node):
    for child in node.get("dependencies", []):
        identity[child["identity"].lower()] = child["identity"]
        identity[child["name"].lower()] = child["identity"]
        package_edges.setdefault(child["identity"], set()).update(d["identity"] for d in child["dependencies"])
        walk(child)
walk(graph)

products = {product["name"]: product for product in describe["products"]}
for product_name, banned in sorted(excluded.items()):
    if product_name not in products:
        fail(f"layer map: .ci/layers.txt excludes packages from product {product_name}, which does not exist")
        continue
    banned = {b.lower() for b in banned}
    # Breadth-first over targets, then products, then packages, remembering how we got there.
    parent, queue = {}, []
    for target_name in products[product_name]["targets"]:
        parent[("target", target_name)] = None
        queue.append(("target", target_name))
    while queue:
        node = queue.pop(0)
        kind, name = node
        successors = []
        if kind == "target":
            target = targets[name]
            successors += [("target", t) for t in target.get("target_dependencies") or []]
            for product in target.get("product_dependencies") or []:
                package = product_package.get((name, product), product)
                successors.append(("product", f"{product} ({identity.get(package.lower(), package)})"))
        elif kind == "product":
            package = name.rsplit("(", 1)[1].rstrip(")")
            successors.append(("package", package))
        else:
            successors += [("package", p) for p in sorted(package_edges.get(name, ()))]
        for successor in successors:
            if successor not in parent:
                parent[successor] = node
                queue.append(successor)
    for node in parent:
        if node[0] == "package" and node[1].lower() in banned:
            chain, step = [], node
            while step is not None:
                chain.append(step[1])
                step = parent[step]
            fail(f"product {product_name} links package {node[1]}, which .ci/layers.txt excludes: "
                 + " -> ".join(reversed(chain)))

if errors:
    for message in errors:
        print(f"layering violation: {message}", file=sys.stderr)
    print(f"layering check FAILED: {len(errors)} problem(s)", file=sys.stderr)
    sys.exit(1)
print(f"layering: OK ({len(local_layers)} modules, {checked_imports} imports, "
      f"products checked: {', '.join(sorted(excluded)) or 'none'})")
PY
