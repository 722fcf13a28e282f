import Glibc

/// Builds the `arena-sandbox` command line for one worker.
struct HelperInvocation {
    /// Where the rules worker binary appears inside the sandbox.
    static let workerMountPoint = "/opt/arena/bin/arena-worker"

    let configuration: SandboxConfiguration
    let launch: WorkerLaunch
    let cgroupName: String
    /// The team uid (and gid) leased for this worker; unused in plain mode.
    let uid: UInt32

    /// The complete argv, helper first. In plain mode the bundle, SDK and read-only paths are
    /// not mounted: they are what the helper's Landlock rules let the bot read.
    func arguments() throws(SandboxError) -> [String] {
        let sandboxed = configuration.isolation == .sandboxed
        let limits = configuration.limits
        var argv = [configuration.helperPath]
        if sandboxed {
            argv += ["-n", cgroupName, "-b", launch.bundleDirectory, "-u", "\(uid)", "-g", "\(uid)"]
            argv += ["-M", "\(limits.memoryMiB)", "-P", "\(limits.pids)", "-c", "\(limits.cpuPercent)"]
            argv += ["-S", "\(limits.scratchMiB)", "-w", "/bot"]
        } else {
            argv += ["-X", "-b", launch.bundleDirectory, "-w", launch.bundleDirectory]
        }
        if launch.runtime == .python, let sdk = configuration.pythonSDKDirectory { argv += ["-s", sdk] }
        for path in readOnlyPaths() { argv += ["-r", path] }
        argv += ["-t", "\(limits.cpuSeconds)", "-F", "\(limits.fileSizeMiB)", "-N", "\(limits.openFiles)"]
        if limits.addressSpaceMiB > 0 { argv += ["-A", "\(limits.addressSpaceMiB)"] }
        for variable in environment() { argv += ["-e", variable] }
        argv.append("--")
        argv += try program()
        return argv
    }

    /// The bot's whole environment. HOME and TMPDIR are the scratch directory (plain mode: the
    /// helper creates a private one and sets them).
    private func environment() -> [String] {
        let sandboxed = configuration.isolation == .sandboxed
        var variables = ["PATH=/usr/bin:/bin"]
        if sandboxed { variables += ["HOME=/scratch", "TMPDIR=/scratch"] }
        variables.append("LANG=C.UTF-8")
        if launch.runtime == .python {
            variables += ["PYTHONUNBUFFERED=1", "PYTHONDONTWRITEBYTECODE=1", "PYTHONHASHSEED=0", "PYTHONNOUSERSITE=1"]
            if let sdk = configuration.pythonSDKDirectory { variables.append("PYTHONPATH=\(sandboxed ? "/sdk" : sdk)") }
        }
        return variables
    }

    private func program() throws(SandboxError) -> [String] {
        let bot = configuration.isolation == .sandboxed ? "/bot" : launch.bundleDirectory
        switch launch.runtime {
        case .rules:
            let worker = configuration.isolation == .sandboxed ? Self.workerMountPoint : configuration.workerPath
            return [worker, "\(bot)/strategy.yaml"]
        case .python:
            return [configuration.pythonPath, "\(bot)/\(try entry())"]
        case .exec:
            return ["\(bot)/\(try entry())"]
        }
    }

    private func entry() throws(SandboxError) -> String {
        guard let entry = launch.entry, !entry.isEmpty, !entry.hasPrefix("/"),
            !entry.split(separator: "/").contains(".."), !entry.contains("\0")
        else {
            throw SandboxError(.invalidLaunch, "slot \(launch.slot): entry must be a relative path inside the bundle")
        }
        return entry
    }

    private func readOnlyPaths() -> [String] {
        var paths = configuration.extraReadOnlyPaths
        if launch.runtime == .rules {
            paths.append("\(configuration.workerPath):\(Self.workerMountPoint)")
            if let directory = Self.swiftRuntimeDirectory { paths.append(directory) }
        }
        return paths
    }

    /// Directory of the Swift runtime libraries this process uses (a dynamically linked
    /// arena-worker built by the same toolchain needs it), from /proc/self/maps.
    static let swiftRuntimeDirectory: String? = {
        guard let file = fopen("/proc/self/maps", "re") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 4096)
        while fgets(&line, Int32(line.count), file) != nil {
            let length = line.firstIndex(of: 0) ?? line.count
            let text = String(decoding: line[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard let slash = text.firstIndex(of: "/"), text.contains("/libswiftCore.so") else { continue }
            let path = text[slash...].trimmingCharacters(in: "\n")
            guard let last = path.lastIndex(of: "/") else { continue }
            let directory = String(path[..<last])
            return directory.hasPrefix("/tmp") ? nil : directory
        }
        return nil
    }()
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var result = self
        while result.last == set { result.removeLast() }
        return String(result)
    }
}
