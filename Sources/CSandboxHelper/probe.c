/* --probe: reports, as key=value lines on stdout, whether this kernel and user can sandbox. */
#define _GNU_SOURCE
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

int probe(void) {
    static const char *const names[CG_COUNT] = {"memory", "pids", "cpu"};
    struct cgroups cg;
    int root = geteuid() == 0, ns = can_unshare_all(), sc = seccomp_available(), ok = root && ns && sc;
    cg_detect(&cg);
    printf("root=%d\nnamespaces=%d\nseccomp=%d\n", root, ns, sc);
    for (int c = 0; c < CG_COUNT; c++) {
        printf("cgroup_%s=%s\n", names[c], cg.version[c] == 2 ? "v2" : cg.version[c] == 1 ? "v1" : "none");
        ok = ok && cg.version[c] != 0;
    }
    printf("ok=%d\n", ok);
    return ok ? 0 : 1;
}
