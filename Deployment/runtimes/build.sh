#!/usr/bin/env bash
# Builds a bot runtime from its lock file, reproducibly, at a fixed path.
#
#   Deployment/runtimes/build.sh NAME [--prefix DIR] [--python PY] [--wheels DIR] [--check]
#
# NAME         a directory next to this script holding requirements.lock (e.g. python-ml)
# --prefix     where the runtime goes (default /opt/perparena/runtimes/NAME, or
#              $ARENA_RUNTIMES_DIR/NAME); the runner mounts it read-only into the sandbox
# --python     the interpreter the sandbox runs (default /usr/bin/python3); the lock pins wheels
#              for its version (cp311 for Debian 12's 3.11)
# --wheels     install from this directory of wheels instead of PyPI (offline hosts); the
#              hashes are checked all the same
# --check      rebuild into a temporary directory and compare with the installed runtime:
#              exit 0 when the lock hash and the installed file list hash are the same
#
# Result: DIR/site-packages (the packages, bytecode compiled with unchecked hashes, so no
# timestamps), DIR/runtime.json (the identity: name, lock_sha256, python version, files_sha256 =
# SHA-256 over every installed file's path and SHA-256, file count, bytes). Built into DIR.new and
# renamed, so a runner never sees half a runtime. Installing with the same lock on the same
# Python gives the same files_sha256 (pip --require-hashes --no-deps --only-binary=:all:).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
name="${1:-}"
[[ -n "$name" && "$name" != -* ]] || { sed -n '2,20p' "$0" >&2; exit 2; }
shift
prefix="${ARENA_RUNTIMES_DIR:-/opt/perparena/runtimes}/$name"
python=/usr/bin/python3
wheels=""
check=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --python) python="$2"; shift 2 ;;
    --wheels) wheels="$2"; shift 2 ;;
    --check) check=1; shift ;;
    *) echo "build.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
lock="$here/$name/requirements.lock"
[[ -f "$lock" ]] || { echo "build.sh: no lock file $lock" >&2; exit 2; }
[[ -x "$python" ]] || { echo "build.sh: $python is not an executable Python" >&2; exit 2; }

lock_sha=$(sha256sum "$lock" | cut -d' ' -f1)
version=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
target="$prefix.new.$$"
if [[ $check == 1 ]]; then target="$(mktemp -d)/$name"; fi
rm -rf "$target"
mkdir -p "$target/site-packages"
trap 'rm -rf "$target"' ERR

started=$(date +%s)
source_args=()
if [[ -n "$wheels" ]]; then source_args=(--no-index --find-links "$wheels"); fi
# --target installs into a plain directory (no venv, no scripts on PATH that matter); the host's
# site-packages are never consulted (--no-deps: the lock lists every dependency).
PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONNOUSERSITE=1 "$python" -m pip install --quiet \
  --require-hashes --no-deps --only-binary=:all: --no-compile --no-cache-dir \
  --target "$target/site-packages" "${source_args[@]}" -r "$lock"
# Console scripts name the build path in their shebang; bots never run them.
rm -rf "$target/site-packages/bin"
# Bytecode with unchecked hashes: no source timestamps inside, so two builds are byte-identical,
# and the read-only runtime never needs to write bytecode at import time.
# The source paths inside are the final ones (-s/-p), whatever directory this build runs in.
"$python" -m compileall -q -j 0 --invalidation-mode unchecked-hash \
  -s "$target/site-packages" -p "$prefix/site-packages" "$target/site-packages" >/dev/null
# RECORD files list the .pyc files pip did not write; they are metadata only. Drop the direct
# install marker pip writes with the build path.
find "$target/site-packages" -name direct_url.json -delete
chmod -R a+rX,go-w "$target"

files_sha=$(cd "$target/site-packages" && find . -type f -print0 | LC_ALL=C sort -z \
  | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
count=$(find "$target/site-packages" -type f | wc -l)
bytes=$(du -sb "$target/site-packages" | cut -f1)
cat >"$target/runtime.json" <<EOF
{"name":"$name","lock_sha256":"$lock_sha","python":"$version","python_path":"$python","files_sha256":"$files_sha","files":$count,"bytes":$bytes,"site_packages":"site-packages"}
EOF
elapsed=$(($(date +%s) - started))

if [[ $check == 1 ]]; then
  installed="$prefix/runtime.json"
  trap - ERR
  if [[ ! -f "$installed" ]]; then
    echo "build.sh --check: no runtime installed at $prefix" >&2
    rm -rf "$(dirname "$target")"
    exit 1
  fi
  theirs=$("$python" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["lock_sha256"], d["files_sha256"])' "$installed")
  rm -rf "$(dirname "$target")"
  if [[ "$theirs" == "$lock_sha $files_sha" ]]; then
    echo "$name: identical (lock $lock_sha, files $files_sha)"
    exit 0
  fi
  echo "$name: differs: installed $theirs, rebuilt $lock_sha $files_sha" >&2
  exit 1
fi

rm -rf "$prefix.old"
if [[ -d "$prefix" ]]; then mv "$prefix" "$prefix.old"; fi
mv "$target" "$prefix"
rm -rf "$prefix.old"
trap - ERR
echo "$name: installed at $prefix in ${elapsed}s: lock sha256 $lock_sha, files sha256 $files_sha ($count files, $((bytes / 1048576)) MiB)"
