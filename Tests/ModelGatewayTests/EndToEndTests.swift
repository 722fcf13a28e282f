import AuditLog
import ContestModel
import Foundation
import Glibc
import HeatRunner
import Logging
import ModelGateway
import Sandbox
import Testing

/// Real processes: two Seeds llm-agent Python bots and the momentum bot in workers, the built
/// `arena-model-stub` over HTTP, the production gateway and client.
@Suite("LLM agents end to end (processes and the stub server)", .serialized)
struct EndToEndTests {
    static func heat(
        endpoint: String, ticks: Int = 25, bots: [String] = ["llm-agent", "llm-agent", "momentum"],
        configure: (inout LLMSettings) -> Void = { _ in }
    ) throws -> HeatOutcome {
        let helper = try #require(StubServerProcess.executable("arena-sandbox"), "build arena-sandbox first")
        let root = StubServerProcess.packageRoot
        var contest = ContestDefinition(id: "llm-e2e", name: "LLM end to end")
        contest.limits.tickDeadlineMilliseconds = 1_000
        var settings = Fixtures.settings(timeoutMs: 2_000, thinkingMs: 5_000, retries: 0, interval: 10)
        settings.endpoint = endpoint
        configure(&settings)
        contest.llm = settings
        let spec = HeatSpec(
            contest: contest, runId: "llm-e2e", seed: 5,
            entries: bots.enumerated().map { slot, name in
                HeatSpec.Entry(
                    slot: slot, teamId: Int64(slot + 1), label: "bot-\(slot)", runtime: .python,
                    bundleDirectory: name.hasPrefix("/")
                        ? name : root.appendingPathComponent("Seeds/python-bots/\(name)").path, entry: "bot.py",
                    submissionSHA256: String(repeating: "\(slot)", count: 64))
            }, ticks: ticks)
        let sandbox = SandboxConfiguration(
            helperPath: helper, pythonSDKDirectory: root.appendingPathComponent("Sources/PythonSDK").path,
            isolation: geteuid() == 0 ? .sandboxed : .plainProcess, uidBase: 61_170)
        var logger = Logger(label: "llm-e2e")
        logger.logLevel = .critical
        let key = try SigningKey(rawRepresentation: Array(repeating: UInt8(3), count: 32))
        return try HeatExecutor(sandbox: sandbox, signingKey: key, logger: logger).run(spec)
    }

    @Test("agents ask the stub over HTTP at every decision point; exchanges recorded, verify passes")
    func answered() async throws {
        let stub = try await StubServerProcess(port: 18_173, arguments: ["--delay", "200ms"])
        defer { stub.stop() }
        let url = stub.baseURL
        let outcome = try await DedicatedThread.run { try Self.heat(endpoint: url) }
        let exchanges = try outcome.modelExchanges()
        // Decision points at ticks 0, 10, 20; slots 0 and 1 ask once each; momentum never asks.
        #expect(exchanges.map(\.slot).sorted() == [0, 0, 0, 1, 1, 1])
        #expect(exchanges.allSatisfy { $0.record.outcome == "ok" && $0.record.completion.contains("\"action\"") })
        #expect(exchanges.allSatisfy { $0.record.prompt.contains("mark=") })
        #expect(try outcome.timeouts().isEmpty)
        #expect(outcome.reports.values.allSatisfy { $0.fault == nil })
        let key = try SigningKey(rawRepresentation: Array(repeating: UInt8(3), count: 32))
        let report = TranscriptVerifier.verify(
            transcriptBytes: outcome.transcript.bytes, attestation: outcome.attestation,
            publicKeys: [PublicKeyInfo(key.publicKey, active: true)])
        #expect(report.verified)
    }

    @Test("endpoint down: recorded endpoint_error, the agents fall back and the run completes")
    func endpointDown() async throws {
        let outcome = try await DedicatedThread.run { try Self.heat(endpoint: "http://127.0.0.1:18179/v1", ticks: 12) }
        let exchanges = try outcome.modelExchanges()
        #expect(exchanges.count == 4)
        #expect(exchanges.allSatisfy { $0.record.outcome == "endpoint_error" })
        #expect(outcome.transcript.tickCount == 12)
        let logs = outcome.reports[0]?.logLines ?? []
        #expect(logs.contains { $0.contains("model endpoint_error") && $0.contains("fallback") })
        #expect(logs.contains { $0.contains("2 platform failures (not charged)") })
    }
}
