/// The bundle templates of `arena init`: each passes `arena check` and trades in `arena backtest`.
enum Templates {
    /// A template: files by relative path, with `{{name}}` replaced by the strategy name.
    struct Template: Sendable {
        var name: String
        var summary: String
        var files: [(path: String, text: String)]
    }

    static let all: [Template] = [rules, python]

    static func named(_ name: String) -> Template? { all.first { $0.name == name } }

    static let rules = Template(
        name: "rules", summary: "declarative rules in strategy.yaml (EMA trend following on BTC-PERP)",
        files: [
            (
                "strategy.yaml",
                """
                # {{name}}: trend following with the rules runtime. Go long when the fast EMA crosses above
                # the slow EMA, short on the opposite cross. Edit params and rules, then:
                #   arena check . && arena backtest
                name: {{name}}
                runtime: rules
                markets: [BTC-PERP]

                params:
                  fast: 8
                  slow: 24
                  size: 0.05          # BTC per signal

                let:
                  fast_ma: ema(mark, fast)
                  slow_ma: ema(mark, slow)

                rules:
                  - name: go long
                    when: crosses_above(fast_ma, slow_ma)
                    do:
                      - target_position: size
                      - log: "long: fast {fast_ma} above slow {slow_ma}"
                  - name: go short
                    when: crosses_below(fast_ma, slow_ma)
                    do:
                      - target_position: -size
                      - log: "short: fast {fast_ma} below slow {slow_ma}"

                risk:
                  max_leverage: 5
                  max_position_notional: 20000
                  stop_loss: 0.03
                  take_profit: 0.08
                  max_orders_per_tick: 4

                """
            ), ("README.md", readme),
        ])

    static let python = Template(
        name: "python", summary: "a Python bot using the perparena SDK (EMA momentum on BTC-PERP)",
        files: [
            (
                "strategy.yaml",
                """
                # {{name}}: a Python bot. The platform runs `python3 bot.py` with the perparena SDK importable.
                name: {{name}}
                runtime: python
                entry: bot.py

                """
            ),
            (
                "bot.py",
                """
                \"\"\"{{name}}: EMA crossover on the mark price of BTC-PERP with market orders.

                Runs under the PerpArena bot protocol through the perparena SDK (provided by the platform
                and by `arena backtest`). Use Decimal or str for prices and quantities, never float.
                \"\"\"
                from decimal import Decimal

                import perparena as pa

                SYMBOL = "BTC-PERP"
                SIZE = Decimal("0.02")
                FAST, SLOW = Decimal(2) / 9, Decimal(2) / 25  # EMA weights for 8 and 24 ticks
                LEVERAGE = 5


                class Bot(pa.Bot):
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
                        if self.ticks < 24:  # warm-up
                            return actions
                        target = SIZE if self.fast > self.slow else -SIZE
                        delta = target - obs.position(SYMBOL)
                        if delta != 0:
                            side = "buy" if delta > 0 else "sell"
                            actions.append(pa.place(SYMBOL, side, abs(delta), client_id=obs.tick))
                            pa.log("tick %d: %s %s" % (obs.tick, side, abs(delta)))
                        return actions


                if __name__ == "__main__":
                    pa.run(Bot())

                """
            ), ("README.md", readme),
        ])

    static let readme = """
        # {{name}}

        A PerpArena strategy bundle. `arena submit` uploads this directory's files except plots
        (*.svg), caches (__pycache__, *.pyc), virtualenvs (.venv, venv), .git and .arena*; list
        more in a `.arenaignore` file (gitignore patterns). `arena submit --dry-run` shows the list.

            arena check .            # validate strategy.yaml (and the entry point)
            arena backtest           # run it locally against the simulated market
            arena backtest --plot equity.svg
            arena register --contest demo --name "my team"   # once
            arena submit --wait      # upload and follow the evaluation
            arena leaderboard

        See docs/CLI.md for every command.

        """
}
