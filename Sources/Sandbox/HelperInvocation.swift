import Foundation
import Glibc

/// Builds the `arena-sandbox` command line for one worker.
struct HelperInvocation {
    /// Where the rules worker binary appears inside the sandbox.
    static let workerMountPoint = "/opt/arena/bin/arena-worker"
    /// Where the team's bundle appears inside the sandbox (read-only; `PERPARENA_BUNDLE`).
    public static let bundleMountPoint = "/bot"
    /// The bot's working directory inside the sandbox: the writable, size-capped scratch.
    public static let scratchMountPoint = "/scratch"
    /// Variables that keep numerical libraries to one thread: a worker's pids limit counts
    /// threads, and OpenBLAS, OpenMP, onnxruntime and polars would otherwise start one per host core.
    static let singleThreadEnvironment = [
        "OPENBLAS_NUM_THREADS=1", "OMP_NUM_THREADS=1", "MKL_NUM_THREADS=1", "NUMEXPR_MAX_THREADS=1",
        "POLARS_MAX_THREADS=1", "RAYON_NUM_THREADS=1", "JOBLIB_MULTIPROCESSING=0",
    ]

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
            argv += ["-S", "\(limits.scratchMiB)", "-w", Self.scratchMountPoint]
            if launch.runtime == .python {
                for directory in Self.hostPythonPackageDirectories { argv += ["-m", directory] }
            }
        } else {
            // The helper starts the bot in its private scratch directory.
            argv += ["-X", "-b", launch.bundleDirectory]
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
        variables.append("PERPARENA_BUNDLE=\(sandboxed ? Self.bundleMountPoint : launch.bundleDirectory)")
        if launch.runtime == .python {
            variables += ["PYTHONUNBUFFERED=1", "PYTHONDONTWRITEBYTECODE=1", "PYTHONHASHSEED=0", "PYTHONNOUSERSITE=1"]
            var path: [String] = []
            if let sdk = configuration.pythonSDKDirectory { path.append(sandboxed ? "/sdk" : sdk) }
            if let environment = launch.environment {
                path.append(environment.sitePackages)
                variables.append("PERPARENA_RUNTIME=\(environment.name)")
                variables += Self.singleThreadEnvironment
            } else {
                variables.append("PERPARENA_RUNTIME=python")
            }
            if !path.isEmpty { variables.append("PYTHONPATH=\(path.joined(separator: ":"))") }
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
            // -S: no `site`, so none of the host's site- or dist-packages are on sys.path (the
            // sandbox also hides them); -s: no user site. Imports: the bundle, the standard
            // library, the SDK and the runtime's packages (PYTHONPATH).
            return [configuration.pythonPath, "-S", "-s", "\(bot)/\(try entry())"]
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
        if launch.runtime == .python, let environment = launch.environment { paths.append(environment.root) }
        return paths
    }

    /// The host's Python package directories below /usr (Debian's dist-packages, pip's
    /// /usr/local site-packages), hidden from Python bots in the sandbox.
    static let hostPythonPackageDirectories: [String] = {
        var directories = ["/usr/lib/python3/dist-packages", "/usr/local/lib/python3/dist-packages"]
        for base in ["/usr/lib", "/usr/local/lib"] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { continue }
            for name in names.sorted() where name.hasPrefix("python3.") {
                directories += ["\(base)/\(name)/dist-packages", "\(base)/\(name)/site-packages"]
            }
        }
        return directories
    }()

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
