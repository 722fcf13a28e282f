import BotProtocol
import Foundation
import Sandbox
import Testing

/// Observations sent in two parts (`EncodedObservation.shared`, the market prefix every bot of
/// a tick shares, and the bot's own rest, written together with `writev`) reach the bot byte
/// for byte, also when the pipe takes only part of them and the rest waits in the host's queue.
@Suite("Two-part observation lines", .serialized)
struct TwoPartLineTests {
    @Test func aSlowReaderGetsEveryLineIntactWhateverPartThePipeTook() throws {
        let helper = try #require(SandboxTestEnvironment.helperPath, "arena-sandbox not built")
        let isolation = SandboxTestEnvironment.preferredIsolation
        if isolation == .sandboxed, !SandboxAttackTests.ready() { return }
        let bundle = try SandboxTestEnvironment.bundle(["slow_exact_reader.py"])
        defer { SandboxTestEnvironment.removeBundle(bundle) }
        let configuration = SandboxConfiguration(
            helperPath: helper, isolation: isolation, tickDeadline: .seconds(5), firstTickDeadline: .seconds(10),
            endGrace: .milliseconds(200))
        let launch = WorkerLaunch(
            slot: 0, label: "slow", runtime: .python, bundleDirectory: bundle, entry: "slow_exact_reader.py")
        // A pipe holds 64 KiB: the first shape is cut inside the shared part, the second inside
        // the bot's own part, the third fits.
        let shapes = [(shared: 100_000, own: 20_000), (shared: 30_000, own: 60_000), (shared: 2_000, own: 500)]
        let results = try ResultBox<[WorkerTickResult?]>.onThread {
            let group = try WorkerGroup(
                configuration: configuration, launches: [launch], logger: SandboxTestEnvironment.logger)
            _ = group.start(hello: [:])
            var results: [WorkerTickResult?] = []
            for tick in 1...9 {
                let shape = shapes[(tick - 1) % shapes.count]
                let head = #"{"type":"observation","tick":\#(tick),"nx":\#(shape.shared),"ny":\#(shape.own),"pad":""#
                let shared = Array(head.utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: shape.shared)
                let own = [UInt8](repeating: UInt8(ascii: "y"), count: shape.own) + Array("\"}\n".utf8)
                let line = EncodedObservation(tick: Int64(tick), shared: shared, line: own)
                results.append(group.exchange(encoded: [0: line])[0])
            }
            _ = group.finish(end: [:])
            return results
        }
        for (offset, result) in results.enumerated() {
            guard case .actions = result else {
                Issue.record("tick \(offset + 1): \(String(describing: result))")
                continue
            }
        }
    }
}
