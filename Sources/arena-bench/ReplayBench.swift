import APIServer
import AuditLog
import Foundation

/// `arena-bench replay DIR [--reps N]`: the server's cost of opening a run in the web replay
/// viewer (`GET /v1/runs/{id}/replay`: decode, integrity checks, engine replay with samples,
/// JSON), on `DIR/run.patx` with `run.attestation.json` and `keys.json` as written by
/// `arena-bench audit --write DIR`. Best of N. `--json FILE` saves the response body (to time the
/// browser's side: .ci/lib/replay_open_time.py).
enum ReplayBench {
    static func run(arguments: [String]) {
        guard let directory = arguments.first else {
            print("usage: arena-bench replay DIR [--reps N] [--json FILE]   (DIR from `arena-bench audit --write DIR`)")
            return
        }
        var reps = 3
        if let index = arguments.firstIndex(of: "--reps"), index + 1 < arguments.count {
            reps = max(1, Int(arguments[index + 1]) ?? 3)
        }
        do {
            let transcript = Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/run.patx")))
            let attestation = try? Data(contentsOf: URL(fileURLWithPath: directory + "/run.attestation.json"))
            let keys =
                (try? Data(contentsOf: URL(fileURLWithPath: directory + "/keys.json")))
                .flatMap { try? PublicKeyInfo.decodeList(json: $0) } ?? []
            var best: ReplayBenchmark.Result?
            for _ in 0..<reps {
                let result = try ReplayBenchmark.measure(
                    transcript: transcript, attestation: attestation.map(Array.init), keys: keys)
                if best.map({ $0.buildSeconds + $0.encodeSeconds > result.buildSeconds + result.encodeSeconds })
                    ?? true
                {
                    best = result
                }
            }
            guard let best else { return }
            if let index = arguments.firstIndex(of: "--json"), index + 1 < arguments.count {
                try best.json.write(to: URL(fileURLWithPath: arguments[index + 1]))
            }
            print(
                "replay viewer data: \(best.ticks) ticks × \(best.teams) teams, \(best.fills) fills, verified \(best.verified)"
            )
            print(String(format: "  build (decode, checks, engine replay, samples): %.3f s", best.buildSeconds))
            print(String(format: "  JSON encode:                                   %.3f s", best.encodeSeconds))
            print(
                String(
                    format: "  total:                                         %.3f s (best of %d)",
                    best.buildSeconds + best.encodeSeconds, reps))
            print("  response: \(best.bytes) bytes of JSON (\(best.bytes / 1024) KiB)")
        } catch {
            print("replay: \(error)")
        }
    }
}
