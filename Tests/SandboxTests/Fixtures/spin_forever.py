"""Busy-loops for up to 60 s at tick 2 (deadline strikes must fault it long before)."""
import time
import attacklib


def attack(tick):
    end = time.monotonic() + 60
    while time.monotonic() < end:
        pass


attacklib.run(attack)
