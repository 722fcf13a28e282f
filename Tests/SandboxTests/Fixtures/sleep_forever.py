"""Stops answering at tick 2: sleeps up to 60 s."""
import time
import attacklib

attacklib.run(lambda tick: time.sleep(60))
