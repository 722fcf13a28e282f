"""Answers tick 2 with garbage instead of JSON."""
import attacklib


def attack(tick):
    attacklib._out.write("\x00\xff not json at all {{{\n")
    attacklib._out.flush()


attacklib.run(attack)
