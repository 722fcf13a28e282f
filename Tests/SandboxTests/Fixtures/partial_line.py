"""At tick 2 sends half a reply and sleeps past the deadline (0.5 s in the tests); at tick 3 sends the other half
(which, glued on, would be a valid reply for tick 3) and then answers normally. The host must
drop the fragment, count one miss, and accept the later proper replies."""
import json
import sys
import time
import attacklib

out = attacklib._out
for raw in sys.stdin:
    msg = json.loads(raw)
    if msg.get("type") == "end":
        break
    if msg.get("type") != "observation":
        continue
    tick = msg["tick"]
    if tick == 2:
        out.write('{"type":"actions","tick":3,')
        out.flush()
        time.sleep(0.6)
        continue
    if tick == 3:
        out.write('"actions":[{"action":"cancel_all"}]}\n')
        out.flush()
    attacklib.reply(tick)
