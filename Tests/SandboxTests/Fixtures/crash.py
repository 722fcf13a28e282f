"""Raises at tick 2 (exit status 1)."""
import attacklib


def attack(tick):
    raise SystemExit(3)


attacklib.run(attack)
