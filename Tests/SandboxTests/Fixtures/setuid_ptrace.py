"""Tries to become root (setuid, setuid binaries) and to ptrace its parent and pid 1."""
import ctypes
import os
import subprocess
import attacklib


def attack(tick):
    for what, call in [("setuid", lambda: os.setuid(0)), ("setgid", lambda: os.setgid(0)),
                       ("seteuid", lambda: os.seteuid(0))]:
        try:
            call()
            attacklib.result(what, "ESCAPED uid=%d" % os.getuid())
        except OSError as error:
            attacklib.result(what, "DENIED %s" % error.strerror)
    for binary in ["/usr/bin/su", "/usr/bin/passwd", "/usr/bin/sudo", "/usr/bin/mount"]:
        if not os.path.exists(binary):
            continue
        try:
            out = subprocess.run([binary, "--version"], capture_output=True, timeout=5, stdin=subprocess.DEVNULL)
            attacklib.result("exec " + binary, "ran status=%d euid-check" % out.returncode)
        except (OSError, subprocess.SubprocessError) as error:
            attacklib.result("exec " + binary, "DENIED %s" % error)
    libc = ctypes.CDLL(None, use_errno=True)
    for pid in [os.getppid(), 1]:
        rc = libc.ptrace(16, pid, None, None)  # PTRACE_ATTACH
        if rc == 0:
            libc.ptrace(17, pid, None, None)  # PTRACE_DETACH
            attacklib.result("ptrace %d" % pid, "ESCAPED attached")
        else:
            attacklib.result("ptrace %d" % pid, "DENIED errno=%d" % ctypes.get_errno())
    with open("/proc/self/status") as f:
        status = dict(line.split(":", 1) for line in f if ":" in line)
    attacklib.result("caps", "CapEff=%s NoNewPrivs=%s Seccomp=%s" % (
        status["CapEff"].strip(), status["NoNewPrivs"].strip(), status["Seccomp"].strip()))


attacklib.run(attack)
