"""Trades BTC-PERP on a LightGBM classifier's prediction of the next 10 ticks' direction.

The model (model.txt) and its description (model.json) were trained by train.py and ship in the
bundle, read-only at pa.BUNDLE_DIR; loading happens before the first tick (the first-tick
deadline covers it). Features come from features.py, the same code train.py used. Every order
carries a decision: model and version, the feature values and their digest, the predicted
probability, a confidence and a short rationale; the runner records it in the transcript,
bound to the order (`arena decisions RUN`).

The working directory is the bot's writable scratch: it keeps a small prediction log there.
"""
import json
import os
import sys
from decimal import Decimal

import lightgbm as lgb
import numpy as np

import perparena as pa

sys.path.insert(0, pa.BUNDLE_DIR)
import features  # noqa: E402

SYMBOL = "BTC-PERP"
SIZE = Decimal("0.01")
MAX_POSITION = Decimal("0.03")
UP, DOWN = 0.53, 0.47  # act only on clear predictions


class Classifier(pa.Bot):
    def __init__(self):
        with open(pa.bundle_path("model.json")) as f:
            self.meta = json.load(f)
        self.model = lgb.Booster(model_file=pa.bundle_path("model.txt"))
        self.mids = []
        self.journal = open("predictions.csv", "w")  # cwd = writable scratch
        self.journal.write("tick,p_up\n")
        pa.log("loaded %s %s (runtime %s, test accuracy %s)"
               % (self.meta["model"], self.meta["version"], pa.RUNTIME, self.meta["test_accuracy"]))

    def on_tick(self, obs):
        market = obs.market(SYMBOL)
        price = market.mid or market.mark_price if market is not None else None
        if price is None:
            return []
        self.mids.append(float(price))
        del self.mids[:-features.LOOKBACK]
        row = features.row(self.mids)
        if row is None:
            return []
        p_up = float(self.model.predict(np.array([row]), num_threads=1)[0])
        self.journal.write("%d,%.4f\n" % (obs.tick, p_up))
        position = obs.position(SYMBOL)
        if p_up > UP and position < MAX_POSITION:
            side = "buy"
        elif p_up < DOWN and position > -MAX_POSITION:
            side = "sell"
        else:
            return []
        inputs = dict(zip(self.meta["features"], (round(v, 6) for v in row)))
        confidence = abs(p_up - 0.5) * 2
        return [
            pa.place(SYMBOL, side, SIZE),
            pa.decision(
                self.meta["model"], "p_up=%.3f -> %s" % (p_up, side), version=self.meta["version"],
                inputs=" ".join("%s=%s" % item for item in inputs.items()), inputs_digest=pa.digest(inputs),
                confidence="%.3f" % confidence,
                rationale="predicted %s over the next %d ticks (p_up %.3f); position %s within ±%s"
                % ("a rise" if side == "buy" else "a fall", self.meta["horizon"], p_up, position, MAX_POSITION)),
        ]

    def on_end(self, end):
        self.journal.close()
        pa.log("end: %s, predictions kept in %s" % (end.get("reason"), os.path.abspath("predictions.csv")))


if __name__ == "__main__":
    pa.run(Classifier())
