import Glibc

/// Thin wrappers over the few system calls the host side needs that Swift cannot import
/// directly (variadic `prctl`) or that need care (close-on-exec pipes above fd 4).
enum SystemCalls {
    private typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34+), looked up once; nil when absent.
    private static let addCloseFrom: AddCloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    /// `pipe2` is a GNU extension the Glibc module does not export; looked up once.
    private static let pipe2: Pipe2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pipe2") else { return nil }
        return unsafeBitCast(symbol, to: Pipe2.self)
    }()

    /// Makes this process the reaper of its orphaned descendants (PR_SET_CHILD_SUBREAPER).
    @discardableResult
    static func becomeChildSubreaper() -> Bool {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { return false }
        let prctl = unsafeBitCast(symbol, to: Prctl.self)
        let setChildSubreaper: Int32 = 36  // PR_SET_CHILD_SUBREAPER
        return prctl(setChildSubreaper, 1, 0, 0, 0) == 0
    }

    /// A close-on-exec pipe whose ends are both numbered 10 or higher, so that mapping them
    /// onto 0…4 in a child never collides with a source descriptor.
    static func pipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        guard let pipe2, pipe2(&fds, O_CLOEXEC) == 0 else { return nil }
        return (raise(fds[0]), raise(fds[1]))
    }

    /// `fd` moved to a number of 10 or higher (close-on-exec), so that mapping descriptors onto
    /// 0…5 in a child never collides with a source descriptor.
    static func raise(_ fd: Int32) -> Int32 {
        guard fd < 10 else { return fd }
        let moved = fcntl(fd, F_DUPFD_CLOEXEC, Int32(10))
        guard moved >= 0 else { return fd }
        close(fd)
        return moved
    }

    static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    }

    /// Ignores SIGPIPE process-wide so a write to a dead bot returns EPIPE instead of killing us.
    static func ignoreSIGPIPE() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// posix_spawn of `argv` with `fds[i]` as descriptor `i` in the child and no other
    /// descriptor (where the C library can close the rest), an empty
    /// environment, default signal dispositions and an empty signal mask.
    static func spawn(_ argv: [String], fds: [Int32]) -> Result<pid_t, SpawnFailure> {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        for (target, source) in fds.enumerated() {
            posix_spawn_file_actions_adddup2(&actions, source, Int32(target))
        }
        // Nothing else reaches the child, not even a descriptor some library of this process
        // opened without close-on-exec (the helper closes everything above 2 before the bot
        // runs anyway; this keeps the helper itself to its own descriptors).
        if let addCloseFrom { _ = addCloseFrom(&actions, Int32(fds.count)) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        cArguments.append(nil)
        defer {
            for argument in cArguments { free(argument) }
        }
        var environment: [UnsafeMutablePointer<CChar>?] = [nil]
        var pid: pid_t = 0
        let result = posix_spawn(&pid, argv[0], &actions, &attributes, &cArguments, &environment)
        guard result == 0 else { return .failure(SpawnFailure(errno: result)) }
        return .success(pid)
    }

    /// errno of a failed spawn.
    struct SpawnFailure: Error {
        var errno: Int32
        var message: String { String(cString: strerror(errno)) }
    }
}
