"""Tries to read host files: /etc/shadow, the project tree, other teams' bundles, /root."""
import os
import attacklib


def attack(tick):
    paths = ["/etc/shadow", "/etc/passwd", "/root", "/proc/1/environ", "/proc/1/cmdline"]
    paths += attacklib.targets().get("read", [])
    for path in paths:
        try:
            if os.path.isdir(path):
                found = ",".join(sorted(os.listdir(path))[:20])
            else:
                with open(path, "rb") as f:
                    found = f.read(200).decode("latin-1")
            attacklib.result("read " + path, "READ " + found)
        except OSError as error:
            attacklib.result("read " + path, "DENIED %s" % error.strerror)


attacklib.run(attack)
