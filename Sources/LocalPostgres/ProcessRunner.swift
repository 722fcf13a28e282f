import Foundation

/// Runs short-lived helper programs (initdb, pg_isready, createdb) and captures their output.
enum ProcessRunner {
    struct Result {
        var status: Int32
        var output: String
    }

    /// Runs `executable` with `arguments`, waiting for it to exit. Never use for daemonizing programs.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
