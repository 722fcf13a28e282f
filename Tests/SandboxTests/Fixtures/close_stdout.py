"""Closes stdout at tick 2 and stays alive (up to 60 s)."""
import os
import sys
import time
import attacklib


def attack(tick):
    sys.stdout.flush()
    os.close(1)
    time.sleep(60)


attacklib.run(attack)
