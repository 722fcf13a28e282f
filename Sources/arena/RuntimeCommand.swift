import ArgumentParser
import Foundation
import Sandbox

/// `arena runtime`: the bot runtimes built from lock files (python-ml, organizers' own).
struct RuntimeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runtime",
        abstract:
            "Install and list bot runtimes (python-ml: numpy, pandas, scipy, scikit-learn, lightgbm, onnxruntime, polars).",
        subcommands: [RuntimeInstallCommand.self, RuntimeListCommand.self])
}

/// `arena runtime install NAME`: builds the runtime exactly as runner hosts do.
struct RuntimeInstallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Build a runtime from its lock file, identical to the platform's (same lock, same files).",
        discussion: """
            Runs Deployment/runtimes/build.sh NAME (found next to the repository this arena was \
            built from, or at $ARENA_RUNTIMES_SOURCE): pip installs exactly the wheels the lock \
            pins, checked by SHA-256, into $ARENA_RUNTIMES_DIR/NAME (default \
            /opt/perparena/runtimes/NAME), and writes runtime.json with the runtime's identity \
            (name and lock SHA-256). `arena check` and `arena backtest` then run python-ml bots in \
            it: in the sandbox as root, as a plain process otherwise. --check rebuilds into a \
            temporary directory and compares with the installed runtime.

            Examples:
              sudo arena runtime install python-ml
              ARENA_RUNTIMES_DIR=~/.perparena/runtimes arena runtime install python-ml
              arena runtime install python-ml --check
            """)

    @Argument(help: "Runtime name, e.g. python-ml.") var name: String
    @Flag(help: "Rebuild into a temporary directory and compare with the installed runtime.") var check = false
    @Option(help: "Install from a directory of wheels instead of PyPI (hashes still checked).") var wheels: String?

    func run() async throws {
        guard RuntimeEnvironment.isValidName(name) else {
            throw CLIError.usage("\(name) is not a runtime name", hint: "e.g. `arena runtime install python-ml`")
        }
        let script = try Self.buildScript()
        let prefix = LocalRuntime.runtimesDirectory() + "/" + name
        var arguments = [script, name, "--prefix", prefix]
        if let python = ProcessInfo.processInfo.environment["ARENA_PYTHON"] { arguments += ["--python", python] }
        if let wheels { arguments += ["--wheels", wheels] }
        if check { arguments.append("--check") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIError(
                check ? "runtime_differs" : "runtime_build_failed",
                check ? "the installed \(name) differs from its lock file" : "building \(name) failed",
                hint: check
                    ? "reinstall it with `arena runtime install \(name)`"
                    : "see the output above; the directory must be writable (set ARENA_RUNTIMES_DIR)",
                exitCode: ExitCodes.failed)
        }
    }

    /// Deployment/runtimes/build.sh: `ARENA_RUNTIMES_SOURCE`, else up from this executable
    /// (a checkout's .build/debug), else up from the working directory.
    static func buildScript() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let source = environment["ARENA_RUNTIMES_SOURCE"] { return source + "/build.sh" }
        for start in [LocalRuntime.executableDirectory, FileManager.default.currentDirectoryPath] {
            var directory = start
            for _ in 0..<6 {
                let candidate = directory + "/Deployment/runtimes/build.sh"
                if FileManager.default.isReadableFile(atPath: candidate) { return candidate }
                directory = (directory as NSString).deletingLastPathComponent
                if directory == "/" || directory.isEmpty { break }
            }
        }
        throw CLIError(
            "runtime_source_missing", "Deployment/runtimes/build.sh was not found",
            hint: "run from a PerpArena checkout or set ARENA_RUNTIMES_SOURCE to its Deployment/runtimes",
            exitCode: ExitCodes.usage)
    }
}

/// `arena runtime list`: the installed runtimes and their identities.
struct RuntimeListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List installed runtimes with their lock SHA-256 (their identity).")

    @OptionGroup var global: GlobalOptions

    struct Row: Encodable {
        var name: String
        var lockSha256: String
        var filesSha256: String
        var python: String
        var path: String
    }

    func run() async throws {
        try await CommandRunner.run(global) { session in
            let directory = LocalRuntime.runtimesDirectory()
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            let rows = names.compactMap { name -> Row? in
                guard let runtime = try? RuntimeEnvironment.load(name: name, directory: directory) else { return nil }
                return Row(
                    name: name, lockSha256: runtime.lockSHA256, filesSha256: runtime.filesSHA256,
                    python: runtime.pythonVersion, path: runtime.root)
            }
            if session.json { return Output.json(rows) }
            if rows.isEmpty {
                Console.out("no runtimes installed in \(directory) (`arena runtime install python-ml`)")
            }
            for row in rows {
                Console.out("\(row.name)  lock sha256 \(row.lockSha256)  python \(row.python)  \(row.path)")
            }
        }
    }
}
