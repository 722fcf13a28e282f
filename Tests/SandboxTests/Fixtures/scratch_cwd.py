"""A well-behaved bot that writes next to where it runs: the working directory must be the
writable scratch (capped), the bundle read-only at $PERPARENA_BUNDLE, and only the standard
library (no host dist-packages) importable."""
import os
import sys

import attacklib


def attack(tick):
    cwd = os.getcwd()
    bundle = os.environ.get("PERPARENA_BUNDLE", "")
    try:
        with open("cache.txt", "w") as f:
            f.write("hello")
        with open(os.path.join(cwd, "cache.txt")) as f:
            attacklib.result("cwd", "WRITABLE %s %s" % (cwd, f.read()))
    except OSError as error:
        attacklib.result("cwd", "FAILED %s %s" % (cwd, error))
    attacklib.result("bundle", "AT %s %s" % (bundle, "HAS scratch_cwd.py" if os.path.exists(
        os.path.join(bundle, "scratch_cwd.py")) else "MISSING"))
    try:
        open(os.path.join(bundle, "written.txt"), "w").write("x")
        attacklib.result("bundle-write", "ALLOWED")
    except OSError as error:
        attacklib.result("bundle-write", "DENIED %s" % error.strerror)
    for module in ["six", "yaml", "requests", "numpy"]:
        try:
            __import__(module)
            attacklib.result("import " + module, "IMPORTED")
        except ImportError:
            attacklib.result("import " + module, "DENIED")
    packages = [p for p in sys.path if "packages" in p]
    attacklib.result("syspath", "PACKAGES %s" % packages if packages else "CLEAN")
    for directory in ["/usr/lib/python3/dist-packages"]:
        try:
            attacklib.result("listdir " + directory, "SEES %d" % len(os.listdir(directory)))
        except OSError as error:
            attacklib.result("listdir " + directory, "DENIED %s" % error.strerror)
    written = 0
    chunk = b"\0" * (1 << 20)
    try:
        with open("fill.bin", "wb") as f:
            while written < (256 << 20):
                f.write(chunk)
                f.flush()
                written += len(chunk)
        attacklib.result("cap", "UNLIMITED %d MiB" % (written >> 20))
    except OSError as error:
        attacklib.result("cap", "stopped at %d MiB: %s" % (written >> 20, error.strerror))
    os.remove("fill.bin")


attacklib.run(attack)
