"""Logs every line of its mount tables (tick 1): nothing in them may name the host."""
import attacklib


def attack(tick):
    for path in ("/proc/self/mountinfo", "/proc/self/mounts", "/proc/self/cgroup"):
        try:
            with open(path) as f:
                for line in f:
                    attacklib.log("MOUNT %s %s" % (path, line.rstrip("\n")))
        except OSError as error:
            attacklib.result(path, "denied %s" % error.__class__.__name__)


attacklib.run(attack, attack_tick=1)
