# Writes a tar.gz bundle of a Python bot that sleeps PACE_MS per tick and places nothing, to $1.
# Rules strategies now run inside the runner (no worker process, a 1,000-tick heat in well under
# a second), so the scenarios that act "mid-run" on a runner's workers put one paced process bot
# in the heat: it gives the heat worker processes and a wall time of about ticks x PACE_MS.
paced_bot_bundle() {
    local out="$1" pace_ms="${PACE_MS:-15}" dir
    dir="$(mktemp -d)"
    cat >"$dir/strategy.yaml" <<YAML
# A test bot: waits ${pace_ms} ms every tick, places nothing.
name: paced
runtime: python
entry: bot.py
YAML
    cat >"$dir/bot.py" <<PY
import time

import perparena as pa


class Paced(pa.Bot):
    def on_tick(self, obs):
        time.sleep(${pace_ms} / 1000)
        return []


if __name__ == "__main__":
    pa.run(Paced())
PY
    tar -C "$dir" -czf "$out" .
    rm -rf "$dir"
}
