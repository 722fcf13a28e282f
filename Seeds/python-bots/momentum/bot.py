"""EMA crossover on the mark price of BTC-PERP.

Goes long `SIZE` when the fast EMA crosses above the slow one, short when below, with market
orders; leverage is set once at the first tick. Exits are plain reversals, so the position is
always within ±SIZE.
"""
from decimal import Decimal

import perparena as pa

SYMBOL = "BTC-PERP"
SIZE = Decimal("0.02")
FAST, SLOW = Decimal(2) / 11, Decimal(2) / 41  # EMA weights for 10 and 40 ticks
LEVERAGE = 5


class Momentum(pa.Bot):
    def __init__(self):
        self.fast = self.slow = None
        self.ticks = 0

    def on_tick(self, obs):
        market = obs.market(SYMBOL)
        price = market.mark_price if market is not None else None
        if price is None:
            return []
        actions = [pa.set_leverage(SYMBOL, LEVERAGE)] if self.ticks == 0 else []
        self.ticks += 1
        if self.fast is None:
            self.fast = self.slow = price
            return actions
        self.fast += FAST * (price - self.fast)
        self.slow += SLOW * (price - self.slow)
        if self.ticks < 40:  # warm-up
            return actions
        target = SIZE if self.fast > self.slow else -SIZE
        delta = target - obs.position(SYMBOL)
        if delta != 0:
            side = "buy" if delta > 0 else "sell"
            actions.append(pa.place(SYMBOL, side, abs(delta), client_id=obs.tick))
            pa.log("tick %d: %s %s (fast %.1f slow %.1f)" % (obs.tick, side, abs(delta), self.fast, self.slow))
        return actions


if __name__ == "__main__":
    pa.run(Momentum())
