import Foundation

/// What one `arena` invocation printed and returned.
struct CLIResult: Sendable, CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }

    /// Decodes standard output as API-convention JSON (snake_case).
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(stdout.utf8))
    }
}

/// Runs the built `arena` executable as a child process.
struct CLIProcess: Sendable {
    let executable: String
    let environment: [String: String]
    let directory: String

    /// Runs `arguments` to completion; `extra` adds or overrides environment variables.
    func run(_ arguments: [String], extra: [String: String] = [:], stdin: String? = nil) async throws -> CLIResult {
        let environment = self.environment.merging(extra) { $1 }
        let executable = self.executable
        let directory = self.directory
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(
                        returning: try Self.runBlocking(
                            executable: executable, arguments: arguments, environment: environment,
                            directory: directory,
                            stdin: stdin))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }

    private static func runBlocking(
        executable: String, arguments: [String], environment: [String: String],
        directory: String, stdin: String?
    ) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let collected = DataBox()
        let finished = DispatchSemaphore(value: 0)
        Thread {
            collected.data = output.fileHandleForReading.readDataToEndOfFile()
            finished.signal()
        }.start()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        finished.wait()
        process.waitUntilExit()
        let stdout = collected.data
        return CLIResult(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
    }
}

/// Bytes handed from a reader thread (written once, read after a semaphore).
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
