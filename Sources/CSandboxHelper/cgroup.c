/*
 * Per-worker cgroups for memory, pids and CPU. Each controller is looked up at run time:
 * cgroup v2 when the unified hierarchy offers it, else the v1 hierarchy that has it (this
 * machine kind has memory and pids on v1 only). v1 groups are created under the helper's own
 * group in that hierarchy; v2 groups under <unified root>/arena (the root is exempt from the
 * "no internal processes" rule).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "sandbox.h"

static const char *const controller_names[CG_COUNT] = {"memory", "pids", "cpu"};
static char v1_mount[CG_COUNT][256];
static char v2_mount[256];

static int write_file(const char *dir, const char *file, const char *value) {
    char path[768];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "we");
    if (!f) return -1;
    int ok = fputs(value, f) >= 0;
    ok = (fclose(f) == 0) && ok;
    return ok ? 0 : -1;
}

static long long read_key(const char *dir, const char *file, const char *key) {
    char path[768], k[64];
    long long v = -1, value;
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "re");
    if (!f) return -1;
    if (!key) {
        if (fscanf(f, "%lld", &v) != 1) v = -1;
    } else {
        while (fscanf(f, "%63s %lld", k, &value) == 2)
            if (strcmp(k, key) == 0) v = value;
    }
    fclose(f);
    return v;
}

/* Whether the comma-separated mount option list has `word`. */
static int has_option(const char *opts, const char *word) {
    size_t n = strlen(word);
    for (const char *p = opts; (p = strstr(p, word)); p += n)
        if ((p == opts || p[-1] == ',') && (p[n] == ',' || p[n] == 0)) return 1;
    return 0;
}

/* The helper's own path in the v1 hierarchy that carries `controller`, from /proc/self/cgroup. */
static void own_v1_path(const char *controller, char *out, size_t size) {
    char line[512];
    snprintf(out, size, "/");
    FILE *f = fopen("/proc/self/cgroup", "re");
    if (!f) return;
    while (fgets(line, sizeof line, f)) {
        char *a = strchr(line, ':'), *b = a ? strchr(a + 1, ':') : NULL;
        if (!b) continue;
        *b = 0;
        if (has_option(a + 1, controller)) {
            b[strcspn(b + 1, "\n") + 1] = 0;
            snprintf(out, size, "%s", b + 1);
        }
    }
    fclose(f);
}

void cg_detect(struct cgroups *cg) {
    char dev[128], dir[256], type[32], opts[512], controllers[256] = "";
    memset(cg, 0, sizeof *cg);
    FILE *m = fopen("/proc/self/mounts", "re");
    if (!m) return;
    while (fscanf(m, "%127s %255s %31s %511s %*d %*d", dev, dir, type, opts) == 4) {
        if (strcmp(type, "cgroup2") == 0 && !v2_mount[0]) snprintf(v2_mount, sizeof v2_mount, "%s", dir);
        if (strcmp(type, "cgroup") != 0) continue;
        for (int c = 0; c < CG_COUNT; c++)
            if (has_option(opts, controller_names[c]) && !v1_mount[c][0])
                snprintf(v1_mount[c], sizeof v1_mount[c], "%s", dir);
    }
    fclose(m);
    if (v2_mount[0]) {
        char path[300];
        snprintf(path, sizeof path, "%s/cgroup.controllers", v2_mount);
        FILE *f = fopen(path, "re");
        if (f) {
            if (!fgets(controllers, sizeof controllers, f)) controllers[0] = 0;
            controllers[strcspn(controllers, "\n")] = 0;
            fclose(f);
        }
    }
    for (int c = 0; c < CG_COUNT; c++) {
        char spaced[300];
        snprintf(spaced, sizeof spaced, " %s ", controllers);
        char word[32];
        snprintf(word, sizeof word, " %s ", controller_names[c]);
        if (strstr(spaced, word)) cg->version[c] = 2;
        else if (v1_mount[c][0]) cg->version[c] = 1;
    }
}

/* A limit that was asked for must be enforced: no controller for it is an error, never a skip. */
static int require_controllers(const struct cgroups *cg, const struct options *o) {
    const long requested[CG_COUNT] = {o->mem_mib, o->pids, o->cpu_pct};
    int missing = 0;
    for (int c = 0; c < CG_COUNT; c++) {
        if (requested[c] > 0 && cg->version[c] == 0) {
            status_write("error=%s limit requested but this host has no %s cgroup controller", controller_names[c],
                         controller_names[c]);
            missing = 1;
        }
    }
    if (missing) errno = EOPNOTSUPP;
    return missing ? -1 : 0;
}

int cg_create(struct cgroups *cg, const struct options *o) {
    char value[64];
    cg_detect(cg);
    if (require_controllers(cg, o) < 0) return -1;
    for (int c = 0; c < CG_COUNT; c++) {
        if (cg->version[c] == 1) {
            char own[256];
            own_v1_path(controller_names[c], own, sizeof own);
            int n = snprintf(cg->dir[c], sizeof cg->dir[c], "%s%s/%s", v1_mount[c], strcmp(own, "/") ? own : "", o->name);
            if (n < 0 || (size_t)n >= sizeof cg->dir[c]) {
                status_write("error=cgroup path too long");
                cg->dir[c][0] = 0;
                return -1;
            }
        } else if (cg->version[c] == 2) {
            char parent[300];
            snprintf(parent, sizeof parent, "%s/arena", v2_mount);
            if (mkdir(parent, 0755) < 0 && errno != EEXIST) return -1;
            /* Delegate this controller to the arena subtree (already on is fine). */
            char enable[32];
            snprintf(enable, sizeof enable, "+%s", controller_names[c]);
            write_file(v2_mount, "cgroup.subtree_control", enable);
            write_file(parent, "cgroup.subtree_control", enable);
            snprintf(cg->dir[c], sizeof cg->dir[c], "%s/%s", parent, o->name);
        } else {
            continue;
        }
        if (mkdir(cg->dir[c], 0755) < 0 && errno != EEXIST) {
            status_write("error=mkdir %s: %s", cg->dir[c], strerror(errno));
            return -1;
        }
    }
    long long mem = (long long)o->mem_mib << 20;
    if (o->mem_mib > 0 && cg->version[CG_MEMORY] == 1) {
        snprintf(value, sizeof value, "%lld", mem);
        if (write_file(cg->dir[CG_MEMORY], "memory.limit_in_bytes", value) < 0) return -1;
        write_file(cg->dir[CG_MEMORY], "memory.memsw.limit_in_bytes", value); /* absent without swap accounting */
    } else if (o->mem_mib > 0 && cg->version[CG_MEMORY] == 2) {
        snprintf(value, sizeof value, "%lld", mem);
        if (write_file(cg->dir[CG_MEMORY], "memory.max", value) < 0) return -1;
        write_file(cg->dir[CG_MEMORY], "memory.swap.max", "0");
    }
    if (o->pids > 0 && cg->version[CG_PIDS]) {
        snprintf(value, sizeof value, "%ld", o->pids);
        if (write_file(cg->dir[CG_PIDS], "pids.max", value) < 0) return -1;
    }
    if (o->cpu_pct > 0 && cg->version[CG_CPU] == 1) {
        snprintf(value, sizeof value, "%ld", o->cpu_pct * 1000);
        write_file(cg->dir[CG_CPU], "cpu.cfs_period_us", "100000");
        if (write_file(cg->dir[CG_CPU], "cpu.cfs_quota_us", value) < 0) return -1;
    } else if (o->cpu_pct > 0 && cg->version[CG_CPU] == 2) {
        snprintf(value, sizeof value, "%ld 100000", o->cpu_pct * 1000);
        if (write_file(cg->dir[CG_CPU], "cpu.max", value) < 0) return -1;
    }
    return 0;
}

int cg_join(const struct cgroups *cg, pid_t pid) {
    char value[32];
    snprintf(value, sizeof value, "%d", (int)pid);
    for (int c = 0; c < CG_COUNT; c++) {
        if (!cg->dir[c][0]) continue;
        /* v2 controllers share one directory: join it once. */
        int seen = 0;
        for (int d = 0; d < c; d++) seen |= strcmp(cg->dir[d], cg->dir[c]) == 0;
        if (!seen && write_file(cg->dir[c], "cgroup.procs", value) < 0) {
            status_write("error=join %s: %s", cg->dir[c], strerror(errno));
            return -1;
        }
    }
    return 0;
}

/* SIGKILLs every process left in `dir` until it is empty (at most ~2 s). Returns 1 when empty. */
static int empty_group(const char *dir) {
    char path[600];
    snprintf(path, sizeof path, "%s/cgroup.procs", dir);
    write_file(dir, "cgroup.kill", "1"); /* v2 only; harmless elsewhere */
    for (int round = 0; round < 400; round++) {
        FILE *f = fopen(path, "re");
        if (!f) return 1;
        int pid, any = 0;
        while (fscanf(f, "%d", &pid) == 1) {
            kill(pid, SIGKILL);
            any = 1;
        }
        fclose(f);
        if (!any) return 1;
        struct timespec ts = {0, 5 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    return 0;
}

/* rmdir with retries (a v1 group is busy for a moment after its last task left). */
static int remove_group(const char *dir) {
    for (int attempt = 0; attempt < 200; attempt++) {
        if (rmdir(dir) == 0 || errno == ENOENT) return 0;
        struct timespec ts = {0, 5 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    return -1;
}

void cg_report_and_remove(const struct cgroups *cg) {
    const char *mem = cg->dir[CG_MEMORY], *pids = cg->dir[CG_PIDS];
    if (mem[0]) {
        long long oom = read_key(mem, cg->version[CG_MEMORY] == 1 ? "memory.oom_control" : "memory.events", "oom_kill");
        long long peak = cg->version[CG_MEMORY] == 1 ? read_key(mem, "memory.max_usage_in_bytes", NULL)
                                                     : read_key(mem, "memory.peak", NULL);
        status_write("oom_kills=%lld", oom < 0 ? 0 : oom);
        if (peak >= 0) status_write("mem_peak=%lld", peak);
    }
    if (pids[0]) {
        long long hits = read_key(pids, "pids.events", "max");
        status_write("pids_max_hits=%lld", hits < 0 ? 0 : hits);
    }
    for (int c = 0; c < CG_COUNT; c++) {
        if (!cg->dir[c][0]) continue;
        int done = 0;
        for (int d = 0; d < c; d++) done |= strcmp(cg->dir[d], cg->dir[c]) == 0;
        if (done) continue;
        if (!empty_group(cg->dir[c])) status_write("error=cgroup %s did not empty", cg->dir[c]);
        if (remove_group(cg->dir[c]) < 0) status_write("error=rmdir %s: %s", cg->dir[c], strerror(errno));
    }
}

int cg_remove(const struct cgroups *cg) {
    int result = 0;
    for (int c = 0; c < CG_COUNT; c++) {
        if (!cg->dir[c][0]) continue;
        int done = 0;
        for (int d = 0; d < c; d++) done |= strcmp(cg->dir[d], cg->dir[c]) == 0;
        if (done) continue;
        if (!empty_group(cg->dir[c]) || remove_group(cg->dir[c]) < 0) result = -1;
    }
    return result;
}
