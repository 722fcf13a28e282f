import Foundation
import MarketScenario
import Testing

/// The same scenario run in two separate processes must print byte-identical output (Swift's
/// per-process hash seeding would expose any Dictionary/Set order leaking into events).
///
/// The test re-launches its own test binary with a filter selecting `childRun`, which writes the
/// output to the file named by `PERPARENA_SIM_CHILD_OUT`. When the `arena` executable has been
/// built next to the test bundle it is exercised as well (`arena sim`).
@Suite("Determinism across processes")
struct TwoProcessDeterminismTests {
    static let variable = "PERPARENA_SIM_CHILD_OUT"
    static let scenario = AcceptanceScenarioTests.path("background-market")

    /// Child mode: does nothing unless launched by `separateProcessesAgree`.
    @Test func childRun() throws {
        guard let out = ProcessInfo.processInfo.environment[Self.variable] else { return }
        let output = try ScenarioRunner.run(path: Self.scenario)
        try Data(output.text.utf8).write(to: URL(fileURLWithPath: out))
    }

    static func launch(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(executable) \(arguments) exited \(process.terminationStatus)")
        return data
    }

    @Test func separateProcessesAgree() throws {
        let inProcess = try ScenarioRunner.run(path: Self.scenario).text
        let temporary = FileManager.default.temporaryDirectory
        var outputs: [String] = []
        for run in 0..<2 {
            let file = temporary.appendingPathComponent(
                "perparena-sim-child-\(ProcessInfo.processInfo.processIdentifier)-\(run).jsonl")
            try? FileManager.default.removeItem(at: file)
            _ = try Self.launch(
                CommandLine.arguments[0], ["--testing-library", "swift-testing", "--filter", "childRun"],
                environment: [Self.variable: file.path])
            let data = try Data(contentsOf: file)
            outputs.append(String(decoding: data, as: UTF8.self))
            try? FileManager.default.removeItem(at: file)
        }
        #expect(outputs.count == 2)
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == inProcess)
        #expect(inProcess.count > 10_000)
    }

    @Test func arenaSimBinaryIsByteIdentical() throws {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let arena = directory.appendingPathComponent("arena").path
        guard FileManager.default.isExecutableFile(atPath: arena) else { return }
        let first = try Self.launch(arena, ["sim", Self.scenario], environment: [:])
        let second = try Self.launch(arena, ["sim", Self.scenario], environment: [:])
        #expect(first == second)
        // Compare the JSON lines only, in case the CLI root logs anything else to stdout.
        let jsonLines = String(decoding: first, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix("{") }
        let expected = try ScenarioRunner.run(path: Self.scenario).text.split(separator: "\n")
        #expect(jsonLines == expected)
    }
}
