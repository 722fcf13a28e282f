import Foundation
public import Logging

/// A private PostgreSQL cluster in a directory of its own, started from the machine's server
/// binaries. Used when `DATABASE_URL` is unset (the demo, `serve`, tests).
///
/// `start()` reuses a cluster that is already running in the directory, otherwise initialises it
/// (first time) and starts the server as a direct child. As root the server runs as the
/// `postgres` OS user, as PostgreSQL requires. `stop()` shuts down a server this object started.
public final class EmbeddedPostgres: @unchecked Sendable {
    /// Where and how to run the cluster.
    public struct Configuration: Sendable {
        /// Directory holding `data/`, `port` and `server.log`.
        public var directory: String
        /// Database created on first start.
        public var database: String
        /// Disable fsync and friends (throwaway test clusters).
        public var fast: Bool
        /// Remove the directory on `stop()` (throwaway test clusters).
        public var removeOnStop: Bool

        public init(directory: String, database: String = "arena", fast: Bool = false, removeOnStop: Bool = false) {
            self.directory = directory
            self.database = database
            self.fast = fast
            self.removeOnStop = removeOnStop
        }
    }

    public let configuration: Configuration
    private let logger: Logger
    private var server: Process?
    private var dataDirectory: String { "\(configuration.directory)/data" }
    private let runAs: String? = getuid() == 0 ? "postgres" : nil
    /// The port the server listens on (127.0.0.1 only), known after `start()`.
    public private(set) var port: Int = 0

    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// A `postgres://` URL for the running cluster.
    public var url: String { "postgres://postgres@127.0.0.1:\(port)/\(configuration.database)?sslmode=disable" }

    /// Starts (or reuses) the cluster and waits until it accepts connections; returns its URL.
    @discardableResult
    public func start() throws(LocalPostgresError) -> String {
        let binaries = try PostgresBinaries.locate()
        do {
            try prepareDirectory()
            port = try choosePort()
            if try isAccepting(binaries) {
                logger.info(
                    "reusing running PostgreSQL", metadata: ["dir": "\(configuration.directory)", "port": "\(port)"])
                return url
            }
            if !FileManager.default.fileExists(atPath: "\(dataDirectory)/PG_VERSION") {
                try initialise(binaries)
            }
            try launch(binaries)
            try waitUntilAccepting(binaries)
            try createDatabase(binaries)
        } catch let error as LocalPostgresError {
            stop()
            throw error
        } catch {
            stop()
            throw LocalPostgresError(.postgresStartFailed, "could not start PostgreSQL: \(error)")
        }
        return url
    }

    /// Fast shutdown of a server started by this object; waits for it to exit. After an
    /// operator's `pg_ctl restart` the server runs under a new postmaster that is not our child:
    /// that one is stopped too (the data directory's pid file names it).
    public func stop() {
        if let server {
            let pid = postmasterPID()
            if server.isRunning {
                if let pid { kill(pid, SIGINT) } else { server.interrupt() }
                server.waitUntilExit()
                logger.info("PostgreSQL stopped", metadata: ["dir": "\(configuration.directory)"])
            } else if let pid, kill(pid, 0) == 0 {
                kill(pid, SIGINT)
                for _ in 0..<600 where kill(pid, 0) == 0 { usleep(50_000) }
                logger.info("restarted PostgreSQL stopped", metadata: ["dir": "\(configuration.directory)"])
            }
        }
        server = nil
        if configuration.removeOnStop { try? FileManager.default.removeItem(atPath: configuration.directory) }
    }

    private func prepareDirectory() throws {
        try FileManager.default.createDirectory(atPath: configuration.directory, withIntermediateDirectories: true)
        if let runAs { _ = try ProcessRunner.run("/bin/chown", [runAs, configuration.directory]) }
        if let runAs {
            let probe = try ProcessRunner.run(
                "/usr/sbin/runuser", ["-u", runAs, "--", "/usr/bin/test", "-w", configuration.directory])
            if probe.status != 0 {
                throw LocalPostgresError(
                    .postgresStartFailed,
                    "the postgres OS user cannot write \(configuration.directory) (a parent directory is not "
                        + "world-searchable); set ARENA_STATE_DIR to a directory it can reach, or set DATABASE_URL")
            }
        }
    }

    private func choosePort() throws -> Int {
        let portFile = "\(configuration.directory)/port"
        if let text = try? String(contentsOfFile: portFile, encoding: .utf8),
            let saved = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
        {
            return saved
        }
        let chosen = try FreePort.find()
        try "\(chosen)\n".write(toFile: portFile, atomically: true, encoding: .utf8)
        return chosen
    }

    private func initialise(_ binaries: PostgresBinaries) throws {
        logger.info("initialising PostgreSQL cluster", metadata: ["dir": "\(dataDirectory)"])
        let (executable, arguments) = owned(
            binaries.path("initdb"),
            ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-instructions"]
                + (configuration.fast ? ["--no-sync"] : []))
        let result = try ProcessRunner.run(executable, arguments)
        guard result.status == 0 else {
            throw LocalPostgresError(.postgresStartFailed, "initdb failed: \(result.output.suffix(400))")
        }
    }

    private func launch(_ binaries: PostgresBinaries) throws {
        var settings = ["-D", dataDirectory, "-h", "127.0.0.1", "-p", "\(port)", "-k", "", "-c", "max_connections=200"]
        if configuration.fast {
            settings += ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        }
        var (executable, arguments) = owned(binaries.path("postgres"), settings)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/setsid") {
            // Own session: a Ctrl-C on the terminal reaches us, and we stop the server last.
            arguments = ["--wait", executable] + arguments
            executable = "/usr/bin/setsid"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let logPath = "\(configuration.directory)/server.log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        if let runAs { _ = try? ProcessRunner.run("/bin/chown", [runAs, logPath]) }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        server = process
        logger.info("PostgreSQL starting", metadata: ["port": "\(port)", "dir": "\(configuration.directory)"])
    }

    private func waitUntilAccepting(_ binaries: PostgresBinaries) throws {
        for _ in 0..<600 {
            if try isAccepting(binaries) { return }
            if let server, !server.isRunning {
                let log = (try? String(contentsOfFile: "\(configuration.directory)/server.log", encoding: .utf8)) ?? ""
                throw LocalPostgresError(.postgresStartFailed, "PostgreSQL exited during start-up: \(log.suffix(600))")
            }
            usleep(50_000)
        }
        throw LocalPostgresError(.postgresStartFailed, "PostgreSQL did not accept connections within 30 s")
    }

    private func isAccepting(_ binaries: PostgresBinaries) throws -> Bool {
        let result = try ProcessRunner.run(
            binaries.path("pg_isready"), ["-q", "-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres", "-t", "2"])
        return result.status == 0
    }

    private func createDatabase(_ binaries: PostgresBinaries) throws {
        let result = try ProcessRunner.run(
            binaries.path("createdb"), ["-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres", configuration.database])
        if result.status != 0 && !result.output.contains("already exists") {
            throw LocalPostgresError(.postgresStartFailed, "createdb failed: \(result.output.suffix(400))")
        }
    }

    private func owned(_ executable: String, _ arguments: [String]) -> (String, [String]) {
        guard let runAs else { return (executable, arguments) }
        return ("/usr/sbin/runuser", ["-u", runAs, "--", executable] + arguments)
    }

    private func postmasterPID() -> pid_t? {
        guard let text = try? String(contentsOfFile: "\(dataDirectory)/postmaster.pid", encoding: .utf8) else {
            return nil
        }
        return text.split(separator: "\n").first.flatMap { pid_t($0.trimmingCharacters(in: .whitespaces)) }
    }
}
