/* Status lines for the host: one write(2) per line so lines from init and supervisor never interleave. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#include "sandbox.h"

void status_write(const char *fmt, ...) {
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line - 1, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if (n > (int)sizeof line - 2) n = (int)sizeof line - 2;
    line[n++] = '\n';
    while (write(STATUS_FD, line, (size_t)n) < 0 && errno == EINTR) {
    }
}
