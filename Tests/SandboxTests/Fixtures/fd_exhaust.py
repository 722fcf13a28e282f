"""Opens /dev/null until that fails (at most 100k), keeps them open, keeps answering."""
import os
import attacklib

held = []


def attack(tick):
    for _ in range(100000):
        try:
            held.append(os.open("/dev/null", os.O_RDONLY))
        except OSError as error:
            attacklib.result("fds", "stopped after %d: %s" % (len(held), error.strerror))
            return
    attacklib.result("fds", "UNLIMITED %d" % len(held))


attacklib.run(attack)
