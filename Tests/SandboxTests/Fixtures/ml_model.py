"""Loads a large model file from the bundle with numpy (python-ml runtime) before its first reply,
then answers every tick with a prediction-derived log line."""
import json
import os
import sys
import time

started = time.monotonic()
import numpy as np  # noqa: E402

weights = np.fromfile(os.path.join(os.environ["PERPARENA_BUNDLE"], "model.bin"), dtype=np.float32)
loaded = time.monotonic() - started
out = sys.stdout
for raw in sys.stdin:
    msg = json.loads(raw)
    if msg["type"] == "observation":
        if msg["tick"] == 1:
            out.write(json.dumps({"type": "log", "message": "RESULT model numpy %s %d bytes %.2f s sum %.1f threads %s" % (
                np.__version__, weights.nbytes, loaded, float(weights[:1000].sum()),
                os.environ.get("OPENBLAS_NUM_THREADS"))}) + "\n")
        out.write(json.dumps({"type": "actions", "tick": msg["tick"], "actions": []}) + "\n")
    elif msg["type"] == "end":
        break
    out.flush()
