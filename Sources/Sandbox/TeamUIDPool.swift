import Glibc

/// The host-wide pool of team uids: `first ..< first + count`, one lock file per uid in a
/// root-owned directory. A uid is leased by taking an exclusive, non-blocking `flock` on its
/// file; the lock belongs to the open file, so it is released when the last descriptor closes,
/// including when the holder crashes. `WorkerGroup` hands the descriptor to the worker's helper,
/// which keeps it until it exits, after everything in the sandbox is gone.
struct TeamUIDPool {
    let first: UInt32
    let count: Int
    let directory: String

    init(configuration: SandboxConfiguration) {
        first = configuration.uidBase
        count = max(0, configuration.uidCount)
        directory = configuration.uidLockDirectory
    }

    /// Leases the lowest free uid of the pool.
    func lease() throws(SandboxError) -> TeamUIDLease {
        guard first > 0 else { throw SandboxError(.uidPoolUnsafe, "uidBase 0 would run bots as root") }
        try prepareDirectory()
        for offset in 0..<count {
            let (uid, overflow) = first.addingReportingOverflow(UInt32(truncatingIfNeeded: offset))
            if overflow { break }
            let fd = open("\(directory)/\(uid).lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                throw SandboxError(
                    .uidPoolUnsafe, "cannot open the lock of uid \(uid) in \(directory): \(Self.errorText())")
            }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return TeamUIDLease(uid: uid, descriptor: SystemCalls.raise(fd)) }
            close(fd)
        }
        throw SandboxError(
            .uidPoolExhausted,
            "all \(count) team uids from \(first) are leased: too many sandboxed workers on this host (uidCount)")
    }

    /// Creates the directory (0700) if needed and refuses one that another user could write to.
    private func prepareDirectory() throws(SandboxError) {
        var path = ""
        for component in directory.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw SandboxError(.uidPoolUnsafe, "cannot create \(path): \(Self.errorText())")
            }
        }
        chmod(directory, 0o700)
        var info = stat()
        guard lstat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == 0,
            info.st_mode & 0o022 == 0
        else {
            throw SandboxError(
                .uidPoolUnsafe, "\(directory) must be a directory owned by root and writable by root only")
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
