import Foundation
import Glibc

/// The like-for-like baseline of a heat of process bots: N `arena-echo-bot` processes on plain
/// pipes, driven the way the runner drives a heat (write every bot's line, then wait for the
/// replies with `poll` and read each one that is ready), with nothing else — no WorkerGroup,
/// no sandbox helper, no observation building, no engine.
///
/// CPU is measured for the measured ticks only: the driving thread's CPU time
/// (`RUSAGE_THREAD`) and each bot's `/proc/PID/schedstat`, so process start-up is
/// not in it.
struct RawEchoPairs {
    /// Per bot-tick, in microseconds.
    struct Result {
        var driver: Double
        var bots: Double
        var wall: Double
        var total: Double { driver + bots }
    }

    /// Runs `iterations` ticks of `bots` echo bots (each in its own session when `newSession`,
    /// as the sandbox helper starts every worker) after 100 ticks of warm-up. With `cgroups`
    /// (root, cgroup v1) each bot also gets its own cpu, memory and pids cgroup with the
    /// sandbox's default limits, as a sandboxed worker does (`cgroup.c`).
    static func measure(
        bot: String, line: [UInt8], bots: Int, iterations: Int, newSession: Bool, cgroups: Bool = false
    ) -> Result? {
        var inputs: [Int32] = []
        var outputs: [Int32] = []
        var pids: [pid_t] = []
        var groups: [String] = []
        defer {
            for fd in inputs { close(fd) }
            for pid in pids {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            }
            for fd in outputs { close(fd) }
            for group in groups { rmdir(group) }
        }
        for index in 0..<bots {
            guard let pid = spawn(bot, newSession: newSession, inputs: &inputs, outputs: &outputs) else { return nil }
            pids.append(pid)
            if cgroups, !join(pid, name: "arena-bench-raw-\(getpid())-\(index)", into: &groups) { return nil }
        }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var descriptors = [pollfd](repeating: pollfd(), count: bots)
        var owners = [Int](repeating: 0, count: bots)
        var replied = [Bool](repeating: false, count: bots)
        func tick() -> Bool {
            for fd in inputs {
                var offset = 0
                while offset < line.count {
                    let written = line.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
                    guard written > 0 else { return false }
                    offset += written
                }
            }
            for index in replied.indices { replied[index] = false }
            var left = bots
            while left > 0 {
                var count = 0
                for index in 0..<bots where !replied[index] {
                    descriptors[count] = pollfd(fd: outputs[index], events: Int16(POLLIN), revents: 0)
                    owners[count] = index
                    count += 1
                }
                guard poll(&descriptors, nfds_t(count), 10_000) > 0 else { return false }
                for slot in 0..<count where descriptors[slot].revents != 0 {
                    let got = read(descriptors[slot].fd, &buffer, buffer.count)
                    guard got > 0 else { return false }
                    // Replies are ~40 bytes: one read holds the line; a partial one waits for the rest.
                    if buffer[got - 1] == 0x0A {
                        replied[owners[slot]] = true
                        left -= 1
                    }
                }
            }
            return true
        }
        for _ in 0..<100 {
            guard tick() else { return nil }
        }
        let botsBefore = pids.map(schedstatNanoseconds).reduce(0, +)
        let driverBefore = threadNanoseconds()
        let wallBefore = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations {
            guard tick() else { return nil }
        }
        let wall = DispatchTime.now().uptimeNanoseconds - wallBefore
        let driver = threadNanoseconds() - driverBefore
        let botsAfter = pids.map(schedstatNanoseconds).reduce(0, +)
        let perBotTick = { (nanoseconds: UInt64) in Double(nanoseconds) / Double(bots * iterations) / 1_000 }
        return Result(driver: perBotTick(driver), bots: perBotTick(botsAfter - botsBefore), wall: perBotTick(wall))
    }

    /// Moves `pid` into new v1 cpu, memory and pids cgroups named `name` with the sandbox's
    /// default limits (CPU 100 % of a core, 512 MiB, 64 pids); false when a step fails.
    private static func join(_ pid: pid_t, name: String, into groups: inout [String]) -> Bool {
        let settings: [(controller: String, files: [(String, String)])] = [
            ("cpu", [("cpu.cfs_period_us", "100000"), ("cpu.cfs_quota_us", "100000")]),
            ("memory", [("memory.limit_in_bytes", "\(512 << 20)")]),
            ("pids", [("pids.max", "64")]),
        ]
        for (controller, files) in settings {
            let directory = "/sys/fs/cgroup/\(controller)/\(name)"
            guard mkdir(directory, 0o755) == 0 else { return false }
            groups.append(directory)
            for (file, value) in files + [("cgroup.procs", "\(pid)")] {
                guard (try? value.write(toFile: directory + "/" + file, atomically: false, encoding: .utf8)) != nil
                else { return false }
            }
        }
        return true
    }

    /// posix_spawn of `bot` on two new pipes (the host ends close-on-exec, reads non-blocking).
    private static func spawn(_ bot: String, newSession: Bool, inputs: inout [Int32], outputs: inout [Int32])
        -> pid_t?
    {
        var stdinPipe: [Int32] = [-1, -1]
        var stdoutPipe: [Int32] = [-1, -1]
        guard pipe(&stdinPipe) == 0 else { return nil }
        guard pipe(&stdoutPipe) == 0 else {
            close(stdinPipe[0])
            close(stdinPipe[1])
            return nil
        }
        for fd in stdinPipe + stdoutPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(stdoutPipe[0], F_SETFL, fcntl(stdoutPipe[0], F_GETFL) | O_NONBLOCK)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
            close(stdinPipe[0])
            close(stdoutPipe[1])
        }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        let setsid: Int16 = 0x80  // POSIX_SPAWN_SETSID (glibc 2.26+)
        if newSession { posix_spawnattr_setflags(&attributes, setsid) }
        var arguments: [UnsafeMutablePointer<CChar>?] = [strdup(bot), nil]
        defer { free(arguments[0]) }
        var environment: [UnsafeMutablePointer<CChar>?] = [nil]
        var pid: pid_t = 0
        guard posix_spawn(&pid, bot, &actions, &attributes, &arguments, &environment) == 0 else {
            close(stdinPipe[1])
            close(stdoutPipe[0])
            return nil
        }
        inputs.append(stdinPipe[1])
        outputs.append(stdoutPipe[0])
        return pid
    }

    /// CPU time the process has run, in nanoseconds (first field of /proc/PID/schedstat).
    private static func schedstatNanoseconds(_ pid: pid_t) -> UInt64 {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/schedstat", encoding: .utf8) else { return 0 }
        return text.split(separator: " ").first.flatMap { UInt64($0) } ?? 0
    }

    /// CPU time of the calling thread (RUSAGE_THREAD), in nanoseconds.
    private static func threadNanoseconds() -> UInt64 {
        var usage = rusage()
        getrusage(__rusage_who_t(1), &usage)  // RUSAGE_THREAD
        let microseconds =
            (Int(usage.ru_utime.tv_sec) + Int(usage.ru_stime.tv_sec)) * 1_000_000 + Int(usage.ru_utime.tv_usec)
            + Int(usage.ru_stime.tv_usec)
        return UInt64(microseconds) * 1_000
    }
}
