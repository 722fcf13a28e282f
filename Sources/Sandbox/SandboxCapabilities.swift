import Glibc

/// What the machine offers for sandboxing, as reported by `arena-sandbox --probe`.
public struct SandboxCapabilities: Sendable, Hashable {
    public var root: Bool
    public var namespaces: Bool
    public var seccomp: Bool
    /// "v1", "v2" or "none" per controller.
    public var memoryCgroup: String
    public var pidsCgroup: String
    public var cpuCgroup: String
    /// A test group with memory, pids and CPU limits could be created, set and removed (root only).
    public var cgroupsUsable: Bool = false
    /// The kernel's Landlock ABI, 0 when it has none. Plain mode needs it to keep the runner's
    /// files and processes out of the bots' reach.
    public var landlockABI: Int = 0

    /// Whether `.sandboxed` isolation can work here.
    public var complete: Bool {
        root && namespaces && seccomp && memoryCgroup != "none" && pidsCgroup != "none" && cpuCgroup != "none"
            && cgroupsUsable
    }

    /// What is missing to run workers with `isolation` and `limits` here, one phrase each; empty
    /// when nothing is. Sandboxed mode needs root, namespaces, seccomp and a usable cgroup
    /// controller for every limit that is set (memory, pids, CPU share); plain mode needs
    /// seccomp and Landlock.
    public func missing(isolation: Isolation, limits: ResourceLimits) -> [String] {
        var missing: [String] = []
        if !seccomp { missing.append("seccomp filters") }
        switch isolation {
        case .plainProcess:
            if landlockABI < 1 { missing.append("Landlock (Linux 5.13 or newer, enabled in the lsm= list)") }
        case .sandboxed:
            if !root { missing.append("root") }
            if !namespaces { missing.append("namespaces (unshare of mount, pid, net, ipc, uts, cgroup)") }
            let controllers = [
                ("memory", limits.memoryMiB, memoryCgroup), ("pids", limits.pids, pidsCgroup),
                ("cpu", limits.cpuPercent, cpuCgroup),
            ]
            for (name, limit, version) in controllers where limit > 0 && version == "none" {
                missing.append("the \(name) cgroup controller (the \(name) limit is set)")
            }
            if root && !cgroupsUsable && !controllers.contains(where: { $0.1 > 0 && $0.2 == "none" }) {
                missing.append("a writable cgroup hierarchy (a test group could not be created)")
            }
        }
        return missing
    }

    /// Runs the helper's probe. Throws when the helper cannot be run.
    public static func probe(helperPath: String) throws -> SandboxCapabilities {
        guard let pipe = SystemCalls.pipe() else { throw SandboxError(.probeFailed, "pipe failed") }
        let null = open("/dev/null", O_RDWR | O_CLOEXEC)
        defer { close(null) }
        let spawned = SystemCalls.spawn([helperPath, "--probe"], fds: [null, pipe.write, null])
        close(pipe.write)
        defer { close(pipe.read) }
        guard case .success(let pid) = spawned else { throw SandboxError(.probeFailed, "cannot run \(helperPath)") }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(pipe.read, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            output += chunk[..<count]
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        var values: [String: String] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        guard values["ok"] != nil else { throw SandboxError(.probeFailed, "unexpected probe output") }
        return SandboxCapabilities(
            root: values["root"] == "1", namespaces: values["namespaces"] == "1", seccomp: values["seccomp"] == "1",
            memoryCgroup: values["cgroup_memory"] ?? "none", pidsCgroup: values["cgroup_pids"] ?? "none",
            cpuCgroup: values["cgroup_cpu"] ?? "none", cgroupsUsable: values["cgroups_usable"] == "1",
            landlockABI: values["landlock"].flatMap { Int($0) } ?? 0)
    }
}
