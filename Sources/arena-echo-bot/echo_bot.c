/*
 * arena-echo-bot: a minimal protocol bot for benchmarks and tests (copy it into a bundle and
 * run it with runtime `exec`). It answers every observation with
 * {"type":"actions","tick":N,"actions":[]} using raw read/write, and exits on "end" or EOF.
 * It measures the host's cost per tick with (almost) nothing on the bot side.
 *
 * Its own executable, never part of the privileged sandbox helper. Built with the Swift
 * runtime linked statically (it has no Swift code) so it runs inside a sandbox that only
 * mounts /usr.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Handles one line; returns 0 when the bot should stop. */
static int answer(const char *line, size_t len) {
    if (memmem(line, len, "\"type\":\"end\"", 12)) return 0;
    if (!memmem(line, len, "\"type\":\"observation\"", 20)) return 1;
    const char *tick = memmem(line, len, "\"tick\":", 7);
    if (!tick) return 1;
    long long value = 0;
    for (tick += 7; tick < line + len && *tick >= '0' && *tick <= '9'; tick++) value = value * 10 + (*tick - '0');
    char reply[96];
    int n = snprintf(reply, sizeof reply, "{\"type\":\"actions\",\"tick\":%lld,\"actions\":[]}\n", value);
    return write(1, reply, (size_t)n) == n;
}

int main(void) {
    static char buffer[1 << 17];
    size_t used = 0;
    for (;;) {
        ssize_t n = read(0, buffer + used, sizeof buffer - used);
        if (n <= 0) return 0;
        used += (size_t)n;
        char *start = buffer, *newline;
        while ((newline = memchr(start, '\n', used - (size_t)(start - buffer)))) {
            if (!answer(start, (size_t)(newline - start))) return 0;
            start = newline + 1;
        }
        used -= (size_t)(start - buffer);
        memmove(buffer, start, used);
        if (used == sizeof buffer) used = 0; /* an overlong line: drop it */
    }
}
