"""Quotes both sides of BTC-PERP post-only around mid, skewed against the position.

Every tick: cancel the previous quotes and re-quote. Quotes shift by `SKEW_PER_COIN` USDT per
BTC held, and the side that would grow the position beyond `MAX_INVENTORY` is not quoted.
"""
from decimal import Decimal, ROUND_DOWN, ROUND_UP

import perparena as pa

SYMBOL = "BTC-PERP"
HALF_SPREAD = Decimal("4")
SIZE = Decimal("0.01")
SKEW_PER_COIN = Decimal("200")
MAX_INVENTORY = Decimal("0.05")


class MarketMaker(pa.Bot):
    def on_hello(self, hello):
        spec = next(i for i in hello.instruments if i.symbol == SYMBOL)
        self.tick_size = Decimal(spec.tick_size)
        pa.log("quoting %s, tick %s" % (SYMBOL, self.tick_size))

    def on_tick(self, obs):
        market = obs.market(SYMBOL)
        mid = market.mid if market.mid is not None else market.mark_price
        if mid is None:
            return []
        position = obs.position(SYMBOL)
        skew = position * SKEW_PER_COIN
        bid = self.round(mid - HALF_SPREAD - skew, ROUND_DOWN)
        ask = self.round(mid + HALF_SPREAD - skew, ROUND_UP)
        actions = [pa.cancel_all(SYMBOL)]
        if position + SIZE <= MAX_INVENTORY:
            actions.append(pa.place(SYMBOL, "buy", SIZE, price=bid, tif="post_only", client_id=obs.tick * 2))
        if position - SIZE >= -MAX_INVENTORY:
            actions.append(pa.place(SYMBOL, "sell", SIZE, price=ask, tif="post_only", client_id=obs.tick * 2 + 1))
        for rejection in obs.account.rejections:
            print("rejected", rejection.client_id, rejection.reason)
        return actions

    def round(self, price, rounding):
        return (price / self.tick_size).quantize(Decimal(1), rounding=rounding) * self.tick_size


if __name__ == "__main__":
    pa.run(MarketMaker())
