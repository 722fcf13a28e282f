"""A small Chrome DevTools Protocol client for .ci/browser-test.sh (needs websocket-client).

Starts headless Chromium with a throw-away profile, opens one page, and offers navigate,
evaluate, wait_for, key presses, screenshots and the events a test needs: JavaScript dialogs
(auto-dismissed and recorded), console messages, uncaught exceptions and log entries (CSP
violations)."""
import base64
import json
import os
import re
import subprocess
import tempfile
import time

import websocket


class Browser:
    def __init__(self, binary="chromium", width=1280, height=900):
        self.profile = tempfile.mkdtemp(prefix="perparena-chromium.")
        args = [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--remote-debugging-port=0", "--user-data-dir=" + self.profile,
                "--window-size=%d,%d" % (width, height), "about:blank"]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        url = None
        deadline = time.time() + 60
        while time.time() < deadline and url is None:
            line = self.process.stderr.readline()
            if not line and self.process.poll() is not None:
                raise RuntimeError("chromium exited with status %s" % self.process.returncode)
            match = re.search(r"DevTools listening on (ws://\S+)", line)
            if match:
                url = match.group(1)
        if url is None:
            raise RuntimeError("chromium did not open its DevTools port")
        self.socket = websocket.create_connection(url, timeout=60)
        self.next_id = 0
        self.events = []
        self.dialogs = []
        self.console = []
        self.exceptions = []
        self.log = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(domain + ".enable", session=True)
        self.width, self.height = width, height
        self.viewport(width, height)

    def close(self):
        try:
            self.socket.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            subprocess.run(["rm", "-rf", self.profile])

    def call(self, method, params=None, session=False, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        self.socket.send(json.dumps(message))
        deadline = time.time() + timeout
        while time.time() < deadline:
            reply = self._receive(deadline - time.time())
            if reply is not None and reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
        raise TimeoutError(method)

    def _receive(self, timeout):
        self.socket.settimeout(max(0.05, timeout))
        try:
            message = json.loads(self.socket.recv())
        except websocket.WebSocketTimeoutException:
            return None
        method = message.get("method")
        if method:
            self._event(method, message.get("params", {}))
        return message

    def _event(self, method, params):
        self.events.append(method)
        if method == "Page.javascriptDialogOpening":
            self.dialogs.append(params.get("message", ""))
            self.socket.send(json.dumps({"id": 0, "method": "Page.handleJavaScriptDialog",
                                         "params": {"accept": False}, "sessionId": self.session}))
        elif method == "Runtime.consoleAPICalled":
            self.console.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            self.exceptions.append(params.get("exceptionDetails", {}).get("text", ""))
        elif method == "Log.entryAdded":
            self.log.append(params.get("entry", {}).get("text", ""))

    def pump(self, seconds):
        deadline = time.time() + seconds
        while time.time() < deadline:
            self._receive(deadline - time.time())

    def viewport(self, width, height, mobile=False):
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 2 if mobile else 1, "mobile": mobile},
                  session=True)

    def navigate(self, url, settle=0.3):
        self.events.clear()
        self.call("Page.navigate", {"url": url}, session=True)
        deadline = time.time() + 60
        while "Page.loadEventFired" not in self.events and time.time() < deadline:
            self._receive(deadline - time.time())
        self.pump(settle)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True},
                           session=True)
        if "exceptionDetails" in result:
            raise RuntimeError("evaluate %r: %s" % (expression, result["exceptionDetails"].get("text")))
        return result.get("result", {}).get("value")

    def wait_for(self, expression, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            self.pump(0.25)
        return None

    def key(self, key, code, key_code, text=None):
        for kind in ("keyDown", "keyUp"):
            event = {"type": kind, "key": key, "code": code, "windowsVirtualKeyCode": key_code}
            if text and kind == "keyDown":
                event["text"] = text
            self.call("Input.dispatchKeyEvent", event, session=True)

    def scripts_enabled(self, enabled):
        self.call("Emulation.setScriptExecutionDisabled", {"value": not enabled}, session=True)

    def screenshot(self, path):
        metrics = self.call("Page.getLayoutMetrics", session=True)
        size = metrics.get("cssContentSize") or metrics.get("contentSize")
        clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 6000), "scale": 1}
        data = self.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip},
                         session=True)["data"]
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(data))
