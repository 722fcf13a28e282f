"""Sends 100k short log lines at tick 2."""
import attacklib


def attack(tick):
    line = ('{"type":"log","message":"spam"}\n') * 1000
    for _ in range(100):
        attacklib._out.write(line)
    attacklib._out.flush()


attacklib.run(attack)
