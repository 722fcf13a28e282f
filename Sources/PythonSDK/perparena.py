"""PerpArena Python SDK: one file, standard library only.

Write a class with ``on_tick`` and hand it to ``run``::

    import perparena as pa

    class MyBot(pa.Bot):
        def on_tick(self, obs):
            market = obs.market("BTC-PERP")
            if market.best_bid is None:
                return []
            return [pa.place("BTC-PERP", "buy", "0.001", price=market.best_bid, tif="post_only")]

    pa.run(MyBot())

The SDK speaks protocol v1 (docs/BOT-PROTOCOL.md): it reads ``hello``, ``observation`` and
``end`` lines from stdin and answers every observation with exactly one ``actions`` line that
echoes the tick. Prices, quantities and money arrive as decimal strings and are exposed as
``decimal.Decimal``; pass ``Decimal``, ``str`` or ``int`` back (never ``float``: it would be
rounded and rejected off the grid).

``print()`` is safe: the SDK moves the protocol off ``sys.stdout`` and sends your prints to
stderr (kept, capped, shown to your team only). ``log()`` sends a short line to your run report.
An exception in ``on_tick`` is printed to stderr and answered with no actions, so a bug costs
one tick, not the contest.

Files: the bot starts in a writable, size-capped scratch directory (its working directory, also
``HOME`` and ``TMPDIR``); the bundle is read-only at ``BUNDLE_DIR`` (``$PERPARENA_BUNDLE``,
``/bot`` in the sandbox). Load model files with ``pa.bundle_path("model.txt")``.

Decisions: put ``pa.decision(model=..., output=..., rationale=..., confidence=...)`` in the list
``on_tick`` returns, next to the orders it explains. The runner records it in the transcript,
bound to the client ids of those orders (the SDK numbers orders that have none)::

    return [pa.place("BTC-PERP", "buy", "0.001"),
            pa.decision("lgbm-direction", "up p=0.71", version="3", confidence="0.71",
                        inputs="ret_5=0.0012", rationale="momentum and tight spread")]
"""

import hashlib
import json
import os
import sys
import traceback
from decimal import Decimal, InvalidOperation

PROTOCOL_VERSION = 1

__all__ = [
    "Bot", "run", "place", "cancel", "cancel_all", "set_leverage", "log", "to_decimal", "Decimal",
    "PROTOCOL_VERSION", "decision", "digest", "bundle_path", "BUNDLE_DIR", "RUNTIME", "llm",
]

#: The read-only bundle directory (``$PERPARENA_BUNDLE``; ``/bot`` in the sandbox). The working
#: directory is a writable scratch directory, not the bundle.
BUNDLE_DIR = os.environ.get("PERPARENA_BUNDLE") or os.path.dirname(os.path.abspath(sys.argv[0] or "."))
#: The runtime the bot runs in (``python`` or an installed one such as ``python-ml``).
RUNTIME = os.environ.get("PERPARENA_RUNTIME", "python")


def bundle_path(*parts):
    """Path of a file shipped in the bundle, e.g. ``bundle_path("model.txt")``."""
    return os.path.join(BUNDLE_DIR, *parts)


# ----------------------------------------------------------------------------- values

def to_decimal(value):
    """Decimal from a wire string (or None)."""
    if value is None:
        return None
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError):
        return None


def _wire(value):
    """A decimal string for the wire; refuses floats, NaN and infinities."""
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError("use Decimal or str for prices and quantities, not %r" % (value,))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("not a finite decimal: %r" % (value,))
        text = format(value, "f")
    else:
        text = str(value)
    return text


class _View(dict):
    """A dict whose keys can also be read as attributes (``obs.tick``)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def _wrap(value):
    if isinstance(value, dict):
        return _View((k, _wrap(v)) for k, v in value.items())
    if isinstance(value, list):
        return [_wrap(v) for v in value]
    return value


class Market(_View):
    """One instrument in an observation, with Decimal conveniences."""

    @property
    def best_bid(self):
        return to_decimal(self["bids"][0][0]) if self.get("bids") else None

    @property
    def best_ask(self):
        return to_decimal(self["asks"][0][0]) if self.get("asks") else None

    @property
    def mid(self):
        bid, ask = self.best_bid, self.best_ask
        return (bid + ask) / 2 if bid is not None and ask is not None else None

    @property
    def mark_price(self):
        return to_decimal(self.get("mark"))

    def levels(self, side):
        """[(price, qty), ...] as Decimals for "bids" or "asks"."""
        return [(Decimal(p), Decimal(q)) for p, q in self.get(side, [])]


class Observation(_View):
    """One tick: ``tick``, ``time_ms``, ``markets`` and ``account`` (see the protocol docs)."""

    def market(self, symbol):
        for m in self["markets"]:
            if m["symbol"] == symbol:
                return m
        return None

    def position(self, symbol):
        """Signed position size as a Decimal (0 when flat)."""
        for p in self["account"]["positions"]:
            if p["symbol"] == symbol:
                return Decimal(p["size"])
        return Decimal(0)

    def open_orders(self, symbol=None):
        return [o for o in self["account"]["open_orders"] if symbol is None or o["symbol"] == symbol]

    @property
    def equity(self):
        return Decimal(self["account"]["equity"])


def _observation(msg):
    obs = Observation((k, _wrap(v)) for k, v in msg.items())
    obs["markets"] = [Market(m) for m in obs["markets"]]
    return obs


# ----------------------------------------------------------------------------- actions

def place(symbol, side, quantity, price=None, type=None, tif=None, reduce_only=None, client_id=None):
    """A place action. ``type`` defaults to "limit" with a price, "market" without."""
    if side not in ("buy", "sell"):
        raise ValueError("side must be 'buy' or 'sell'")
    action = {"action": "place", "symbol": symbol, "side": side,
              "type": type or ("limit" if price is not None else "market"), "quantity": _wire(quantity)}
    if price is not None:
        action["price"] = _wire(price)
    if tif is not None:
        action["tif"] = tif
    if reduce_only is not None:
        action["reduce_only"] = bool(reduce_only)
    if client_id is not None:
        action["client_id"] = int(client_id)
    return action


def cancel(symbol, order_id):
    return {"action": "cancel", "symbol": symbol, "order_id": int(order_id)}


def cancel_all(symbol=None):
    action = {"action": "cancel_all"}
    if symbol is not None:
        action["symbol"] = symbol
    return action


def set_leverage(symbol, leverage):
    return {"action": "set_leverage", "symbol": symbol, "leverage": int(leverage)}


_DECISION_LIMITS = {"model": 64, "version": 64, "inputs_digest": 128, "inputs": 512, "output": 256,
                    "rationale": 1024}


def _clip(text, limit):
    data = str(text).encode("utf-8")[:limit]
    return data.decode("utf-8", "ignore")


def decision(model, output, version=None, inputs=None, inputs_digest=None, rationale=None, confidence=None,
             client_ids=None):
    """The decision behind the orders of this reply (docs/BOT-PROTOCOL.md, "decision").

    Return it in the list of actions. ``confidence`` is a number or decimal string from 0 to 1;
    texts are cut to the protocol's limits (rationale: 1024 bytes); a confidence that is not a
    finite number (a model's NaN) is left out. Without ``client_ids`` it is bound to every order
    of the reply."""
    fields = {"model": model, "output": output, "version": version, "inputs": inputs,
              "inputs_digest": inputs_digest, "rationale": rationale}
    result = {"__decision__": True}
    for key, value in fields.items():
        if value is not None:
            result[key] = _clip(value, _DECISION_LIMITS[key])
    if confidence is not None:
        try:
            value = Decimal(str(confidence))
        except ArithmeticError:  # not a number at all
            value = None
        if value is not None and value.is_finite():  # a model's NaN/inf is left out, not sent
            value = min(max(value, Decimal(0)), Decimal(1))
            result["confidence"] = format(value.quantize(Decimal("0.0001")), "f")
    if client_ids is not None:
        result["client_ids"] = [int(i) for i in client_ids]
    return result


def digest(values):
    """``sha256:<hex>`` of the JSON of ``values`` (sorted keys): a compact inputs digest."""
    text = json.dumps(values, sort_keys=True, separators=(",", ":"), default=str)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


_next_client_id = [1 << 40]


def _reply(tick, items):
    """The actions message for ``items`` (actions and at most one decision)."""
    actions = []
    chosen = None
    for item in items or []:
        if isinstance(item, dict) and item.get("__decision__"):
            chosen = item
        else:
            actions.append(item)
    payload = {"type": "actions", "tick": tick, "actions": actions}
    if chosen is not None:
        places = [a for a in actions if isinstance(a, dict) and a.get("action") == "place"]
        if places:
            for action in places:
                if action.get("client_id") is None and "client_ids" not in chosen:
                    _next_client_id[0] += 1
                    action["client_id"] = _next_client_id[0]
            payload["decision"] = {k: v for k, v in chosen.items() if k != "__decision__"}
    return payload


# ----------------------------------------------------------------------------- I/O

_protocol_out = None


def _send(obj):
    _protocol_out.write(json.dumps(obj, separators=(",", ":")) + "\n")
    _protocol_out.flush()


def log(message):
    """Sends a log line to the run report (capped per team; keep them short)."""
    if _protocol_out is None:
        print(message, file=sys.stderr)
    else:
        _send({"type": "log", "message": str(message)[:4000]})


# ----------------------------------------------------------------------------- models (docs/LLM-AGENTS.md)

_pending_lines = []   # host lines read while waiting for a model answer, for the main loop
_input = [None]       # the iterator over the host's lines


def _lines(source):
    _input[0] = iter(source)
    while True:
        if _pending_lines:
            yield _pending_lines.pop(0)
            continue
        raw = next(_input[0], None)
        if raw is None:
            return
        yield raw


class _LLM:
    """The contest's model, through the platform's gateway: ``pa.llm.chat(messages)``.

    Only at decision points (``obs.decision_point``) and only when the contest offers models
    (``pa.llm.available``). Returns a dict with ``outcome`` ("ok", "timeout", "endpoint_error",
    "budget_exhausted", "model_not_allowed", "malformed_request", "unavailable"), ``content``
    (the completion text when ok), ``usage`` and ``error``. Never raises for a failed call: decide
    what to do without the model (a fallback) when ``outcome`` is not "ok".
    """

    def __init__(self):
        self.info = None
        self._count = 0

    @property
    def available(self):
        return self.info is not None

    @property
    def models(self):
        return list(self.info["models"]) if self.info else []

    def chat(self, messages, model=None, max_tokens=None):
        if isinstance(messages, str):
            messages = [{"role": "user", "content": messages}]
        self._count += 1
        request_id = "r%d" % self._count
        request = {"type": "llm_request", "id": request_id,
                   "messages": [{"role": str(m["role"]), "content": str(m["content"])} for m in messages]}
        if model is not None:
            request["model"] = str(model)
        if max_tokens is not None:
            request["max_tokens"] = int(max_tokens)
        if _protocol_out is None or _input[0] is None:
            return _View(id=request_id, outcome="unavailable", content=None, usage=None,
                         error="not running under the arena host")
        _send(request)
        while True:
            raw = next(_input[0], None)
            if raw is None:
                return _View(id=request_id, outcome="unavailable", content=None, usage=None, error="host closed")
            if not raw.strip():
                continue
            try:
                msg = json.loads(raw)
            except ValueError:
                continue
            if msg.get("type") == "llm_response":
                if msg.get("id") != request_id:
                    continue  # a late answer to an earlier request
                return _View(id=request_id, outcome=msg.get("outcome"), content=msg.get("content"),
                             usage=_wrap(msg.get("usage")), error=msg.get("error"), model=msg.get("model"))
            # The host moved on (the thinking deadline passed): keep the line for the main loop.
            _pending_lines.append(raw)
            return _View(id=request_id, outcome="timeout", content=None, usage=None,
                         error="the thinking deadline passed before the answer")


llm = _LLM()


class Bot:
    """Override what you need. ``on_tick`` returns a list of actions (or None)."""

    hello = None

    def on_hello(self, hello):
        """Called once with the hello message (instruments, limits, balance, ticks)."""

    def on_tick(self, obs):
        return []

    def on_end(self, end):
        """Called once at the end (``reason``, ``final_equity``)."""


def run(bot, stdin=None, stdout=None):
    """Runs the protocol loop until ``end`` or EOF."""
    global _protocol_out
    if stdout is None:
        # Keep the real stdout for the protocol; user prints go to stderr.
        stdout = os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1)
        sys.stdout.flush()
        sys.stdout = sys.stderr
    _protocol_out = stdout
    source = stdin if stdin is not None else sys.stdin
    for raw in _lines(source):
        if not raw.strip():
            continue
        msg = json.loads(raw)
        kind = msg.get("type")
        if kind == "hello":
            if msg.get("protocol_version") != PROTOCOL_VERSION:
                print("perparena: host speaks protocol %r, SDK %d" % (msg.get("protocol_version"), PROTOCOL_VERSION),
                      file=sys.stderr)
            bot.hello = _wrap(msg)
            llm.info = bot.hello.get("llm")
            _guard(bot.on_hello, bot.hello)
        elif kind == "observation":
            obs = _observation(msg)
            actions = _guard(bot.on_tick, obs)
            try:
                payload = _reply(obs["tick"], list(actions or []))
                line = json.dumps(payload, separators=(",", ":"))
            except (TypeError, ValueError):
                traceback.print_exc()
                line = json.dumps({"type": "actions", "tick": obs["tick"], "actions": []})
            _protocol_out.write(line + "\n")
            _protocol_out.flush()
        elif kind == "end":
            _guard(bot.on_end, _wrap(msg))
            break


def _guard(function, argument):
    try:
        return function(argument)
    except Exception:  # a bug in the bot costs one tick, not the contest
        traceback.print_exc()
        return None
