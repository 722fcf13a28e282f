#!/usr/bin/python3
"""Reference bot without the SDK: answers every observation with no actions, logs once."""
import json
import sys

out = sys.stdout
for raw in sys.stdin:
    msg = json.loads(raw)
    if msg["type"] == "hello":
        out.write(json.dumps({"type": "log", "message": "hello " + msg["team"]}) + "\n")
    elif msg["type"] == "observation":
        out.write(json.dumps({"type": "actions", "tick": msg["tick"], "actions": []}) + "\n")
    elif msg["type"] == "end":
        break
    out.flush()
