"""Exercises the SDK: decimals, float refusal, exceptions in on_tick, print() safety."""
from decimal import Decimal

import perparena as pa


class Probe(pa.Bot):
    def on_hello(self, hello):
        pa.log("hello %s %s" % (hello.team, hello.instruments[0].tick_size))

    def on_tick(self, obs):
        print("print goes to stderr, not the protocol")
        market = obs.market("BTC-PERP")
        if obs.tick == 1:
            pa.log("bid=%r ask=%r mid=%r pos=%r" % (market.best_bid, market.best_ask, market.mid, obs.position("BTC-PERP")))
            return [pa.place("BTC-PERP", "buy", Decimal("0.001"), price=market.best_bid, tif="post_only", client_id=1),
                    pa.place("BTC-PERP", "sell", "0.002"),
                    pa.cancel("BTC-PERP", 5), pa.cancel_all(), pa.set_leverage("BTC-PERP", 3)]
        if obs.tick == 2:
            return [pa.place("BTC-PERP", "buy", 0.1, price=market.best_bid)]  # float: refused
        if obs.tick == 3:
            raise RuntimeError("bug in the bot")
        return None


pa.run(Probe())
