"""Signals its parent, pid 1, every visible pid, and everything (-1)."""
import os
import signal
import attacklib


def attack(tick):
    me = os.getpid()
    for pid in [os.getppid(), 1] + [int(p) for p in os.listdir("/proc") if p.isdigit()]:
        if pid in (me, 0):
            continue
        try:
            os.kill(pid, signal.SIGKILL)
            attacklib.result("kill %d" % pid, "KILLED")
        except OSError as error:
            attacklib.result("kill %d" % pid, "DENIED %s" % error.strerror)
    for target in attacklib.targets().get("pids", []):
        try:
            os.kill(int(target), signal.SIGKILL)
            attacklib.result("kill host %s" % target, "KILLED")
        except OSError as error:
            attacklib.result("kill host %s" % target, "DENIED %s" % error.strerror)
    try:
        os.kill(-1, signal.SIGKILL)  # kills every process we may signal, ourselves included
    except OSError as error:
        attacklib.result("kill -1", "DENIED %s" % error.strerror)


attacklib.run(attack)
