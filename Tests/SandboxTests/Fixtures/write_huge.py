"""Writes a huge file to scratch (must stop at the cap), then tries to write everywhere else."""
import os
import attacklib


def attack(tick):
    written = 0
    try:
        with open("/scratch/huge", "wb") as f:
            block = b"w" * (1 << 20)
            for _ in range(2048):
                f.write(block)
                written += 1
        attacklib.result("scratch", "UNLIMITED %d MiB" % written)
    except OSError as error:
        attacklib.result("scratch", "stopped at %d MiB: %s" % (written, error.strerror))
    finally:
        try:
            os.remove("/scratch/huge")
        except OSError:
            pass
    for directory in ["/", "/bot", "/usr", "/etc", "/dev", "/proc"] + attacklib.targets().get("write", []):
        path = os.path.join(directory, "arena-escape-marker")
        try:
            with open(path, "w") as f:
                f.write("escaped")
            attacklib.result("write " + directory, "ESCAPED")
        except OSError as error:
            attacklib.result("write " + directory, "DENIED %s" % error.strerror)


attacklib.run(attack)
