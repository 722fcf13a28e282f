#ifndef ARENA_SANDBOX_BOT_H
#define ARENA_SANDBOX_BOT_H
#include "sandbox.h"
/* Applies rlimits, drops privileges, installs seccomp, closes descriptors and execs the bot. */
_Noreturn void exec_bot(const struct options *o);
#endif
