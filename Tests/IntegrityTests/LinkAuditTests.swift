import AuditLog
import ContestModel
import Integrity
import MarketModel
import Testing

/// `arena verify --contest` checks that a transcript's links are exactly the definition's.
@Suite("Link audit")
struct LinkAuditTests {
    static let linked = IntegritySettings(linkedTeams: LinkedTeamsTests.pairs)

    @Test("the runner's links match the definition that asked for them, and no other")
    func matchesOnlyItsDefinition() throws {
        let (transcript, records) = try LinkedTeamsTests.play(linked: true)
        let members = transcript.header.members
        #expect(LinkAudit.check(records, members: members, settings: Self.linked) == nil)
        let unlinked = LinkAudit.check(records, members: members, settings: IntegritySettings())
        #expect(unlinked?.contains("not in the definition: slot 0 → group 1 at tick 0") == true, "\(unlinked ?? "")")
        let oneGroup = IntegritySettings(linkedTeams: [["donor", "receiver"]])
        #expect(
            LinkAudit.check(records, members: members, settings: oneGroup)?.contains("not in the definition") == true)
        let more = IntegritySettings(linkedTeams: LinkedTeamsTests.pairs + [["trend-following", "mean-reversion"]])
        #expect(
            LinkAudit.check(records, members: members, settings: more)?.contains("missing: slot 4 → group 3") == true)
    }

    @Test("a heat the definition does not link has no links to find")
    func unlinkedHeat() throws {
        let (transcript, records) = try LinkedTeamsTests.play(linked: false)
        #expect(LinkAudit.check(records, members: transcript.header.members, settings: IntegritySettings()) == nil)
        #expect(
            LinkAudit.check(records, members: transcript.header.members, settings: Self.linked)?.hasPrefix("missing")
                == true)
    }

    @Test("links issued late, by a bot or on another slot's account are reported")
    func forgedLinks() throws {
        let (transcript, records) = try LinkedTeamsTests.play(linked: true)
        let members = transcript.header.members
        let receiver = try #require(LinkedTeamsTests.accounts(records)["receiver"])
        var late = records
        late[5].inputs.append(.command(origin: .system(slot: 1), .setSelfTradeGroup(account: receiver, group: 1)))
        #expect(LinkAudit.check(late, members: members, settings: Self.linked)?.contains("at tick 5") == true)
        var byBot = records
        byBot[0].inputs.append(.command(origin: .bot(slot: 4), .setSelfTradeGroup(account: receiver, group: 1)))
        #expect(
            LinkAudit.check(byBot, members: members, settings: Self.linked)?.contains("not issued by the runner")
                == true)
        var foreign = records
        foreign[0].inputs.append(.command(origin: .system(slot: 4), .setSelfTradeGroup(account: receiver, group: 1)))
        #expect(LinkAudit.check(foreign, members: members, settings: Self.linked)?.contains("not its own") == true)
    }
}
