"""Writes up to 1 GiB to stderr at tick 2."""
import os
import attacklib


def attack(tick):
    block = b"e" * (1 << 20)
    for _ in range(1024):
        os.write(2, block)


attacklib.run(attack)
