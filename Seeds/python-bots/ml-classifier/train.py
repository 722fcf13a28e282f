"""Trains the bot's model: a small LightGBM classifier of the next 10 ticks' direction, on
features (features.py) of a synthetic market, and writes model.txt and model.json next to
this file. Deterministic: the same seed gives the same model bytes.

Run it in the same runtime the bot runs in (the python-ml runtime's packages, the platform's
Python), so the model file matches the library that loads it:

    arena runtime install python-ml            # once (or Deployment/runtimes/build.sh python-ml)
    PYTHONPATH=/opt/perparena/runtimes/python-ml/site-packages /usr/bin/python3 -S train.py

Real teams train on recorded markets (`arena backtest --transcript`, exported data); the
synthetic market here has a little momentum and mean reversion so that there is something to
learn. See docs/NOTEBOOK-TO-BOT.md.
"""
import hashlib
import json
import math
import os
import random
import sys

import lightgbm as lgb
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import features  # noqa: E402

HORIZON = 10
SEED = int(os.environ.get("SEED", "20261202"))


def synthetic_market(ticks, seed):
    """Mid prices: a random walk whose drift follows recent returns (momentum) and is pulled back
    to a slow average (mean reversion), with changing volatility."""
    rng = random.Random(seed)
    price, drift, vol = 60000.0, 0.0, 0.0008
    mids = []
    for t in range(ticks):
        if t % 500 == 0:
            vol = rng.choice([0.0004, 0.0008, 0.0015])
        shock = rng.gauss(0.0, vol)
        drift = 0.92 * drift + 0.08 * shock
        price *= math.exp(drift + shock)
        mids.append(price)
    return mids


def dataset(mids):
    rows, labels = [], []
    for end in range(features.LOOKBACK, len(mids) - HORIZON):
        row = features.row(mids[:end])
        rows.append(row)
        labels.append(1 if mids[end - 1 + HORIZON] > mids[end - 1] else 0)
    return np.array(rows, dtype=np.float64), np.array(labels, dtype=np.int32)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    train_x, train_y = dataset(synthetic_market(20000, SEED))
    test_x, test_y = dataset(synthetic_market(5000, SEED + 1))
    params = {
        "objective": "binary", "num_leaves": 15, "learning_rate": 0.05, "min_data_in_leaf": 50,
        "feature_fraction": 1.0, "bagging_fraction": 1.0, "num_threads": 1, "deterministic": True,
        "force_row_wise": True, "seed": SEED, "verbose": -1,
    }
    booster = lgb.train(params, lgb.Dataset(train_x, train_y, feature_name=features.NAMES), num_boost_round=60)
    accuracy = float(((booster.predict(test_x) > 0.5) == (test_y == 1)).mean())
    model_path = os.path.join(here, "model.txt")
    booster.save_model(model_path)
    digest = hashlib.sha256(open(model_path, "rb").read()).hexdigest()
    meta = {"model": "lgbm-direction", "version": digest[:12], "features": features.NAMES, "horizon": HORIZON,
            "seed": SEED, "test_accuracy": round(accuracy, 4), "lightgbm": lgb.__version__}
    with open(os.path.join(here, "model.json"), "w") as f:
        json.dump(meta, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote model.txt (%d bytes, sha256 %s…) and model.json: test accuracy %.3f"
          % (os.path.getsize(model_path), digest[:12], accuracy))


if __name__ == "__main__":
    main()
