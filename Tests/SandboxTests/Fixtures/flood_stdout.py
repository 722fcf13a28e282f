"""Writes up to 1 GiB to stdout without a newline at tick 2."""
import os
import attacklib


def attack(tick):
    block = b"x" * (1 << 20)
    for _ in range(1024):
        os.write(1, block)


attacklib.run(attack)
