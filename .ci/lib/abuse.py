"""Hostile clients for .ci/abuse-test.sh. Loopback only: every client binds a 127.x.y.z source
address (Linux routes all of 127.0.0.0/8 to lo), so one machine plays many client addresses.
Every mode is bounded in requests, connections and time, and prints one JSON object.

    abuse.py uploads  PORT TOKEN SOURCE FILE...          # all at once, one thread each
    abuse.py flood    PORT PATH COUNT SOURCE [bogus]     # sequential keep-alive GETs
    abuse.py get      PORT PATH SOURCE [TOKEN]           # one GET
    abuse.py pages    PORT CONTEST FIRST COUNT SOURCES THREADS  # ?page=FIRST..FIRST+COUNT-1
    abuse.py slowloris PORT COUNT SOURCE WAIT            # headers byte by byte, then stalled
    abuse.py sse      PORT PATH COUNT SOURCE OTHER       # COUNT streams from SOURCE, 1 from OTHER
"""
import http.client
import json
import secrets
import socket
import sys
import threading
import time

HOST = "127.0.0.1"


def connection(port, source, timeout=30):
    return http.client.HTTPConnection(HOST, int(port), timeout=timeout, source_address=(source, 0))


def request(conn, method, path, headers=None, body=None):
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    return response.status, dict(response.getheaders()), data


def uploads(port, token, source, files):
    results = [None] * len(files)
    barrier = threading.Barrier(len(files))

    def upload(index, path):
        body = open(path, "rb").read()
        conn = connection(port, source, timeout=120)
        barrier.wait()
        try:
            status, headers, data = request(
                conn, "POST", "/v1/submissions",
                {"Authorization": "Bearer " + token, "Content-Type": "application/gzip"}, body)
            lowered = {k.lower(): v for k, v in headers.items()}
            try:
                submission = json.loads(data).get("id")
            except (ValueError, AttributeError):
                submission = None
            results[index] = {"status": status, "retry_after": lowered.get("retry-after"), "id": submission,
                              "body": data.decode("utf-8", "replace")[:300]}
        except Exception as error:
            results[index] = {"status": 0, "retry_after": None, "body": str(error)[:300]}

    threads = [threading.Thread(target=upload, args=(i, f)) for i, f in enumerate(files)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({"results": results}))


def flood(port, path, count, source, bogus):
    statuses = []
    conn = connection(port, source)
    for _ in range(count):
        headers = {"Authorization": "Bearer pa_team_" + secrets.token_hex(16)} if bogus else {}
        try:
            status, _, _ = request(conn, "GET", path, headers)
        except Exception:
            conn.close()
            conn = connection(port, source)
            status = 0
        statuses.append(status)
    print(json.dumps({"statuses": statuses}))


def get(port, path, source, token=None):
    conn = connection(port, source)
    try:
        status, _, data = request(conn, "GET", path, {"Authorization": "Bearer " + token} if token else {})
    except Exception as error:
        status, data = 0, str(error).encode()
    print(json.dumps({"status": status, "body": data.decode("utf-8", "replace")[:300]}))


def pages(port, contest, first, count, sources, threads):
    counts = {}
    lock = threading.Lock()
    pages_left = list(range(first, first + count))

    def worker(n):
        source = "127.0.1.%d" % (1 + n % sources)
        conn = connection(port, source)
        while True:
            with lock:
                if not pages_left:
                    return
                page = pages_left.pop()
            try:
                status, _, _ = request(conn, "GET", "/v1/contests/%s/leaderboard?page=%d" % (contest, page))
            except Exception:
                conn.close()
                conn = connection(port, source)
                status = 0
            with lock:
                counts[status] = counts.get(status, 0) + 1

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    print(json.dumps({"statuses": {str(k): v for k, v in sorted(counts.items())}}))


def slowloris(port, count, source, wait):
    request_bytes = b"GET /v1/contests HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\n"
    sockets = []
    for _ in range(count):
        s = socket.create_connection((HOST, int(port)), timeout=5, source_address=(source, 0))
        sockets.append(s)
    opened = time.time()
    # Byte by byte, 0.1 s apart, on every connection at once (about 6 s), then stall before
    # the blank line that would end the headers.
    for byte in request_bytes:
        for s in sockets:
            try:
                s.send(bytes([byte]))
            except OSError:
                pass
        time.sleep(0.1)
    # The server still answers others meanwhile.
    healthy = False
    try:
        conn = connection(port, "127.0.0.2", timeout=10)
        status, _, _ = request(conn, "GET", "/healthz")
        healthy = status == 200
    except Exception:
        pass
    closed_at = {}
    for s in sockets:
        s.setblocking(False)
    deadline = opened + wait
    while time.time() < deadline and len(closed_at) < len(sockets):
        for index, s in enumerate(sockets):
            if index in closed_at:
                continue
            try:
                data = s.recv(4096)
                if data == b"" or data.startswith(b"HTTP/1.1 408") or data.startswith(b"HTTP/1.1 400"):
                    closed_at[index] = time.time() - opened
            except BlockingIOError:
                pass
            except OSError:
                closed_at[index] = time.time() - opened
        time.sleep(0.25)
    for s in sockets:
        s.close()
    times = sorted(closed_at.values())
    print(json.dumps({"opened": len(sockets), "closed": len(closed_at), "healthy_meanwhile": healthy,
                      "first_closed_s": round(times[0], 1) if times else None,
                      "last_closed_s": round(times[-1], 1) if times else None}))


def status_line(s):
    data = b""
    while b"\r\n" not in data and len(data) < 4096:
        chunk = s.recv(1024)
        if not chunk:
            break
        data += chunk
    parts = data.split(b" ", 2)
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0


def sse(port, path, count, source, other):
    raw = ("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n" % path).encode()
    sockets, statuses = [], {}
    for _ in range(count):
        try:
            s = socket.create_connection((HOST, int(port)), timeout=10, source_address=(source, 0))
            s.sendall(raw)
            status = status_line(s)
        except OSError:
            s, status = None, 0
        statuses[status] = statuses.get(status, 0) + 1
        if s is not None:
            sockets.append(s)
    try:
        s = socket.create_connection((HOST, int(port)), timeout=10, source_address=(other, 0))
        s.sendall(raw)
        other_status = status_line(s)
        sockets.append(s)
    except OSError:
        other_status = 0
    for s in sockets:
        s.close()
    print(json.dumps({"statuses": {str(k): v for k, v in sorted(statuses.items())}, "other_address": other_status}))


mode, args = sys.argv[1], sys.argv[2:]
if mode == "uploads":
    uploads(args[0], args[1], args[2], args[3:])
elif mode == "flood":
    flood(args[0], args[1], int(args[2]), args[3], len(args) > 4 and args[4] == "bogus")
elif mode == "get":
    get(args[0], args[1], args[2], args[3] if len(args) > 3 else None)
elif mode == "pages":
    pages(args[0], args[1], int(args[2]), int(args[3]), int(args[4]), int(args[5]))
elif mode == "slowloris":
    slowloris(args[0], int(args[1]), args[2], float(args[3]))
elif mode == "sse":
    sse(args[0], args[1], int(args[2]), args[3], args[4])
else:
    sys.exit("unknown mode " + mode)
