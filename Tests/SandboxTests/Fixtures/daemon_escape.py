"""Double-forks a setsid daemon that lives 60 s and tries to outlive the run."""
import os
import time
import attacklib


def attack(tick):
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            for fd in range(0, 3):
                try:
                    os.close(fd)
                except OSError:
                    pass
            time.sleep(60)
            os._exit(0)
        os._exit(0)
    os.wait()
    attacklib.result("daemon", "started")


attacklib.run(attack)
