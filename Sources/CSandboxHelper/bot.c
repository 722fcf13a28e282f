/* The last step before execve: limits, credentials, filter, descriptors, environment. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <grp.h>
#include <linux/capability.h>

#include "bot.h"

static void set_limit(int resource, rlim_t soft, rlim_t hard) {
    struct rlimit rl = {soft, hard};
    setrlimit(resource, &rl);
}

static _Noreturn void die(const char *what) {
    status_write("error=bot %s: %s", what, strerror(errno));
    _exit(126);
}

void exec_bot(const struct options *o) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);
    if (setsid() < 0) die("setsid");

    set_limit(RLIMIT_CORE, 0, 0);
    set_limit(RLIMIT_MEMLOCK, 0, 0);
    set_limit(RLIMIT_MSGQUEUE, 0, 0);
    if (o->nofile > 0) set_limit(RLIMIT_NOFILE, (rlim_t)o->nofile, (rlim_t)o->nofile);
    if (o->fsize_mib > 0) set_limit(RLIMIT_FSIZE, (rlim_t)o->fsize_mib << 20, (rlim_t)o->fsize_mib << 20);
    if (o->as_mib > 0) set_limit(RLIMIT_AS, (rlim_t)o->as_mib << 20, (rlim_t)o->as_mib << 20);
    if (o->cpu_sec > 0) set_limit(RLIMIT_CPU, (rlim_t)o->cpu_sec, (rlim_t)o->cpu_sec + 1);
    /* RLIMIT_NPROC counts per real uid system-wide: only meaningful with a uid per team. */
    if (!o->plain && o->pids > 0) set_limit(RLIMIT_NPROC, (rlim_t)o->pids, (rlim_t)o->pids);

    if (o->workdir && chdir(o->workdir) < 0) die("chdir");

    if (!o->plain) {
        int last = CAP_LAST_CAP;
        FILE *f = fopen("/proc/sys/kernel/cap_last_cap", "re");
        if (f) {
            if (fscanf(f, "%d", &last) != 1) last = CAP_LAST_CAP;
            fclose(f);
        }
        for (int cap = 0; cap <= last; cap++)
            if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL) die("capbset");
        if (setgroups(0, NULL) < 0) die("setgroups");
        if (setresgid(o->gid, o->gid, o->gid) < 0) die("setresgid");
        if (setresuid(o->uid, o->uid, o->uid) < 0) die("setresuid");
        prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
    }
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) die("no_new_privs");
    /* Plain mode shares the runner's uid: Landlock keeps the runner's files and processes out of
     * reach (where the kernel has it; a runner checks that at start). */
    if (o->plain && landlock_restrict(o) < 0) die("landlock");
    /* After the uid change (which clears it); the parent is init (or the supervisor). */
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (install_seccomp() < 0) die("seccomp");

    char *env[MAX_ENV + 1];
    for (int i = 0; i < o->n_env; i++) env[i] = (char *)o->env[i];
    env[o->n_env] = NULL;
    /* Everything but stdin/stdout/stderr goes, including the lifeline and status pipes. */
    if (syscall(SYS_close_range, 3U, ~0U, 0U) < 0) {
        for (int fd = 3; fd < 65536; fd++) close(fd);
    }
    execve(o->argv[0], o->argv, env);
    int saved = errno;
    dprintf(2, "arena-sandbox: cannot execute %s: %s\n", o->argv[0], strerror(saved));
    _exit(127);
}
