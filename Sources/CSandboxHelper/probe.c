/*
 * --probe: reports, as key=value lines on stdout, whether this kernel and user can sandbox:
 *   root=0|1 namespaces=0|1 seccomp=0|1
 *   cgroup_memory|cgroup_pids|cgroup_cpu=v1|v2|none   where each controller is
 *   cgroups_usable=0|1   a test group with all three limits was created, set and removed (root)
 *   landlock=N           the kernel's Landlock ABI (0: none), used by plain mode
 *   ok=0|1               everything sandboxed mode needs is there (landlock is not part of it)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbox.h"

static int can_unshare_all(void) {
    pid_t pid = fork();
    if (pid < 0) return 0;
    if (pid == 0) {
        int flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP;
        _exit(unshare(flags) == 0 ? 0 : 1);
    }
    int status;
    if (waitpid(pid, &status, 0) < 0) return 0;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static int seccomp_available(void) {
    char actions[256] = "";
    FILE *f = fopen("/proc/sys/kernel/seccomp/actions_avail", "re");
    if (!f) return 0;
    if (!fgets(actions, sizeof actions, f)) actions[0] = 0;
    fclose(f);
    return prctl(PR_GET_SECCOMP, 0, 0, 0, 0) >= 0 && strstr(actions, "kill_process") && strstr(actions, "errno");
}

/* Creates a group for every controller with a limit in each, as a worker would, and removes it. */
static int cgroups_usable(void) {
    char name[64];
    struct options o;
    struct cgroups cg;
    memset(&o, 0, sizeof o);
    snprintf(name, sizeof name, "arena-probe-%d", (int)getpid());
    o.name = name;
    o.mem_mib = 64;
    o.pids = 16;
    o.cpu_pct = 100;
    int created = cg_create(&cg, &o) == 0;
    int removed = cg_remove(&cg) == 0;
    return created && removed;
}

int probe(void) {
    static const char *const names[CG_COUNT] = {"memory", "pids", "cpu"};
    struct cgroups cg;
    /* Error lines of the cgroup code go to the status descriptor, which a probe does not have. */
    int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0 && null != STATUS_FD) {
        dup2(null, STATUS_FD);
        close(null);
    }
    int root = geteuid() == 0, ns = can_unshare_all(), sc = seccomp_available(), ok = root && ns && sc;
    cg_detect(&cg);
    printf("root=%d\nnamespaces=%d\nseccomp=%d\n", root, ns, sc);
    for (int c = 0; c < CG_COUNT; c++) {
        printf("cgroup_%s=%s\n", names[c], cg.version[c] == 2 ? "v2" : cg.version[c] == 1 ? "v1" : "none");
        ok = ok && cg.version[c] != 0;
    }
    int usable = root && ok && cgroups_usable();
    printf("cgroups_usable=%d\n", usable);
    printf("landlock=%d\n", landlock_abi());
    ok = ok && usable;
    printf("ok=%d\n", ok);
    return ok ? 0 : 1;
}
