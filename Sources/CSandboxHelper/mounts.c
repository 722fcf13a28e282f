/*
 * The bot's filesystem view, built inside a fresh mount namespace:
 *
 *   /            tmpfs, read-only after setup
 *   /usr         host /usr, read-only, nosuid, nodev   (+ /bin /lib /lib64 /sbin symlinks)
 *                (-m DIR: an empty read-only tmpfs hides DIR below /usr, e.g. the host's Python
 *                dist-packages, so a Python bot imports only the stdlib, the SDK and its runtime)
 *   /bot         a copy of the team bundle in its own tmpfs, read-only, nosuid, nodev
 *   /sdk         a copy of the Python SDK directory in its own tmpfs, read-only, noexec (optional)
 *   <dst>        extra read-only binds (-r SRC[:DST], e.g. the rules worker binary)
 *   /scratch     size-capped tmpfs owned by the team uid, nosuid, nodev, noexec, nosymfollow
 *   /tmp         the same tmpfs as /scratch
 *   /dev         null, zero, random, urandom only
 *   /proc        a new procfs for the new pid namespace, hidepid=2
 *
 * Nothing else of the host (no /etc, /home, /root, /work, /sys, other bundles) exists there.
 * Sources are opened as O_PATH descriptors before the new root is mounted, so a source that
 * lives below the mount point (e.g. in /tmp) stays reachable.
 *
 * Nothing names the host either: /proc/self/mountinfo shows, for a bind mount, the source's
 * path inside its file system (the state directory, the run id, the checkout). The bundle and
 * the SDK, the only sources a team's code can look at, are therefore copied (small: bundles
 * are capped by the validator) into tmpfs mounts whose root is "/". The -r binds (the rules
 * worker and its runtime, run by the trusted worker, which gives the team's strategy no file
 * access) keep their host paths.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox.h"

#ifndef MS_NOSYMFOLLOW
#define MS_NOSYMFOLLOW 256
#endif

#define NEWROOT "/tmp"

static int fail(const char *what, const char *path) {
    status_write("error=%s %s: %s", what, path, strerror(errno));
    return -1;
}

/* mkdir -p for a path inside the new root. */
static int make_dirs(const char *path) {
    char buf[512];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        if (mkdir(buf, 0755) < 0 && errno != EEXIST) return -1;
        *p = '/';
    }
    return mkdir(buf, 0755) < 0 && errno != EEXIST ? -1 : 0;
}

/* Bind the object behind `fd` at `target` (created as a dir or empty file), then remount it
 * read-only with `flags`. */
static int bind_ro(int fd, const char *target, unsigned long flags) {
    char source[64];
    struct stat st;
    if (fstat(fd, &st) < 0) return fail("stat", target);
    if (S_ISDIR(st.st_mode)) {
        if (make_dirs(target) < 0) return fail("mkdir", target);
    } else {
        char parent[512];
        snprintf(parent, sizeof parent, "%s", target);
        char *slash = strrchr(parent, '/');
        if (slash) *slash = 0;
        if (make_dirs(parent) < 0) return fail("mkdir", parent);
        int t = open(target, O_CREAT | O_WRONLY | O_CLOEXEC, 0444);
        if (t < 0) return fail("create", target);
        close(t);
    }
    snprintf(source, sizeof source, "/proc/self/fd/%d", fd);
    if (mount(source, target, NULL, MS_BIND | MS_REC, NULL) < 0) return fail("bind", target);
    if (mount(NULL, target, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | flags, NULL) < 0)
        return fail("remount", target);
    return 0;
}

/* Copy budget for /bot and /sdk (the validator caps bundles at 64 MiB unpacked, 8 by default). */
#define COPY_MAX_BYTES (256LL << 20)
#define COPY_MAX_ENTRIES 16384
#define COPY_MAX_DEPTH 32

struct copy_budget {
    long long bytes;
    long entries;
};

static int copy_file(int src_dir, int dst_dir, const char *name, mode_t mode, struct copy_budget *budget) {
    static char chunk[1 << 16];
    int in = openat(src_dir, name, O_RDONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
    if (in < 0) return -1;
    int out = openat(dst_dir, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (out < 0) {
        close(in);
        return -1;
    }
    int result = 0;
    for (;;) {
        ssize_t n = read(in, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            result = n < 0 ? -1 : 0;
            break;
        }
        budget->bytes += n;
        if (budget->bytes > COPY_MAX_BYTES) {
            errno = EFBIG;
            result = -1;
            break;
        }
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(out, chunk + done, (size_t)(n - done));
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0) {
                result = -1;
                break;
            }
            done += w;
        }
        if (result < 0) break;
    }
    if (result == 0 && fchmod(out, mode & 0777) < 0) result = -1;
    int saved = errno;
    close(in);
    close(out);
    errno = saved;
    return result;
}

/* Copies the tree below `src_dir` into `dst_dir`: directories, regular files (permission bits
 * only, no set-id) and symlinks (as they are: inside the sandbox they resolve inside it). Never
 * follows a link; anything else (devices, fifos, sockets) is skipped. */
static int copy_tree(int src_dir, int dst_dir, int depth, struct copy_budget *budget) {
    int listing = openat(src_dir, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = listing >= 0 ? fdopendir(listing) : NULL;
    if (!d) {
        if (listing >= 0) close(listing);
        return -1;
    }
    struct dirent *entry;
    int result = 0;
    while (result == 0 && (entry = readdir(d))) {
        const char *name = entry->d_name;
        struct stat st;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
        if (++budget->entries > COPY_MAX_ENTRIES) {
            errno = EMLINK;
            result = -1;
            break;
        }
        if (fstatat(src_dir, name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
            result = -1;
        } else if (S_ISREG(st.st_mode)) {
            result = copy_file(src_dir, dst_dir, name, st.st_mode, budget);
        } else if (S_ISLNK(st.st_mode)) {
            char target[4096];
            ssize_t n = readlinkat(src_dir, name, target, sizeof target - 1);
            if (n < 0) {
                result = -1;
            } else {
                target[n] = 0;
                result = symlinkat(target, dst_dir, name);
            }
        } else if (S_ISDIR(st.st_mode)) {
            if (depth >= COPY_MAX_DEPTH) {
                errno = ELOOP;
                result = -1;
                break;
            }
            if (mkdirat(dst_dir, name, 0700) < 0) {
                result = -1;
                break;
            }
            int from = openat(src_dir, name, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            int to = openat(dst_dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            result = from < 0 || to < 0 ? -1 : copy_tree(from, to, depth + 1, budget);
            if (result == 0) result = fchmod(to, st.st_mode & 0777);
            int saved = errno;
            if (from >= 0) close(from);
            if (to >= 0) close(to);
            errno = saved;
        }
    }
    int saved = errno;
    closedir(d);
    errno = saved;
    return result;
}

/* A fresh tmpfs at `target` holding a copy of the directory behind `fd`, then read-only with
 * `flags`. Its mountinfo line shows root "/" and the source `name`, nothing of the host. */
static int copy_ro(int fd, const char *target, const char *name, unsigned long flags) {
    struct stat st;
    struct copy_budget budget = {0, 0};
    char data[96];
    if (fstat(fd, &st) < 0) return fail("stat", target);
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return fail("copy", target);
    }
    if (make_dirs(target) < 0) return fail("mkdir", target);
    snprintf(data, sizeof data, "size=%lldk,nr_inodes=%d,mode=%o", COPY_MAX_BYTES >> 10, COPY_MAX_ENTRIES + 16,
             (unsigned)(st.st_mode & 0777));
    if (mount(name, target, "tmpfs", flags, data) < 0) return fail("mount tmpfs", target);
    int to = open(target, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (to < 0) return fail("open", target);
    int copied = copy_tree(fd, to, 0, &budget);
    int saved = errno;
    close(to);
    errno = saved;
    if (copied < 0) return fail("copy into", target);
    if (mount(NULL, target, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | flags, NULL) < 0)
        return fail("remount", target);
    return 0;
}

static int open_path(const char *path) {
    int fd = open(path, O_PATH | O_CLOEXEC);
    if (fd < 0) fail("open", path);
    return fd;
}

int setup_root(const struct options *o) {
    int usr = -1, bundle = -1, sdk = -1, ro[MAX_RO_PATHS];
    const char *devices[] = {"null", "zero", "random", "urandom"};
    int dev[4];
    char path[600], data[128];

    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) return fail("make-private", "/");
    if ((usr = open_path("/usr")) < 0) return -1;
    if (o->bundle && (bundle = open_path(o->bundle)) < 0) return -1;
    if (o->sdk && (sdk = open_path(o->sdk)) < 0) return -1;
    for (int i = 0; i < o->n_ro; i++) {
        char source[512];
        snprintf(source, sizeof source, "%s", o->ro_paths[i]);
        source[strcspn(source, ":")] = 0;
        if ((ro[i] = open_path(source)) < 0) return -1;
    }
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "/dev/%s", devices[i]);
        if ((dev[i] = open_path(path)) < 0) return -1;
    }

    if (mount("arena", NEWROOT, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755") < 0)
        return fail("mount tmpfs", NEWROOT);
    if (bind_ro(usr, NEWROOT "/usr", MS_NOSUID | MS_NODEV) < 0) return -1;
    for (int i = 0; i < o->n_masks; i++) {
        struct stat st;
        if (strncmp(o->masks[i], "/usr/", 5) != 0 || strstr(o->masks[i], "..")) continue;
        snprintf(path, sizeof path, NEWROOT "%s", o->masks[i]);
        if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode)) continue;
        if (mount("masked", path, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=4k,mode=0555") < 0)
            return fail("mask", o->masks[i]);
    }
    const char *links[][2] = {{"usr/bin", "bin"}, {"usr/lib", "lib"}, {"usr/lib64", "lib64"}, {"usr/sbin", "sbin"}};
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, NEWROOT "/%s", links[i][1]);
        if (symlink(links[i][0], path) < 0) return fail("symlink", path);
    }
    if (bundle >= 0 && copy_ro(bundle, NEWROOT "/bot", "bot", MS_NOSUID | MS_NODEV) < 0) return -1;
    if (sdk >= 0 && copy_ro(sdk, NEWROOT "/sdk", "sdk", MS_NOSUID | MS_NODEV | MS_NOEXEC) < 0) return -1;
    for (int i = 0; i < o->n_ro; i++) {
        const char *colon = strchr(o->ro_paths[i], ':');
        snprintf(path, sizeof path, NEWROOT "%s", colon ? colon + 1 : o->ro_paths[i]);
        if (bind_ro(ro[i], path, MS_NOSUID | MS_NODEV) < 0) return -1;
    }

    /* Scratch: the only writable place, size-capped, owned by the team uid. */
    if (make_dirs(NEWROOT "/scratch") < 0 || make_dirs(NEWROOT "/tmp") < 0) return fail("mkdir", "scratch");
    snprintf(data, sizeof data, "size=%ldm,mode=0700,uid=%u,gid=%u,nr_inodes=4096",
             o->scratch_mib > 0 ? o->scratch_mib : 64, (unsigned)o->uid, (unsigned)o->gid);
    unsigned long scratch_flags = MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOSYMFOLLOW;
    if (mount("scratch", NEWROOT "/scratch", "tmpfs", scratch_flags, data) < 0 &&
        mount("scratch", NEWROOT "/scratch", "tmpfs", scratch_flags & ~MS_NOSYMFOLLOW, data) < 0)
        return fail("mount", "/scratch");
    if (mount(NEWROOT "/scratch", NEWROOT "/tmp", NULL, MS_BIND, NULL) < 0) return fail("bind", "/tmp");

    /* /dev with four harmless devices, and the usual fd symlinks. */
    if (make_dirs(NEWROOT "/dev") < 0) return fail("mkdir", "/dev");
    if (mount("dev", NEWROOT "/dev", "tmpfs", MS_NOSUID | MS_NOEXEC, "size=64k,mode=0755") < 0)
        return fail("mount", "/dev");
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, NEWROOT "/dev/%s", devices[i]);
        int t = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0666);
        if (t < 0) return fail("create", path);
        close(t);
        snprintf(data, sizeof data, "/proc/self/fd/%d", dev[i]);
        if (mount(data, path, NULL, MS_BIND, NULL) < 0) return fail("bind", path);
    }
    symlink("/proc/self/fd", NEWROOT "/dev/fd");
    symlink("/proc/self/fd/0", NEWROOT "/dev/stdin");
    symlink("/proc/self/fd/1", NEWROOT "/dev/stdout");
    symlink("/proc/self/fd/2", NEWROOT "/dev/stderr");
    if (make_dirs(NEWROOT "/etc") < 0 || make_dirs(NEWROOT "/proc") < 0) return fail("mkdir", "/etc");
    if (mount("proc", NEWROOT "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, "hidepid=2") < 0)
        return fail("mount", "/proc");

    /* Descriptors to host objects must not survive into the new root. */
    close(usr);
    if (bundle >= 0) close(bundle);
    if (sdk >= 0) close(sdk);
    for (int i = 0; i < o->n_ro; i++) close(ro[i]);
    for (int i = 0; i < 4; i++) close(dev[i]);

    /* pivot_root(".", ".") stacks the old root on top of the new one; detach it. */
    if (chdir(NEWROOT) < 0) return fail("chdir", NEWROOT);
    if (syscall(SYS_pivot_root, ".", ".") < 0) return fail("pivot_root", NEWROOT);
    if (umount2(".", MNT_DETACH) < 0) return fail("umount", "old root");
    if (chdir("/") < 0) return fail("chdir", "/");
    if (mount(NULL, "/", NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL) < 0)
        return fail("remount ro", "/");
    return 0;
}
