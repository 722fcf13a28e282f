/*
 * arena-sandbox [options] -- PROGRAM [ARGS...]
 * arena-sandbox --probe
 *
 * Supervisor: creates the cgroups, starts init in a new pid namespace, then waits for one of
 * (a) init exiting (the bot ended), (b) EOF on the lifeline pipe (fd 3: the host wants the
 * sandbox gone, or the host died), (c) SIGTERM/SIGINT/SIGHUP. It then kills whatever is left,
 * reports on the status pipe (fd 4) and removes the cgroups. Status lines:
 *   error=TEXT          setup failed (the bot did not run, or not fully sandboxed)
 *   exit=N | signal=N   how the bot ended (absent if it was killed with its namespace)
 *   cpu_ms=N            CPU time of the bot and its reaped descendants
 *   oom_kills=N mem_peak=BYTES pids_max_hits=N   from the cgroups
 *   done                last line
 * See sandbox.h for the layout of processes and descriptors.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bot.h"
#include "sandbox.h"

#define NR_pidfd_open 434

static void usage(void) {
    fprintf(stderr,
            "usage: arena-sandbox [-n NAME] [-b BUNDLE] [-s SDK] [-r SRC[:DST]]... [-m DIR]... [-e K=V]... [-w DIR]\n"
            "       [-u UID] [-g GID] [-M MiB] [-P PIDS] [-c CPU%%] [-t CPUSEC] [-S MiB] [-F MiB]\n"
            "       [-N NOFILE] [-A MiB] [-X] -- PROGRAM [ARGS...]\n"
            "       arena-sandbox --probe\n");
    exit(2);
}

static void parse(int argc, char **argv, struct options *o) {
    int c;
    memset(o, 0, sizeof *o);
    o->uid = o->gid = 65534;
    while ((c = getopt(argc, argv, "+n:b:s:r:m:e:w:u:g:M:P:c:t:S:F:N:A:X")) != -1) {
        switch (c) {
        case 'n': o->name = optarg; break;
        case 'b': o->bundle = optarg; break;
        case 's': o->sdk = optarg; break;
        case 'r': if (o->n_ro < MAX_RO_PATHS) o->ro_paths[o->n_ro++] = optarg; break;
        case 'm': if (o->n_masks < MAX_MASKS) o->masks[o->n_masks++] = optarg; break;
        case 'e': if (o->n_env < MAX_ENV) o->env[o->n_env++] = optarg; break;
        case 'w': o->workdir = optarg; break;
        case 'u': o->uid = (uid_t)strtoul(optarg, NULL, 10); break;
        case 'g': o->gid = (gid_t)strtoul(optarg, NULL, 10); break;
        case 'M': o->mem_mib = atol(optarg); break;
        case 'P': o->pids = atol(optarg); break;
        case 'c': o->cpu_pct = atol(optarg); break;
        case 't': o->cpu_sec = atol(optarg); break;
        case 'S': o->scratch_mib = atol(optarg); break;
        case 'F': o->fsize_mib = atol(optarg); break;
        case 'N': o->nofile = atol(optarg); break;
        case 'A': o->as_mib = atol(optarg); break;
        case 'X': o->plain = 1; break;
        default: usage();
        }
    }
    if (optind >= argc) usage();
    o->argv = argv + optind;
    if (!o->plain && !o->name) usage();
}

/* Sets KEY=VALUE in the bot's environment, replacing an entry with the same key. */
static void set_env(struct options *o, const char *entry) {
    size_t key = strcspn(entry, "=") + 1;
    for (int i = 0; i < o->n_env; i++) {
        if (strncmp(o->env[i], entry, key) == 0) {
            o->env[i] = entry;
            return;
        }
    }
    if (o->n_env < MAX_ENV) o->env[o->n_env++] = entry;
}

/* Points fds 0..2 at /dev/null so this process holds no copy of the bot's pipes. */
static void release_stdio(void) {
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    for (int fd = 0; fd < 3; fd++) {
        if (null >= 0) dup2(null, fd);
        else close(fd);
    }
    if (null > 2) close(null);
}

static void report_wait_status(int status) {
    if (WIFEXITED(status)) status_write("exit=%d", WEXITSTATUS(status));
    else if (WIFSIGNALED(status)) status_write("signal=%d", WTERMSIG(status));
}

/* pid 1 of the new pid namespace: finish isolating, start the bot, reap until it ends.
 * The namespaces and the new root are built while the supervisor moves this process into the
 * team cgroups (the first move into a v1 cgroup waits for an RCU grace period, ~5-20 ms);
 * the bot is forked only once that is done, so it is born inside them. */
static _Noreturn void run_init(const struct options *o, int go) {
    char byte;
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS) < 0) {
        status_write("error=unshare: %s", strerror(errno));
        _exit(125);
    }
    if (setup_root(o) < 0) _exit(125);
    sethostname("arena", 5);
    if (read(go, &byte, 1) != 1) _exit(125); /* supervisor gone or cgroup join failed */
    close(go);
    /* A cgroup namespace rooted at the team cgroup hides the host's cgroup paths. */
    if (unshare(CLONE_NEWCGROUP) < 0) {
        status_write("error=unshare cgroup: %s", strerror(errno));
        _exit(125);
    }
    pid_t bot = fork();
    if (bot < 0) {
        status_write("error=fork bot: %s", strerror(errno));
        _exit(125);
    }
    if (bot == 0) exec_bot(o);
    release_stdio();
    close(LIFELINE_FD);
    for (;;) {
        int status;
        pid_t pid = wait(&status);
        if (pid == bot) {
            struct rusage ru;
            report_wait_status(status);
            if (getrusage(RUSAGE_CHILDREN, &ru) == 0)
                status_write("cpu_ms=%ld", ru.ru_utime.tv_sec * 1000 + ru.ru_utime.tv_usec / 1000 +
                                               ru.ru_stime.tv_sec * 1000 + ru.ru_stime.tv_usec / 1000);
            _exit(0); /* the kernel now kills everything left in the namespace */
        }
        if (pid < 0 && errno == ECHILD) _exit(0);
    }
}

/* Waits for the child, the lifeline or a signal; kills the child on the latter two. */
static int supervise(pid_t child, int kill_group) {
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGHUP);
    int sfd = signalfd(-1, &mask, SFD_CLOEXEC);
    int pfd = (int)syscall(NR_pidfd_open, child, 0);
    struct pollfd fds[3] = {{pfd, POLLIN, 0}, {LIFELINE_FD, POLLIN, 0}, {sfd, POLLIN, 0}};
    int status = 0;
    for (;;) {
        if (waitpid(child, &status, WNOHANG) == child) return status;
        int r = poll(fds, 3, pfd < 0 ? 50 : -1);
        if (r < 0 && errno != EINTR) break;
        if ((fds[1].revents & (POLLIN | POLLHUP | POLLERR)) || (fds[2].revents & POLLIN)) break;
    }
    if (kill_group) kill(-child, SIGKILL);
    kill(child, SIGKILL);
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    status_write("killed=1");
    return status;
}

int main(int argc, char **argv) {
    struct options o;
    struct cgroups cg;
    if (argc == 2 && strcmp(argv[1], "--probe") == 0) return probe();
    parse(argc, argv, &o);
    signal(SIGPIPE, SIG_IGN);
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGHUP);
    sigprocmask(SIG_BLOCK, &mask, NULL); /* taken through a signalfd; children unblock */
    fcntl(LIFELINE_FD, F_SETFD, FD_CLOEXEC);
    fcntl(STATUS_FD, F_SETFD, FD_CLOEXEC);

    if (o.plain) {
        char scratch[64], home[96], tmpdir[96];
        if (scratch_create(scratch, sizeof scratch) < 0) {
            status_write("error=scratch directory: %s", strerror(errno));
            status_write("done");
            return 125;
        }
        o.scratch_dir = scratch;
        if (!o.workdir) o.workdir = scratch; /* the bot starts where it may write */
        snprintf(home, sizeof home, "HOME=%s", scratch);
        snprintf(tmpdir, sizeof tmpdir, "TMPDIR=%s", scratch);
        set_env(&o, home);
        set_env(&o, tmpdir);
        pid_t bot = fork();
        if (bot < 0) {
            scratch_remove(scratch);
            return 125;
        }
        if (bot == 0) exec_bot(&o);
        release_stdio();
        int status = supervise(bot, 1);
        if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL) report_wait_status(status);
        scratch_remove(scratch);
        status_write("done");
        return 0;
    }

    if (geteuid() != 0) {
        status_write("error=sandboxed mode needs root");
        return 125;
    }
    if (cg_create(&cg, &o) < 0) {
        status_write("error=cgroup setup failed: %s", strerror(errno));
        cg_report_and_remove(&cg);
        status_write("done");
        return 125;
    }
    int go[2];
    if (pipe2(go, O_CLOEXEC) < 0 || unshare(CLONE_NEWPID) < 0) {
        status_write("error=unshare pid: %s", strerror(errno));
        cg_report_and_remove(&cg);
        status_write("done");
        return 125;
    }
    pid_t init = fork();
    if (init < 0) {
        status_write("error=fork init: %s", strerror(errno));
        cg_report_and_remove(&cg);
        status_write("done");
        return 125;
    }
    if (init == 0) {
        close(go[1]);
        run_init(&o, go[0]);
    }
    close(go[0]);
    release_stdio();
    if (cg_join(&cg, init) == 0) {
        if (write(go[1], "g", 1) != 1) kill(init, SIGKILL);
    } else {
        kill(init, SIGKILL);
    }
    close(go[1]);
    int status = supervise(init, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 125) status_write("error=sandbox setup failed");
    cg_report_and_remove(&cg);
    status_write("done");
    return 0;
}
