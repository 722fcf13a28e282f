#!/bin/sh
# Container entrypoint. For a sandboxed runner (root, private cgroup namespace, writable
# /sys/fs/cgroup) it first moves itself into a leaf cgroup: cgroup v2 refuses to enable
# controllers for child groups of a group that still holds processes, and the sandbox helper
# enables memory/pids/cpu under /sys/fs/cgroup/arena. Everything else is exec'd unchanged.
set -eu
if [ "$(id -u)" = 0 ] && [ -w /sys/fs/cgroup/cgroup.procs ] && [ ! -e /sys/fs/cgroup/init ]; then
    mkdir -p /sys/fs/cgroup/init 2>/dev/null || true
    # Move every process of this (fresh) cgroup namespace into the leaf; ignore races.
    while read -r pid; do echo "$pid" > /sys/fs/cgroup/init/cgroup.procs 2>/dev/null || true; done \
        < /sys/fs/cgroup/cgroup.procs || true
fi
exec "$@"
