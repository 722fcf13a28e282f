import Foundation
import Testing

/// The Python SDK's side of decisions and bundle files, run with the platform's Python.
@Suite("Python SDK: decisions and the bundle path")
struct SDKDecisionTests {
    /// Runs `script` with the SDK importable (as in the sandbox: -S -s) and returns stdout.
    static func python(_ script: String, environment: [String: String] = [:]) throws -> String {
        let sdk = SandboxTestEnvironment.sdkDirectory
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-S", "-s", "-c", script]
        process.environment = ["PYTHONPATH": sdk, "PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test("a decision in the action list becomes the reply's decision, bound to numbered orders")
    func decisionReply() throws {
        let output = try Self.python(
            """
            import json, perparena as pa
            items = [pa.place("BTC-PERP", "buy", "0.01"), pa.place("BTC-PERP", "sell", "0.01", client_id=7),
                     pa.decision("m", "up", version="2", confidence=0.71234, rationale="x" * 5000,
                                 inputs_digest=pa.digest({"a": 1}))]
            print(json.dumps(pa._reply(3, items), sort_keys=True))
            """)
        let reply = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let actions = try #require(reply?["actions"] as? [[String: Any]])
        let decision = try #require(reply?["decision"] as? [String: Any])
        #expect(actions.count == 2)
        #expect(actions[0]["client_id"] as? Int != nil, "the SDK numbers orders without a client id")
        #expect(actions[1]["client_id"] as? Int == 7)
        #expect(decision["model"] as? String == "m" && decision["output"] as? String == "up")
        #expect(decision["confidence"] as? String == "0.7123")
        #expect((decision["rationale"] as? String)?.utf8.count == 1024, "cut to the protocol's limit")
        #expect((decision["inputs_digest"] as? String)?.hasPrefix("sha256:") == true)
        #expect(decision["__decision__"] == nil)
    }

    /// A model that outputs NaN must not crash the bot's reply (Decimal comparisons of NaN raise),
    /// nor send a confidence the host would refuse as a protocol violation.
    @Test("a NaN or infinite confidence is left out of the decision; the reply still goes out")
    func nonFiniteConfidence() throws {
        let output = try Self.python(
            """
            import json, perparena as pa
            for value in [float("nan"), float("inf"), "n/a", 1.7]:
                reply = pa._reply(3, [pa.place("BTC-PERP", "buy", "0.01"), pa.decision("m", "up", confidence=value)])
                print(json.dumps(reply["decision"], sort_keys=True))
            """)
        #expect(
            output.split(separator: "\n") == [
                #"{"model": "m", "output": "up"}"#, #"{"model": "m", "output": "up"}"#,
                #"{"model": "m", "output": "up"}"#, #"{"confidence": "1.0000", "model": "m", "output": "up"}"#,
            ])
    }

    @Test("without orders there is no decision; the bundle path comes from PERPARENA_BUNDLE")
    func quietAndBundle() throws {
        let output = try Self.python(
            """
            import json, perparena as pa
            print(json.dumps(pa._reply(4, [pa.decision("m", "flat")])))
            print(pa.bundle_path("model.txt"), pa.RUNTIME)
            """, environment: ["PERPARENA_BUNDLE": "/bot", "PERPARENA_RUNTIME": "python-ml"])
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first == #"{"type": "actions", "tick": 4, "actions": []}"#)
        #expect(lines.last == "/bot/model.txt python-ml")
    }
}
