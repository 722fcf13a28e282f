"""Shared loop for the attack bots: speak the protocol, attack once at a chosen tick.

Every attack is bounded (time, tasks, bytes) so that it cannot hurt the machine even if it
were run without a sandbox. Findings are reported as log lines "RESULT <what> <outcome>".
"""
import json
import os
import sys

_out = sys.stdout


def send(obj):
    _out.write(json.dumps(obj) + "\n")
    _out.flush()


def log(message):
    send({"type": "log", "message": str(message)[:2000]})


def result(what, outcome):
    log("RESULT %s %s" % (what, outcome))


def reply(tick, actions=()):
    send({"type": "actions", "tick": tick, "actions": list(actions)})


def targets():
    """Host paths the test wants probed, from targets.json in the bundle (if any)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "targets.json")
    try:
        with open(path) as f:
            return json.load(f)
    except OSError:
        return {}


def run(attack, attack_tick=2):
    """Answers every observation; runs attack(tick) once, before answering attack_tick."""
    for raw in sys.stdin:
        msg = json.loads(raw)
        kind = msg.get("type")
        if kind == "observation":
            if msg["tick"] == attack_tick:
                attack(msg["tick"])
            reply(msg["tick"])
        elif kind == "end":
            return
