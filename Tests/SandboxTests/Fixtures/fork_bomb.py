"""Forks until fork fails (at most 2000 children), children sleep 30 s; then keeps answering."""
import os
import time
import attacklib


def attack(tick):
    count = 0
    for _ in range(2000):
        try:
            pid = os.fork()
        except OSError as error:
            attacklib.result("fork", "stopped after %d: %s" % (count, error))
            return
        if pid == 0:
            time.sleep(30)
            os._exit(0)
        count += 1
    attacklib.result("fork", "UNLIMITED %d" % count)


attacklib.run(attack)
