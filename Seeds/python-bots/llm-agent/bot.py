"""An LLM trading agent in the style of Alpha Arena's.

At every decision point (``obs.decision_point``) it builds a prompt from the observation
(mark, moving average, funding, position, equity, recent marks), asks the contest's model
through ``pa.llm.chat`` and parses a JSON decision::

    {"action": "long" | "short" | "hold" | "close", "leverage": 1-10, "stop": "<price>",
     "target": "<price>", "confidence": 0-1, "justification": "<text>"}

It then moves its position to +SIZE, -SIZE or flat with a market order. Between decision
points it only watches its stop and target (fast ticks, no model). When the model is not
available, times out, runs out of budget or answers something that is not such a JSON object,
it falls back to a plain rule (mark above / below the average) and logs why.
"""
import json
import re
from decimal import Decimal, InvalidOperation

import perparena as pa

SYMBOL = "BTC-PERP"
SIZE = Decimal("0.01")
WINDOW = 20

SYSTEM = (
    "You are a disciplined crypto perpetual-futures trader. You trade only BTC-PERP. "
    "Reply with ONE JSON object and nothing else: "
    '{"action": "long"|"short"|"hold"|"close", "leverage": <1-10>, "stop": "<price>", '
    '"target": "<price>", "confidence": <0-1>, "justification": "<one sentence>"}'
)


def parse_decision(text):
    """The decision dict from the model's text, or None when it is not a usable decision."""
    if not text:
        return None
    match = re.search(r"\{.*\}", text, re.S)
    if not match:
        return None
    try:
        decision = json.loads(match.group(0))
    except ValueError:
        return None
    if not isinstance(decision, dict) or decision.get("action") not in ("long", "short", "hold", "close"):
        return None
    try:
        decision["leverage"] = max(1, min(10, int(decision.get("leverage", 1))))
        decision["confidence"] = float(decision.get("confidence", 0))
        for key in ("stop", "target"):
            decision[key] = Decimal(str(decision[key])) if decision.get(key) is not None else None
    except (TypeError, ValueError, InvalidOperation):
        return None
    return decision


class LLMAgent(pa.Bot):
    def __init__(self):
        self.marks = []
        self.stop = None
        self.target = None
        self.leverage = None

    def prompt(self, obs, market, mark, sma):
        position = obs.position(SYMBOL)
        recent = " ".join(str(m) for m in self.marks[-10:])
        return (
            "MARKET %s mark=%s sma=%s funding=%s next_funding_tick=%s\n"
            "ACCOUNT equity=%s available=%s position=%s\n"
            "RECENT MARKS (oldest first): %s\n"
            "Decide the position for the next period."
            % (SYMBOL, mark, sma, market.get("funding_rate"), market.get("next_funding_tick"),
               obs.account["equity"], obs.account["available"], position, recent)
        )

    def on_tick(self, obs):
        market = obs.market(SYMBOL)
        mark = market.mark_price if market is not None else None
        if mark is None:
            return []
        self.marks.append(mark)
        self.marks = self.marks[-WINDOW:]
        sma = (sum(self.marks) / len(self.marks)).quantize(Decimal("0.01"))
        position = obs.position(SYMBOL)
        if not obs.get("decision_point"):
            return self.watch(mark, position)
        decision = None
        if pa.llm.available:
            reply = pa.llm.chat([{"role": "system", "content": SYSTEM},
                                 {"role": "user", "content": self.prompt(obs, market, mark, sma)}], max_tokens=200)
            if reply["outcome"] == "ok":
                decision = parse_decision(reply["content"])
                if decision is None:
                    pa.log("model answer unusable, fallback: %s" % (reply["content"] or "")[:120])
            else:
                pa.log("model %s (%s), fallback" % (reply["outcome"], reply.get("error")))
        if decision is None:
            decision = {"action": "long" if mark > sma else "short" if mark < sma else "hold", "leverage": 2,
                        "stop": None, "target": None, "confidence": 0.0, "justification": "fallback rule"}
        pa.log("decision %s lev %s conf %s: %s" % (decision["action"], decision["leverage"],
                                                    decision["confidence"], decision.get("justification")))
        return self.act(decision, position)

    def act(self, decision, position):
        actions = []
        if decision["leverage"] != self.leverage:
            self.leverage = decision["leverage"]
            actions.append(pa.set_leverage(SYMBOL, self.leverage))
        wanted = {"long": SIZE, "short": -SIZE, "close": Decimal(0)}.get(decision["action"], position)
        self.stop, self.target = decision.get("stop"), decision.get("target")
        actions += self.move(position, wanted)
        return actions

    def watch(self, mark, position):
        """Between decision points: close at the stop or the target."""
        if position == 0 or (self.stop is None and self.target is None):
            return []
        long = position > 0
        hit_stop = self.stop is not None and (mark <= self.stop if long else mark >= self.stop)
        hit_target = self.target is not None and (mark >= self.target if long else mark <= self.target)
        if hit_stop or hit_target:
            pa.log("%s hit at %s" % ("stop" if hit_stop else "target", mark))
            self.stop = self.target = None
            return self.move(position, Decimal(0))
        return []

    @staticmethod
    def move(position, wanted):
        delta = wanted - position
        if delta == 0:
            return []
        reduce_only = wanted == 0 or abs(wanted) < abs(position)
        return [pa.place(SYMBOL, "buy" if delta > 0 else "sell", abs(delta), reduce_only=reduce_only or None)]


if __name__ == "__main__":
    pa.run(LLMAgent())
