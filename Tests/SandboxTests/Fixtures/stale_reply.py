"""Answers every observation twice: first for the previous tick (stale), then properly, and
sends one log line per tick. Tick 3 gets 40 actions (over the limit)."""
import json
import sys
import attacklib

for raw in sys.stdin:
    msg = json.loads(raw)
    if msg.get("type") == "end":
        break
    if msg.get("type") != "observation":
        continue
    tick = msg["tick"]
    attacklib.reply(tick - 1, [{"action": "cancel_all", "symbol": "STALE"}])
    attacklib.log("tick %d" % tick)
    actions = [{"action": "cancel_all"}] * (40 if tick == 3 else 1)
    attacklib.reply(tick, actions)
