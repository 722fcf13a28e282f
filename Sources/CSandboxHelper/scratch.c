/*
 * Plain mode's scratch directory: a fresh 0700 directory under /tmp for HOME and TMPDIR, so
 * bots never share /tmp with each other or with the runner, removed when the bot is gone.
 * Removal walks with descriptors (openat O_NOFOLLOW, unlinkat): a bot that swaps a directory
 * for a symlink meanwhile only makes the walk skip it, never redirects it outside.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sandbox.h"

int scratch_create(char *path, size_t size) {
    snprintf(path, size, "/tmp/arena-scratch-XXXXXX");
    return mkdtemp(path) ? 0 : -1;
}

static void remove_entries(int dir, int depth) {
    DIR *d = fdopendir(dir);
    if (!d) {
        close(dir);
        return;
    }
    struct dirent *entry;
    while ((entry = readdir(d))) {
        const char *name = entry->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
        if (unlinkat(dirfd(d), name, 0) == 0) continue;
        if (errno != EISDIR && errno != EPERM) continue;
        int child = openat(dirfd(d), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (child < 0) continue;
        fchmod(child, 0700); /* the bot may have made it unwritable */
        if (depth < 64) remove_entries(child, depth + 1);
        else close(child);
        unlinkat(dirfd(d), name, AT_REMOVEDIR);
    }
    closedir(d);
}

void scratch_remove(const char *path) {
    int dir = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dir < 0) return;
    fchmod(dir, 0700);
    remove_entries(dir, 0);
    rmdir(path);
}
