/*
 * Seccomp denylist (default allow), raw classic BPF, x86_64 only:
 *   - any other architecture or the x32 ABI kills the process;
 *   - network sockets: EACCES;
 *   - debugging, namespaces, mounts, kernel keyrings, bpf, io_uring, modules, clocks, …: EPERM;
 *   - clone() with any CLONE_NEW* flag: EPERM; clone3: ENOSYS (glibc falls back to clone);
 *   - ioctl TIOCSTI / TIOCLINUX (terminal injection): EPERM.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stddef.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox.h"

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x80
#endif
#ifndef TIOCLINUX
#define TIOCLINUX 0x541C
#endif

/* Numbers newer than some libc headers (x86_64). */
#define NR_io_uring_setup 425
#define NR_io_uring_enter 426
#define NR_io_uring_register 427
#define NR_open_tree 428
#define NR_move_mount 429
#define NR_fsopen 430
#define NR_fsconfig 431
#define NR_fsmount 432
#define NR_fspick 433
#define NR_clone3 435
#define NR_pidfd_getfd 438
#define NR_mount_setattr 442
#define NR_quotactl_fd 443

#define ARCH_NR AUDIT_ARCH_X86_64
#define X32_BIT 0x40000000u

static const int denied_eacces[] = {
    SYS_socket, SYS_socketpair, SYS_connect, SYS_bind, SYS_listen, SYS_accept, SYS_accept4,
};

static const int denied_eperm[] = {
    SYS_ptrace, SYS_process_vm_readv, SYS_process_vm_writev, SYS_kcmp, NR_pidfd_getfd,
    SYS_mount, SYS_umount2, SYS_pivot_root, SYS_chroot, SYS_unshare, SYS_setns,
    NR_open_tree, NR_move_mount, NR_fsopen, NR_fsconfig, NR_fsmount, NR_fspick, NR_mount_setattr,
    SYS_keyctl, SYS_add_key, SYS_request_key, SYS_bpf, SYS_perf_event_open, SYS_userfaultfd,
    NR_io_uring_setup, NR_io_uring_enter, NR_io_uring_register,
    SYS_init_module, SYS_finit_module, SYS_delete_module, SYS_kexec_load, SYS_kexec_file_load,
    SYS_reboot, SYS_swapon, SYS_swapoff, SYS_acct, SYS_quotactl, NR_quotactl_fd,
    SYS_open_by_handle_at, SYS_name_to_handle_at, SYS_settimeofday, SYS_clock_settime,
    SYS_clock_adjtime, SYS_adjtimex, SYS_syslog, SYS_vhangup, SYS_fanotify_init, SYS_mknod,
    SYS_mknodat, SYS_iopl, SYS_ioperm, SYS_uselib, SYS_lookup_dcookie, SYS_sethostname,
    SYS_setdomainname,
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define STMT(code, k) ((struct sock_filter)BPF_STMT(code, k))
#define JUMP(code, k, t, f) ((struct sock_filter)BPF_JUMP(code, k, t, f))
#define RET(v) STMT(BPF_RET | BPF_K, (v))
#define LOAD(field) STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, field))
#define LOAD_ARG_LO(i) STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[i]))

int install_seccomp(void) {
    struct sock_filter f[160];
    unsigned n = 0;
    const unsigned long new_ns = CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC |
                                 CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWTIME;

    f[n++] = LOAD(arch);
    f[n++] = JUMP(BPF_JMP | BPF_JEQ | BPF_K, ARCH_NR, 1, 0);
    f[n++] = RET(SECCOMP_RET_KILL_PROCESS);
    f[n++] = LOAD(nr);
    f[n++] = JUMP(BPF_JMP | BPF_JGE | BPF_K, X32_BIT, 0, 1);
    f[n++] = RET(SECCOMP_RET_KILL_PROCESS);
    for (unsigned i = 0; i < N(denied_eacces); i++) {
        f[n++] = JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)denied_eacces[i], 0, 1);
        f[n++] = RET(SECCOMP_RET_ERRNO | EACCES);
    }
    for (unsigned i = 0; i < N(denied_eperm); i++) {
        f[n++] = JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)denied_eperm[i], 0, 1);
        f[n++] = RET(SECCOMP_RET_ERRNO | EPERM);
    }
    f[n++] = JUMP(BPF_JMP | BPF_JEQ | BPF_K, NR_clone3, 0, 1);
    f[n++] = RET(SECCOMP_RET_ERRNO | ENOSYS);
    /* clone(flags, ...): refuse new namespaces (flags live in the low 32 bits). */
    f[n++] = JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone, 0, 4);
    f[n++] = LOAD_ARG_LO(0);
    f[n++] = JUMP(BPF_JMP | BPF_JSET | BPF_K, (unsigned)new_ns, 0, 1);
    f[n++] = RET(SECCOMP_RET_ERRNO | EPERM);
    f[n++] = RET(SECCOMP_RET_ALLOW);
    /* ioctl(fd, request): refuse terminal input injection. */
    f[n++] = JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_ioctl, 0, 4);
    f[n++] = LOAD_ARG_LO(1);
    f[n++] = JUMP(BPF_JMP | BPF_JEQ | BPF_K, TIOCSTI, 1, 0);
    f[n++] = JUMP(BPF_JMP | BPF_JEQ | BPF_K, TIOCLINUX, 0, 1);
    f[n++] = RET(SECCOMP_RET_ERRNO | EPERM);
    f[n++] = RET(SECCOMP_RET_ALLOW);

    struct sock_fprog prog = {.len = (unsigned short)n, .filter = f};
    return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
}
