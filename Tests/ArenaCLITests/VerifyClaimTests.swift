import APIModels
import AuditLog
import Crypto
import Foundation
import JobRunner
import Testing

/// `arena verify` checks the claim, not just the file: against a live server with a published
/// two-team, two-run contest, then offline on a downloaded directory that a test edits the way
/// a dishonest mirror or server would.
@Suite(.serialized)
struct VerifyClaimTests {
    @Test func verifyChecksTheClaimOnlineAndOffline() async throws {
        try await LiveServer.with { server in
            let cli = server.cli
            let audit = server.home + "/audit"
            try await Self.publishTwoTeamContest(server)

            // The whole board, online, saving everything for offline checks.
            let online = try await cli.run(["verify", "--contest", "vc", "--download", audit])
            #expect(online.status == 0, "\(online)")
            #expect(online.stdout.contains("VERIFIED contest vc"), "\(online)")
            #expect(online.stdout.contains("ranks follow"), "\(online)")
            #expect(online.stdout.contains(KeyPinning.serverAnchorWarning), "\(online)")
            let offline = try await cli.run([
                "verify", "--contest", "vc", "--from", audit, "--server", "http://127.0.0.1:9",
            ])
            #expect(offline.status == 0, "offline, with an unreachable server: \(offline)")
            let runs = try AuditDirectory.runIDs(audit)
            try #require(runs.count == 2, "two runs on the board: \(runs)")
            let (first, second) = (runs[0], runs[1])

            // One run, online and offline; pinned by fingerprint the trust-anchor warning goes away.
            let single = try await cli.run(["verify", "\(first)"])
            #expect(single.status == 0, "\(single)")
            #expect(single.stdout.contains("VERIFIED run \(first) of contest vc"), "\(single)")
            #expect(single.stdout.contains("[ok  ] claim_board"), "\(single)")
            #expect(single.stdout.contains("[ok  ] claim_metrics"), "\(single)")
            let keyID = try AuditDirectory.keyID(audit)
            let pinned = try await cli.run(["verify", "\(first)", "--from", audit, "--fingerprint", keyID])
            #expect(pinned.status == 0, "\(pinned)")
            #expect(!pinned.stdout.contains("trust anchor"), "\(pinned)")

            // A key not in the pinned set.
            let stranger = Hash256.hex(SigningKey.generate().publicKey.rawRepresentation)
            let unpinned = try await cli.run(["verify", "\(first)", "--from", audit, "--key", stranger])
            #expect(unpinned.status == 1, "\(unpinned)")
            #expect(unpinned.stdout.contains("untrusted_key"), "\(unpinned)")
            #expect(unpinned.stdout.contains("is not in the pinned set"), "\(unpinned)")

            // A mirror serving one run's files under another run's id.
            let mirror = try AuditDirectory.copy(audit, to: server.home + "/mirror")
            try AuditDirectory.replaceRun(second, with: first, in: mirror)
            let wrongRun = try await cli.run(["verify", "\(second)", "--from", mirror])
            #expect(wrongRun.status == 1, "\(wrongRun)")
            #expect(wrongRun.stdout.contains("transcript is run \(first), asked for run \(second)"), "\(wrongRun)")
            let wrongBoard = try await cli.run(["verify", "--contest", "vc", "--from", mirror])
            #expect(wrongBoard.status == 1, "\(wrongBoard)")
            #expect(wrongBoard.stdout.contains("run_mismatch"), "\(wrongBoard)")

            // A contest definition edited after the run.
            let edited = try AuditDirectory.copy(audit, to: server.home + "/edited")
            try AuditDirectory.editContestHash(edited)
            let definition = try await cli.run(["verify", "\(first)", "--from", edited])
            #expect(definition.status == 1, "\(definition)")
            #expect(definition.stdout.contains("definition_mismatch"), "\(definition)")

            // A board whose root for the run is not the transcript's.
            let rooted = try AuditDirectory.copy(audit, to: server.home + "/rooted")
            try AuditDirectory.editBoard(
                rooted, server: server,
                leaderboard: { board in
                    for row in board.rows.indices {
                        for run in board.rows[row].runs.indices where board.rows[row].runs[run].runId == first {
                            board.rows[row].runs[run].transcriptRoot = String(repeating: "ab", count: 32)
                        }
                    }
                },
                snapshot: { snapshot in
                    for run in snapshot.runs.indices where snapshot.runs[run].runID == first {
                        snapshot.runs[run].transcriptRoot = Hash256(bytes: Array(repeating: 0xAB, count: 32))
                    }
                })
            let root = try await cli.run(["verify", "\(first)", "--from", rooted])
            #expect(root.status == 1, "\(root)")
            #expect(root.stdout.contains("root_mismatch"), "\(root)")

            // An attestation with an added field.
            let padded = try AuditDirectory.copy(audit, to: server.home + "/padded")
            let attestationFile = padded + "/runs/\(first).attestation.json"
            let attestation = try String(contentsOfFile: attestationFile, encoding: .utf8)
            try Data(
                attestation.replacingOccurrences(of: "{\"algorithm\"", with: "{\"note\":\"ok\",\"algorithm\"").utf8
            )
            .write(to: URL(fileURLWithPath: attestationFile))
            let added = try await cli.run(["verify", "\(first)", "--from", padded])
            #expect(added.status == 1, "\(added)")
            #expect(added.stdout.contains("attestation is not canonical"), "\(added)")

            // Ranks that do not follow from the verified results.
            let swapped = try AuditDirectory.copy(audit, to: server.home + "/swapped")
            try AuditDirectory.editBoard(
                swapped, server: server,
                leaderboard: { board in
                    board.rows.swapAt(0, 1)
                    for index in board.rows.indices { board.rows[index].rank = index + 1 }
                },
                snapshot: { snapshot in
                    snapshot.rows.swapAt(0, 1)
                    for index in snapshot.rows.indices { snapshot.rows[index].rank = Int64(index + 1) }
                })
            let ranks = try await cli.run(["verify", "--contest", "vc", "--from", swapped, "--json"])
            #expect(ranks.status == 1, "\(ranks)")
            #expect(ranks.stdout.contains("\"failed_at\" : \"ranks\""), "\(ranks)")
            #expect(ranks.stdout.contains("row 1 does not follow"), "\(ranks)")
        }
    }

    /// An organizer creates contest `vc` (two public rounds), teams alpha and beta submit the
    /// template bot, the runner evaluates both, and the results are published.
    static func publishTwoTeamContest(_ server: LiveServer) async throws {
        let cli = server.cli
        let organizer = try await server.organizerToken()
        #expect(try await cli.run(["login", "--profile", "org", "--token", organizer]).status == 0)
        let yaml = """
            id: vc
            name: Verify claims
            market: { instruments: [BTC-PERP], tick_ms: 1000 }
            evaluation: { ticks: 40, heat_size: 8, starting_balance: "10000", rounds: [{seed: 11, public: true}, {seed: 12, public: true}] }
            limits: { tick_deadline_ms: 3000, first_tick_deadline_ms: 15000, max_strikes: 5 }
            registration: { open: true }
            """
        let file = server.home + "/work/vc.yaml"
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: file))
        let created = try await cli.run(["admin", "contest", "create", file, "--profile", "org"])
        try #require(created.status == 0, "\(created)")
        #expect(try await cli.run(["init", "bot"]).status == 0)
        for team in ["alpha", "beta"] {
            let registered = try await cli.run(["register", "--contest", "vc", "--name", team, "--profile", team])
            try #require(registered.status == 0, "\(registered)")
            let submitted = try await cli.run(["submit", "bot", "--profile", team])
            try #require(submitted.status == 0, "\(submitted)")
        }
        var rows = 0
        for _ in 0..<200 where rows < 2 {
            _ = try await server.runner.runUntilIdle()
            let board = try await cli.run(["leaderboard", "--contest", "vc", "--json", "--profile", "org"])
            rows =
                (try? board.decode(LeaderboardView.self))?.rows.filter { $0.status == "scored" && $0.runs.count == 2 }
                .count ?? 0
            if rows < 2 { try await Task.sleep(for: .milliseconds(150)) }
        }
        try #require(rows == 2, "both teams scored in one evaluation")
        _ = try await server.runner.runUntilIdle()
        let published = try await cli.run(["admin", "publish", "vc", "--profile", "org"])
        try #require(published.status == 0, "\(published)")
        _ = try await server.runner.runUntilIdle()
    }
}

/// A directory written by `arena verify --download`, and the edits a dishonest source would make.
enum AuditDirectory {
    static func copy(_ from: String, to: String) throws -> String {
        try? FileManager.default.removeItem(atPath: to)
        try FileManager.default.copyItem(atPath: from, toPath: to)
        return to
    }

    /// The board's run ids, ascending (from the signed snapshot, else the live leaderboard).
    static func runIDs(_ directory: String) throws -> [Int64] {
        if let bytes = FileManager.default.contents(atPath: directory + "/board.json") {
            return try SignedBoard.decode(canonical: Array(bytes)).snapshot.runs.map(\.runID)
        }
        let board = try leaderboard(directory)
        return Set(board.rows.flatMap { $0.runs.map(\.runId) }).sorted()
    }

    static func keyID(_ directory: String) throws -> String {
        let keys = try PublicKeyInfo.decodeList(
            json: try Data(contentsOf: URL(fileURLWithPath: directory + "/keys.json")))
        return try #require(keys.first { $0.active }?.keyID)
    }

    /// Serves run `source`'s transcript and attestation under run `target`'s id.
    static func replaceRun(_ target: Int64, with source: Int64, in directory: String) throws {
        for suffix in [".transcript", ".attestation.json"] {
            let destination = directory + "/runs/\(target)\(suffix)"
            try FileManager.default.removeItem(atPath: destination)
            try FileManager.default.copyItem(atPath: directory + "/runs/\(source)\(suffix)", toPath: destination)
        }
    }

    /// Changes the published contest's definition hash.
    static func editContestHash(_ directory: String) throws {
        let path = directory + "/contest.json"
        var contest = try APIJSON.decoder().decode(ContestView.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        contest.definitionSha256 = String(repeating: "e", count: 64)
        try APIJSON.encoder().encode(contest).write(to: URL(fileURLWithPath: path))
    }

    /// Edits the board: the live leaderboard as it is, or the signed snapshot re-signed with the
    /// platform's own key (a dishonest server can sign anything; the transcripts still disagree).
    static func editBoard(
        _ directory: String, server: LiveServer, leaderboard edit: (inout LeaderboardView) -> Void,
        snapshot editSnapshot: (inout BoardSnapshot) -> Void
    ) throws {
        let signedPath = directory + "/board.json"
        if let bytes = FileManager.default.contents(atPath: signedPath) {
            var snapshot = try SignedBoard.decode(canonical: Array(bytes)).snapshot
            editSnapshot(&snapshot)
            let key = try KeyStore(configuration: .init(directory: server.home + "/keys")).activeKey()
            try Data(try SignedBoard.sign(snapshot, with: key).canonicalJSON()).write(
                to: URL(fileURLWithPath: signedPath))
            return
        }
        var board = try leaderboard(directory)
        edit(&board)
        try APIJSON.encoder().encode(board).write(to: URL(fileURLWithPath: directory + "/leaderboard.json"))
    }

    private static func leaderboard(_ directory: String) throws -> LeaderboardView {
        try APIJSON.decoder().decode(
            LeaderboardView.self, from: Data(contentsOf: URL(fileURLWithPath: directory + "/leaderboard.json")))
    }
}
