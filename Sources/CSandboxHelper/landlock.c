/*
 * Landlock for plain mode (no root, same uid as the runner): the bot may read and execute
 * /usr (and the /bin, /lib, /lib64, /sbin links into it), its bundle, the SDK, the -r paths and
 * its own program; read and write /dev/null, /dev/zero, /dev/random, /dev/urandom; do anything
 * inside its private scratch directory; read its own /proc/<pid>; and nothing else on the file
 * system (no state directory, no keys, no /proc of other processes, no /etc, no home). From ABI 4 it may not
 * bind or connect TCP sockets (seccomp already refuses socket()), from ABI 6 it may not signal
 * processes outside its own tree nor reach abstract unix sockets.
 *
 * Constants are spelled out here: the kernel (ABI up to 6 used) can be newer than the headers.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/types.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox.h"

#define NR_landlock_create_ruleset 444
#define NR_landlock_add_rule 445
#define NR_landlock_restrict_self 446
#define LL_CREATE_RULESET_VERSION (1U << 0)
#define LL_RULE_PATH_BENEATH 1

#define LL_EXECUTE (1ULL << 0)
#define LL_WRITE_FILE (1ULL << 1)
#define LL_READ_FILE (1ULL << 2)
#define LL_READ_DIR (1ULL << 3)
#define LL_ABI1_ALL ((1ULL << 13) - 1) /* execute … make_sym */
#define LL_REFER (1ULL << 13)          /* ABI 2 */
#define LL_TRUNCATE (1ULL << 14)       /* ABI 3 */
#define LL_IOCTL_DEV (1ULL << 15)      /* ABI 5 */
#define LL_NET_BIND_TCP (1ULL << 0)    /* ABI 4 */
#define LL_NET_CONNECT_TCP (1ULL << 1)
#define LL_SCOPE_ABSTRACT_UNIX (1ULL << 0) /* ABI 6 */
#define LL_SCOPE_SIGNAL (1ULL << 1)

struct ll_ruleset_attr {
    __u64 handled_access_fs;
    __u64 handled_access_net;
    __u64 scoped;
};

struct ll_path_beneath_attr {
    __u64 allowed_access;
    __s32 parent_fd;
} __attribute__((packed));

int landlock_abi(void) {
    long abi = syscall(NR_landlock_create_ruleset, NULL, 0, LL_CREATE_RULESET_VERSION);
    return abi > 0 ? (int)abi : 0;
}

/* Allows `access` (masked to what the ruleset handles, and to file rights for a file) below
 * `path`. A path that does not exist is skipped: there is nothing to allow. */
static int allow(int ruleset, const char *path, __u64 access, __u64 handled) {
    struct ll_path_beneath_attr rule;
    struct stat st;
    int fd = open(path, O_PATH | O_CLOEXEC);
    if (fd < 0) return errno == ENOENT || errno == ENOTDIR ? 0 : -1;
    if (fstat(fd, &st) < 0) {
        close(fd);
        return -1;
    }
    access &= handled;
    if (!S_ISDIR(st.st_mode)) access &= LL_EXECUTE | LL_WRITE_FILE | LL_READ_FILE | LL_TRUNCATE | LL_IOCTL_DEV;
    rule.allowed_access = access;
    rule.parent_fd = fd;
    long r = syscall(NR_landlock_add_rule, ruleset, LL_RULE_PATH_BENEATH, &rule, 0);
    int saved = errno;
    close(fd);
    errno = saved;
    return r < 0 ? -1 : 0;
}

/* The source half of a -r SRC[:DST] argument. */
static void source_of(const char *spec, char *out, size_t size) {
    snprintf(out, size, "%s", spec);
    out[strcspn(out, ":")] = 0;
}

int landlock_restrict(const struct options *o) {
    int abi = landlock_abi();
    if (abi <= 0) return 0;
    struct ll_ruleset_attr attr = {0, 0, 0};
    attr.handled_access_fs = LL_ABI1_ALL;
    if (abi >= 2) attr.handled_access_fs |= LL_REFER;
    if (abi >= 3) attr.handled_access_fs |= LL_TRUNCATE;
    if (abi >= 5) attr.handled_access_fs |= LL_IOCTL_DEV;
    if (abi >= 4) attr.handled_access_net = LL_NET_BIND_TCP | LL_NET_CONNECT_TCP;
    if (abi >= 6) attr.scoped = LL_SCOPE_ABSTRACT_UNIX | LL_SCOPE_SIGNAL;
    size_t attr_size = abi >= 6 ? sizeof attr : abi >= 4 ? 2 * sizeof(__u64) : sizeof(__u64);
    int ruleset = (int)syscall(NR_landlock_create_ruleset, &attr, attr_size, 0);
    if (ruleset < 0) return -1;

    const __u64 handled = attr.handled_access_fs;
    const __u64 read_exec = LL_EXECUTE | LL_READ_FILE | LL_READ_DIR;
    const __u64 device = LL_READ_FILE | LL_WRITE_FILE | LL_TRUNCATE;
    const char *system[] = {"/usr", "/bin", "/lib", "/lib64", "/sbin"};
    const char *devices[] = {"/dev/null", "/dev/zero", "/dev/random", "/dev/urandom"};
    char path[512];
    int failed = 0;
    for (size_t i = 0; i < sizeof system / sizeof *system; i++) failed |= allow(ruleset, system[i], read_exec, handled);
    for (size_t i = 0; i < sizeof devices / sizeof *devices; i++) failed |= allow(ruleset, devices[i], device, handled);
    if (o->bundle) failed |= allow(ruleset, o->bundle, read_exec, handled);
    if (o->sdk) failed |= allow(ruleset, o->sdk, LL_READ_FILE | LL_READ_DIR, handled);
    for (int i = 0; i < o->n_ro; i++) {
        source_of(o->ro_paths[i], path, sizeof path);
        failed |= allow(ruleset, path, read_exec, handled);
    }
    if (o->argv[0][0] == '/') failed |= allow(ruleset, o->argv[0], LL_EXECUTE | LL_READ_FILE, handled);
    /* The bot's own /proc/<pid> (it execs in this process): the Swift runtime reads its
     * arguments from /proc/self/cmdline. Nothing of any other process. */
    failed |= allow(ruleset, "/proc/self", LL_READ_FILE | LL_READ_DIR, handled);
    if (o->scratch_dir) failed |= allow(ruleset, o->scratch_dir, handled, handled);
    if (failed || syscall(NR_landlock_restrict_self, ruleset, 0) < 0) {
        int saved = errno;
        close(ruleset);
        errno = saved;
        return -1;
    }
    close(ruleset);
    return 1;
}
