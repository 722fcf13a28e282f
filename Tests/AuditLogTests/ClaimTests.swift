import AuditLog
import Foundation
import MarketModel
import Scoring
import Testing

/// A published contest of two runs (a public round and a private one), its signed board, and the
/// claims `arena verify` checks against the transcripts.
struct ContestFixture {
    static let definition = String(repeating: "d", count: 64)
    static let material = Array(repeating: UInt8(0x5A), count: 32)
    static let members = [
        HeatMember(slot: 0, teamID: "3", label: "alpha", submissionHash: String(repeating: "a", count: 64)),
        HeatMember(slot: 1, teamID: "4", label: "bravo", submissionHash: String(repeating: "b", count: 64)),
        HeatMember(slot: 2, teamID: "5", label: "charlie", submissionHash: String(repeating: "c", count: 64)),
    ]
    static let seeds = SeedCommitment(
        commitment: SeedDerivation.commitment(material: material), contestID: "demo", evaluationID: 9,
        material: material,
        rounds: [.init(round: 0, isPublic: true, seed: 11), .init(round: 1, isPublic: false, seed: nil)])

    let runs: [RunFixture]
    let reports: [VerificationReport]
    let snapshot: BoardSnapshot
    let board: SignedBoard

    init() throws {
        let seeds = [Self.seeds.heatSeed(round: 0, heat: 0)!, Self.seeds.heatSeed(round: 1, heat: 0)!]
        runs = try [41, 42].enumerated().map { index, run in
            try RunFixture(
                ticks: 8, seed: seeds[index], runID: "\(run)", contestHash: Self.definition, members: Self.members)
        }
        let verifier = TranscriptVerifier(configuration: .init(equityCurves: true))
        reports = runs.map {
            verifier.verify(
                transcriptBytes: $0.transcript.bytes, attestationJSON: Array(try! $0.attestation.jsonData()),
                publicKeys: $0.publicKeys)
        }
        var boardRuns: [BoardSnapshot.Run] = []
        var perTeam: [Int64: [BoardSnapshot.RunTeam]] = [:]
        for (index, report) in reports.enumerated() {
            let teams = BoardRankCheck.verifiedTeams(report, metric: .pnl).sorted { $0.key < $1.key }.map {
                BoardSnapshot.RunTeam(
                    teamID: $0.key, score: $0.value.score, maxDrawdown: $0.value.maxDrawdown, faulted: $0.value.faulted)
            }
            for team in teams { perTeam[team.teamID, default: []].append(team) }
            boardRuns.append(
                BoardSnapshot.Run(
                    runID: Int64(41 + index), round: Int64(index), heat: 0, seed: report.seed!,
                    transcriptRoot: report.root!, resultsDigest: report.results!.digest, teams: teams))
        }
        let standings = Ranking.rank(
            perTeam.keys.sorted().map { id in
                let runs = perTeam[id]!
                return TeamRuns(
                    teamId: id, submissionId: 100 + id, disqualified: false, scores: runs.map(\.score),
                    faulted: runs.contains { $0.faulted }, maxDrawdown: runs.map(\.maxDrawdown).max()!)
            })
        let rows = standings.map { standing in
            let member = Self.members.first { $0.teamID == String(standing.teamId) }!
            return BoardSnapshot.Row(
                rank: Int64(standing.rank), teamID: standing.teamId, team: member.label,
                status: standing.status.rawValue,
                score: standing.mean, scoreCI95: standing.confidence95,
                maxDrawdown: perTeam[standing.teamId]!.map(\.maxDrawdown).max()!, submissionID: 100 + standing.teamId,
                submissionSHA256: member.submissionHash, runs: [41, 42])
        }
        snapshot = BoardSnapshot(
            version: 1, amends: nil, reason: nil, contestID: "demo", definitionSHA256: Self.definition,
            evaluationID: 9, publishedAt: "2025-06-01T12:00:00Z",
            scoring: .init(metric: "pnl", tieBreaks: ["max_drawdown", "submitted_at"]), seeds: Self.seeds, rows: rows,
            runs: boardRuns)
        board = try SignedBoard.sign(snapshot, with: runs[0].key)
    }

    var contest: PublishedContest { PublishedContest(id: "demo", definitionSHA256: Self.definition, metric: "pnl") }

    /// Run `index`'s report with the claims checked against `board`.
    func claimed(
        _ index: Int, requestedRun: String? = nil, contest: PublishedContest? = nil, board: BoardClaim? = nil,
        saved: SeedCommitment? = nil
    ) -> VerificationReport {
        var report = reports[index]
        RunClaims(
            requestedRun: requestedRun ?? "\(41 + index)", contest: contest ?? self.contest,
            board: board ?? BoardClaim(self.board), savedCommitment: saved
        ).check(&report)
        return report
    }

    /// The verified results of both runs, by run id.
    var verified: [Int64: [Int64: BoardRankCheck.VerifiedTeam]] {
        [
            41: BoardRankCheck.verifiedTeams(reports[0], metric: .pnl),
            42: BoardRankCheck.verifiedTeams(reports[1], metric: .pnl),
        ]
    }
}

@Suite("Claims")
struct ClaimTests {
    static let fixture = Result { try ContestFixture() }

    @Test("a signed board round-trips through its canonical bytes and verifies")
    func boardRoundTrip() throws {
        let fixture = try Self.fixture.get()
        let bytes = fixture.board.canonicalJSON()
        let decoded = try SignedBoard.decode(canonical: bytes)
        #expect(decoded == fixture.board)
        #expect(decoded.signatureFailure(trusted: fixture.runs[0].publicKeys, pinned: false) == nil)
        let other = [PublicKeyInfo(SigningKey.generate().publicKey, active: true)]
        #expect(decoded.signatureFailure(trusted: other, pinned: true)?.code == .untrustedKey)
        var forged = decoded
        forged.snapshot.rows[0].score = (forged.snapshot.rows[0].score ?? 0) + 1
        #expect(forged.signatureFailure(trusted: fixture.runs[0].publicKeys, pinned: false)?.code == .boardInvalid)
        let text = String(decoding: bytes, as: UTF8.self)
        for edited in [
            text.replacingOccurrences(of: "\"state\":\"final\"", with: "\"state\":\"final\",\"zz\":1"),
            text.replacingOccurrences(of: ",\"state\"", with: ", \"state\""),
            text.replacingOccurrences(of: "\"evaluation_id\":9", with: "\"evaluation_id\":09"),
        ] {
            #expect(throws: TranscriptError.self) { try SignedBoard.decode(canonical: Array(edited.utf8)) }
        }
        #expect(text.contains(#""seeds":{"commitment":""#))
        #expect(!text.contains(" "), "no whitespace")
    }

    @Test("an amendment names its predecessor by the SHA-256 of its served bytes, with a reason")
    func amendmentChain() throws {
        let fixture = try Self.fixture.get()
        let first = fixture.board.canonicalJSON()
        var snapshot = fixture.snapshot
        snapshot.version = 2
        snapshot.amends = .init(sha256: Hash256.of(first), version: 1)
        snapshot.reason = "team 5 disqualified: shared code"
        let second = try SignedBoard.sign(snapshot, with: fixture.runs[0].key)
        #expect(second.amendmentFailure(previous: first) == nil)
        #expect(second.amendmentFailure(previous: first + [0x20])?.code == .boardInvalid)
        var unreasoned = second
        unreasoned.snapshot.reason = nil
        #expect(unreasoned.amendmentFailure(previous: first)?.code == .boardInvalid)
        let decoded = try SignedBoard.decode(canonical: second.canonicalJSON())
        #expect(decoded.snapshot.amends?.version == 1)
    }

    @Test("seed derivation: hashed per round and heat, committed by SHA-256")
    func seeds() throws {
        let seeds = ContestFixture.seeds
        #expect(seeds.revealMatches)
        let a = SeedDerivation.heatSeed(.material(ContestFixture.material), round: 1, heat: 0)
        #expect(a != SeedDerivation.heatSeed(.material(ContestFixture.material), round: 1, heat: 1))
        #expect(a != SeedDerivation.heatSeed(.material(ContestFixture.material), round: 2, heat: 0))
        #expect(SeedDerivation.heatSeed(.publicSeed(11), round: 0, heat: 1) != 11 &+ 1, "never by addition")
        #expect(seeds.heatSeed(round: 1, heat: 0) == a)
        var hidden = seeds
        hidden.material = nil
        #expect(hidden.heatSeed(round: 1, heat: 0) == nil)
        #expect(hidden.heatSeed(round: 0, heat: 0) != nil, "public rounds are derivable before the reveal")
        let decoded = try SeedCommitment.decode(canonical: seeds.canonicalJSON())
        #expect(decoded == seeds)
        // Known answers, so the server side can check its implementation against these values.
        // Known answers (also in docs/AUDIT.md), computed independently with Python's hashlib.
        #expect(SeedDerivation.heatSeed(.publicSeed(11), round: 0, heat: 0) == 0xd56b_f69f_ba12_b550)
        #expect(a == 5_185_456_858_963_530_424)
        #expect(SeedDerivation.placementSalt(material: ContestFixture.material, round: 1) == 18_028_004_577_158_895_018)
        #expect(
            SeedDerivation.commitment(material: ContestFixture.material).hex
                == "60bf07c488aad18fda339df07e4fbc47b4f00be71711936f18d04d352ad01890")
    }

    @Test("every claim holds for the honest board")
    func honest() throws {
        let fixture = try Self.fixture.get()
        for index in 0..<2 {
            let report = fixture.claimed(index)
            #expect(report.verified, "\(String(describing: report.divergence))")
            for name in [
                "claim_run", "claim_contest", "claim_definition", "claim_board", "claim_seed", "claim_members",
                "claim_metrics",
            ] {
                #expect(report.checks.first { $0.name == name }?.passed == true, "\(name)")
            }
        }
        #expect(BoardRankCheck.check(BoardClaim(fixture.board), verified: fixture.verified) == nil)
    }

    @Test("another run served under the run id")
    func wrongRun() throws {
        let report = try Self.fixture.get().claimed(0, requestedRun: "42")
        #expect(report.divergence?.code == .runMismatch)
        #expect(report.divergence?.message == "transcript is run 41, asked for run 42")
    }

    @Test("a run made under another contest definition")
    func editedDefinition() throws {
        let fixture = try Self.fixture.get()
        var contest = fixture.contest
        contest.definitionSHA256 = String(repeating: "e", count: 64)
        let report = fixture.claimed(0, contest: contest)
        #expect(report.divergence?.code == .definitionMismatch)
    }

    @Test("a root, seed, commitment or score that differs from the board")
    func boardDifferences() throws {
        let fixture = try Self.fixture.get()
        var claim = BoardClaim(fixture.board)
        claim.runs[0].transcriptRoot = Hash256(bytes: Array(repeating: 1, count: 32))
        #expect(fixture.claimed(0, board: claim).divergence?.code == .rootMismatch)

        claim = BoardClaim(fixture.board)
        claim.runs[0].seed = 12
        #expect(fixture.claimed(0, board: claim).divergence?.code == .seedMismatch)

        claim = BoardClaim(fixture.board)
        claim.seeds?.material = Array(repeating: 1, count: 32)
        #expect(fixture.claimed(1, board: claim).divergence?.code == .commitmentMismatch)

        var earlier = ContestFixture.seeds
        earlier.commitment = Hash256(bytes: Array(repeating: 2, count: 32))
        earlier.material = nil
        #expect(fixture.claimed(1, saved: earlier).divergence?.code == .commitmentMismatch)

        claim = BoardClaim(fixture.board)
        claim.runs[1].teams[0].score = (claim.runs[1].teams[0].score ?? 0) + 1
        let report = fixture.claimed(1, board: claim)
        #expect(report.divergence?.code == .metricMismatch)
        #expect(report.divergence?.message.hasPrefix("run 42, team alpha: the board says pnl") == true)

        claim = BoardClaim(fixture.board)
        claim.rows[0].submissionSHA256 = String(repeating: "f", count: 64)
        #expect(fixture.claimed(0, board: claim).divergence?.code == .memberMismatch)
    }

    @Test("ranks that do not follow from the verified results are named by row")
    func ranksDoNotFollow() throws {
        let fixture = try Self.fixture.get()
        var claim = BoardClaim(fixture.board)
        claim.rows.swapAt(0, 1)
        claim.rows[0].rank = 1
        claim.rows[1].rank = 2
        let failure = BoardRankCheck.check(claim, verified: fixture.verified)
        #expect(failure?.code == .rankMismatch)
        #expect(failure?.message.hasPrefix("row 1 does not follow") == true)

        claim = BoardClaim(fixture.board)
        claim.rows[0].score = (claim.rows[0].score ?? 0) + 1
        #expect(BoardRankCheck.check(claim, verified: fixture.verified)?.code == .metricMismatch)

        let bySharpe = Dictionary(
            uniqueKeysWithValues: zip([Int64(41), 42], fixture.reports).map {
                ($0, BoardRankCheck.verifiedTeams($1, metric: .sharpe))
            })
        #expect(
            BoardRankCheck.check(BoardClaim(fixture.board), verified: bySharpe) != nil,
            "the board's scores are pnl, not sharpe")
    }
}
