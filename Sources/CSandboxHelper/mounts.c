/*
 * The bot's filesystem view, built inside a fresh mount namespace:
 *
 *   /            tmpfs, read-only after setup
 *   /usr         host /usr, read-only, nosuid, nodev   (+ /bin /lib /lib64 /sbin symlinks)
 *   /bot         the team bundle, read-only, nosuid, nodev
 *   /sdk         the Python SDK directory, read-only, noexec (optional)
 *   <dst>        extra read-only binds (-r SRC[:DST], e.g. the rules worker binary)
 *   /scratch     size-capped tmpfs owned by the team uid, nosuid, nodev, noexec, nosymfollow
 *   /tmp         the same tmpfs as /scratch
 *   /dev         null, zero, random, urandom only
 *   /proc        a new procfs for the new pid namespace, hidepid=2
 *
 * Nothing else of the host (no /etc, /home, /root, /work, /sys, other bundles) exists there.
 * Sources are opened as O_PATH descriptors before the new root is mounted, so a source that
 * lives below the mount point (e.g. in /tmp) stays reachable.
 */
#define _GNU_SOURCE
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
    const char *links[][2] = {{"usr/bin", "bin"}, {"usr/lib", "lib"}, {"usr/lib64", "lib64"}, {"usr/sbin", "sbin"}};
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, NEWROOT "/%s", links[i][1]);
        if (symlink(links[i][0], path) < 0) return fail("symlink", path);
    }
    if (bundle >= 0 && bind_ro(bundle, NEWROOT "/bot", MS_NOSUID | MS_NODEV) < 0) return -1;
    if (sdk >= 0 && bind_ro(sdk, NEWROOT "/sdk", MS_NOSUID | MS_NODEV | MS_NOEXEC) < 0) return -1;
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
