import AuditLog
import ContestModel
import MarketModel
import Testing

/// Teams the organizer links (`integrity.linked_teams`) share a self-trade-prevention group: the
/// donor cannot feed the receiver and the wash pair cannot trade with itself, yet all four keep
/// trading with the rest of the market, and the links are in the transcript that `verify` replays.
@Suite("Linked teams: cross-team self-trade prevention")
struct LinkedTeamsTests {
    static let pairs: [[String]] = [["donor", "receiver"], ["wash-a", "wash-b"]]
    static let teams =
        IntegrityHeat.cheats.filter { $0.label != "copier" && $0.label != "quote-stuffer" }
        + IntegrityHeat.honest.prefix(3)

    /// Plays the heat with or without the links; returns the transcript and its records.
    static func play(linked: Bool) throws -> (Transcript, [TickRecord]) {
        var heat = IntegrityHeat(teams: teams, ticks: 400)
        if linked { heat.contest.integrity = IntegritySettings(linkedTeams: pairs) }
        let transcript = try heat.run(seed: 11, runID: linked ? "linked" : "unlinked")
        return (transcript, try Transcript.decode(transcript.bytes).records)
    }

    /// Each team's engine account, from the `openAccount` of its slot.
    static func accounts(_ records: [TickRecord]) -> [String: AccountID] {
        var accounts: [String: AccountID] = [:]
        for record in records {
            var opened: [AccountID] = record.events.compactMap {
                if case .accountOpened(let account, _) = $0 { return account } else { return nil }
            }
            for input in record.inputs {
                guard case .command(.system(let slot), .openAccount) = input, !opened.isEmpty else { continue }
                accounts[teams[Int(slot)].label] = opened.removeFirst()
            }
        }
        return accounts
    }

    /// Trades between two teams (either side), and each team's trades with anyone but its
    /// linked partner (other teams and the background market).
    static func trades(_ records: [TickRecord]) -> (between: [Set<String>: Int], withOthers: [String: Int]) {
        let names = Dictionary(uniqueKeysWithValues: accounts(records).map { ($1, $0) })
        var partner: [String: String] = [:]
        for pair in pairs { (partner[pair[0]], partner[pair[1]]) = (pair[1], pair[0]) }
        var between: [Set<String>: Int] = [:]
        var withOthers: [String: Int] = [:]
        for record in records {
            for case .trade(let trade) in record.events {
                let maker = names[trade.makerAccount]
                let taker = names[trade.takerAccount]
                if let maker, let taker { between[[maker, taker], default: 0] += 1 }
                for (team, counterpart) in [(maker, taker), (taker, maker)] {
                    guard let team, counterpart == nil || partner[team] != counterpart else { continue }
                    withOthers[team, default: 0] += 1
                }
            }
        }
        return (between, withOthers)
    }

    @Test("without links the pairs trade with each other (the test bots do what they are built for)")
    func unlinkedPairsTrade() throws {
        let (_, records) = try Self.play(linked: false)
        let (between, _) = Self.trades(records)
        #expect(between[["donor", "receiver"], default: 0] >= 20)
        #expect(between[["wash-a", "wash-b"], default: 0] >= 20)
    }

    @Test("linked teams never trade each other but still trade everyone else")
    func linkedPairsDoNotTradeEachOther() throws {
        let (transcript, records) = try Self.play(linked: true)
        let (between, withOthers) = Self.trades(records)
        #expect(between[["donor", "receiver"], default: 0] == 0)
        #expect(between[["wash-a", "wash-b"], default: 0] == 0)
        for team in ["donor", "receiver", "wash-a", "wash-b"] {
            #expect(withOthers[team, default: 0] > 0, "\(team) still trades with unlinked accounts")
        }
        // The runner linked exactly the four at tick 0, as system inputs in the transcript.
        let links = records[0].inputs.compactMap { input -> (UInt32, UInt32)? in
            guard case .command(.system(let slot), .setSelfTradeGroup(_, let group)) = input else { return nil }
            return (slot, group)
        }
        #expect(links.map(\.0) == [0, 1, 2, 3])
        #expect(links.map(\.1) == [1, 1, 2, 2])
        #expect(
            records.dropFirst().allSatisfy { record in
                !record.inputs.contains {
                    if case .command(_, .setSelfTradeGroup) = $0 { return true } else { return false }
                }
            })
        // Linked attempts expire as self-trades, visible to anyone reading the transcript.
        let stp = records.flatMap(\.events).count {
            if case .orderCancelled(_, _, _, _, _, .selfTradePrevention) = $0 { return true } else { return false }
        }
        #expect(stp > 0)
        let report = TranscriptVerifier(configuration: .init(requireAttestation: false))
            .verify(transcriptBytes: transcript.bytes, attestation: nil, publicKeys: [])
        #expect(report.verified, "\(String(describing: report.divergence))")
    }

    @Test("a link whose teams are not both in the heat changes nothing")
    func linksOutsideTheHeatAreNotIssued() throws {
        var heat = IntegrityHeat(teams: Array(Self.teams.dropFirst(2)), ticks: 50)
        let plain = try Transcript.decode(heat.run(seed: 5, runID: "h").bytes).records
        heat.contest.integrity = IntegritySettings(linkedTeams: [["donor", "trend-following"], ["ghost", "phantom"]])
        let linked = try Transcript.decode(heat.run(seed: 5, runID: "h").bytes).records
        #expect(linked == plain)
    }
}
