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
"""

import json
import os
import sys
import traceback
from decimal import Decimal, InvalidOperation

PROTOCOL_VERSION = 1

__all__ = [
    "Bot", "run", "place", "cancel", "cancel_all", "set_leverage", "log", "to_decimal", "Decimal",
    "PROTOCOL_VERSION",
]


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
    for raw in source:
        if not raw.strip():
            continue
        msg = json.loads(raw)
        kind = msg.get("type")
        if kind == "hello":
            if msg.get("protocol_version") != PROTOCOL_VERSION:
                print("perparena: host speaks protocol %r, SDK %d" % (msg.get("protocol_version"), PROTOCOL_VERSION),
                      file=sys.stderr)
            bot.hello = _wrap(msg)
            _guard(bot.on_hello, bot.hello)
        elif kind == "observation":
            obs = _observation(msg)
            actions = _guard(bot.on_tick, obs)
            try:
                payload = {"type": "actions", "tick": obs["tick"], "actions": list(actions or [])}
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
