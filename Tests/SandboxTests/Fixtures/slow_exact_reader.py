#!/usr/bin/python3
"""Reads its stdin late (so the host's writes to it are partial and queued) and checks every
observation arrived byte for byte: "pad" must be nx "x" then ny "y". Answers the tick when it
did, and a line that is not the protocol when it did not (the host then faults it)."""
import json
import sys
import time

time.sleep(0.3)
out = sys.stdout
for raw in sys.stdin:
    msg = json.loads(raw)
    if msg["type"] == "observation":
        pad = msg["pad"]
        intact = pad == "x" * msg["nx"] + "y" * msg["ny"]
        out.write(json.dumps({"type": "actions", "tick": msg["tick"], "actions": []}) if intact else "torn line")
        out.write("\n")
        out.flush()
        time.sleep(0.01)
    elif msg["type"] == "end":
        break
