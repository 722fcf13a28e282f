"""Idempotent reads against a live API until a stop file appears (used by .ci/db-restart-test.sh).

    python3 reader.py HOST PORT TARGETS_FILE STOP_FILE OUT_FILE [THREADS]

TARGETS_FILE holds one "PATH [TOKEN]" per line. Each thread cycles through the targets, one new
connection per request (20 s timeout), and appends "START_EPOCH SECONDS STATUS PATH" to OUT_FILE
(status 0: no answer). Bounded: stops at the stop file or after 15 minutes.
"""
import http.client
import os
import sys
import threading
import time

host, port, targets_file, stop_file, out_file = sys.argv[1:6]
threads = int(sys.argv[6]) if len(sys.argv) > 6 else 2
targets = []
for line in open(targets_file):
    parts = line.split()
    if parts:
        targets.append((parts[0], parts[1] if len(parts) > 1 else None))
lock = threading.Lock()
out = open(out_file, "a", buffering=1)
deadline = time.time() + 900


def worker(offset):
    index = offset
    while not os.path.exists(stop_file) and time.time() < deadline:
        path, token = targets[index % len(targets)]
        index += 1
        started = time.time()
        try:
            connection = http.client.HTTPConnection(host, int(port), timeout=20)
            connection.request("GET", path, headers={"Authorization": "Bearer " + token} if token else {})
            response = connection.getresponse()
            response.read()
            status = response.status
            connection.close()
        except Exception:
            status = 0
        with lock:
            out.write(f"{started:.3f} {time.time() - started:.3f} {status} {path}\n")
        time.sleep(0.05)


pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
for thread in pool:
    thread.start()
for thread in pool:
    thread.join()
