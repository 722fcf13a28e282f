"""Starts threads until that fails (at most 2000), each sleeping 30 s; then keeps answering."""
import threading
import time
import attacklib


def attack(tick):
    count = 0
    for _ in range(2000):
        try:
            threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
        except (RuntimeError, OSError) as error:
            attacklib.result("threads", "stopped after %d: %s" % (count, error))
            return
        count += 1
    attacklib.result("threads", "UNLIMITED %d" % count)


attacklib.run(attack)
