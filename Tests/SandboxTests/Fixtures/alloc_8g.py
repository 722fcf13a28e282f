"""Touches up to 8 GiB in 64 MiB chunks (the memory cgroup should kill it long before)."""
import attacklib


def attack(tick):
    chunks = []
    for _ in range(128):
        try:
            chunks.append(b"\x01" * (64 << 20))
        except MemoryError:
            attacklib.result("alloc", "MemoryError after %d MiB" % (64 * len(chunks)))
            return
    attacklib.result("alloc", "UNLIMITED 8 GiB")


attacklib.run(attack)
