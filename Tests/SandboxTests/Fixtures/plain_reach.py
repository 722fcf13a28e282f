"""Plain mode (same uid as the runner): what of the runner can the bot reach? Probes the paths
and pids in targets.json; every probe must be refused."""
import os
import signal
import attacklib


def probe(what, action):
    try:
        value = action()
        attacklib.result(what, "REACHED %s" % str(value)[:200])
    except OSError as error:
        attacklib.result(what, "denied %s" % error.__class__.__name__)


def attack(tick):
    targets = attacklib.targets()
    for path in targets.get("read", []):
        probe("read " + path, lambda: open(path, "rb").read(64) if os.path.isfile(path) else os.listdir(path))
    for pid in targets.get("pids", []):
        probe("environ " + pid, lambda: open("/proc/%s/environ" % pid, "rb").read(64))
        probe("signal " + pid, lambda: os.kill(int(pid), 0))
    home = os.environ.get("HOME", "")
    attacklib.result("home", home)
    attacklib.result("environment", " ".join(sorted(os.environ)))
    try:
        with open(os.path.join(home, "scratch.txt"), "w") as f:
            f.write("ok")
        attacklib.result("scratch", "writable")
    except OSError as error:
        attacklib.result("scratch", "denied %s" % error.__class__.__name__)


attacklib.run(attack)
