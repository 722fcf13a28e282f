"""Features shared by train.py (offline) and bot.py (live): the same code on both sides, so the
model sees in the contest exactly what it was trained on.

`mids` is the history of mid (or mark) prices, oldest first, as floats. The features are
returns over a few horizons, the distance to a moving average, and recent volatility."""
import math

NAMES = ["ret_1", "ret_5", "ret_20", "dist_ma_30", "vol_20"]
LOOKBACK = 31  # prices needed for one feature row


def row(mids):
    """One feature row from the last LOOKBACK prices, or None when there are fewer."""
    if len(mids) < LOOKBACK:
        return None
    last = mids[-1]

    def ret(n):
        return math.log(last / mids[-1 - n])

    window = mids[-30:]
    mean = sum(window) / len(window)
    steps = [math.log(mids[i] / mids[i - 1]) for i in range(len(mids) - 20, len(mids))]
    average = sum(steps) / len(steps)
    vol = math.sqrt(sum((s - average) ** 2 for s in steps) / len(steps))
    return [ret(1), ret(5), ret(20), math.log(last / mean), vol]
