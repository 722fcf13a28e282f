/*
 * arena-sandbox: runs one team's bot inside a per-team sandbox.
 *
 * Process tree (sandboxed mode):
 *
 *   host (Swift) ── supervisor (this binary, root, host namespaces except pid)
 *                     └── init (pid 1 of a new pid namespace; own mount/net/ipc/uts/cgroup ns)
 *                           └── bot (team uid, no caps, no_new_privs, seccomp, rlimits) → execve
 *
 * File descriptors from the host: 0/1/2 are the bot's stdin/stdout/stderr pipes, 3 is the read
 * end of the "lifeline" pipe (EOF = the host wants the sandbox gone, or died), 4 is the write end
 * of the status pipe (key=value lines, see main.c), and optionally 5: the team uid's lease, a
 * file the host holds an exclusive flock(2) on. The helper never reads it; it only keeps it open
 * until it exits (after the bot and every process of the sandbox are gone), so the uid is not
 * leased again while anything still runs under it. The bot never sees descriptors above 2.
 *
 * Plain mode (-X, development only): no namespaces, cgroups or uid change; the bot gets a
 * private scratch directory (HOME, TMPDIR) and, where the kernel has Landlock, may read only
 * /usr, its bundle, the SDK and the -r paths, write only its scratch directory, and signal no
 * process outside its own tree (landlock.c).
 */
#ifndef ARENA_SANDBOX_H
#define ARENA_SANDBOX_H

#include <sys/types.h>

#define MAX_RO_PATHS 16
#define MAX_MASKS 16
#define MAX_ENV 48
#define LIFELINE_FD 3
#define STATUS_FD 4

/* Everything the command line can set. Sizes in MiB, times in seconds. 0 = not limited. */
struct options {
    const char *name;                 /* -n  cgroup name (unique per worker) */
    const char *bundle;               /* -b  team bundle, mounted read-only at /bot */
    const char *sdk;                  /* -s  SDK directory, mounted read-only at /sdk */
    const char *ro_paths[MAX_RO_PATHS]; /* -r  SRC[:DST] extra read-only binds */
    int n_ro;
    const char *masks[MAX_MASKS];     /* -m  directories under /usr hidden by an empty read-only tmpfs */
    int n_masks;
    const char *env[MAX_ENV];         /* -e  KEY=VALUE, the bot's whole environment */
    int n_env;
    const char *workdir;              /* -w  bot working directory (plain mode default: its scratch) */
    uid_t uid;                        /* -u  team uid */
    gid_t gid;                        /* -g  team gid */
    long mem_mib;                     /* -M  cgroup memory limit */
    long pids;                        /* -P  cgroup pids.max (and RLIMIT_NPROC) */
    long cpu_pct;                     /* -c  cgroup CPU quota, percent of one core */
    long cpu_sec;                     /* -t  RLIMIT_CPU seconds */
    long scratch_mib;                 /* -S  /scratch tmpfs size */
    long fsize_mib;                   /* -F  RLIMIT_FSIZE */
    long nofile;                      /* -N  RLIMIT_NOFILE */
    long as_mib;                      /* -A  RLIMIT_AS */
    int plain;                        /* -X  no namespaces, cgroups or uid change (dev only) */
    const char *scratch_dir;          /* plain mode: the private scratch directory (set by main) */
    char **argv;                      /* program and arguments after "--" */
};

/* status.c: key=value lines on the status pipe; never blocks the caller for long. */
void status_write(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* cgroup.c */
enum { CG_MEMORY, CG_PIDS, CG_CPU, CG_COUNT };
struct cgroups {
    char dir[CG_COUNT][512]; /* created directory per controller ("" = none) */
    int version[CG_COUNT];   /* 0 = controller not found, 1 or 2 */
};
void cg_detect(struct cgroups *cg);
int cg_create(struct cgroups *cg, const struct options *o);
int cg_join(const struct cgroups *cg, pid_t pid);
void cg_report_and_remove(const struct cgroups *cg);
/* Empties and removes the groups; returns 0 when all are gone. Writes nothing on the status pipe. */
int cg_remove(const struct cgroups *cg);

/* mounts.c: builds the read-only root and pivots into it (inside a new mount ns). */
int setup_root(const struct options *o);

/* seccomp.c: installs the denylist filter; needs no_new_privs set first. */
int install_seccomp(void);

/* probe.c: prints what this kernel supports; exit status 0 when everything is there. */
int probe(void);

/* landlock.c: the highest Landlock ABI of this kernel, 0 when unavailable. */
int landlock_abi(void);
/* Restricts the calling process (plain mode, after no_new_privs) to the paths of `o`: returns 1
 * when restricted, 0 when the kernel has no Landlock, -1 on error. */
int landlock_restrict(const struct options *o);

/* scratch.c: plain mode's private scratch directory. */
int scratch_create(char *path, size_t size);
void scratch_remove(const char *path);

#endif
