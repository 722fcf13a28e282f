"""An honest bot that needs a few tasks: starts 4 threads at tick 1, then answers every tick.
Fails (no reply at tick 1) when its uid is at RLIMIT_NPROC because of somebody else's processes."""
import threading
import time
import attacklib


def attack(tick):
    threads = [threading.Thread(target=time.sleep, args=(0.05,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    attacklib.result("threads", "started %d" % len(threads))


attacklib.run(attack, attack_tick=1)
