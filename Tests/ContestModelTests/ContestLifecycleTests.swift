import ContestModel
import Foundation
import Testing

@Suite struct ContestLifecycleTests {
    static func definition(_ phases: String) throws -> ContestDefinition {
        try ContestDefinitionLoader.parse("id: life\nname: Life\nphases: \(phases)\n")
    }

    static func at(_ text: String) -> Date { ContestLifecycle.parse(text)! }

    @Test func anUnboundedPhaseIsOpenUntilPublication() throws {
        let definition = try Self.definition("[{name: main}]")
        let open = ContestLifecycle(definition: definition, now: Self.at("2040-01-01T00:00:00Z"), published: false)
        #expect(open.submissionsOpen && open.registrationOpen)
        #expect(open.currentPhase?.name == "main")
        #expect(open.closedMessage(for: .submissions) == nil)
        let sealed = ContestLifecycle(definition: definition, now: Self.at("2040-01-01T00:00:00Z"), published: true)
        #expect(!sealed.submissionsOpen && !sealed.registrationOpen)
        #expect(sealed.closedMessage(for: .registrations)?.contains("published") == true)
    }

    @Test func windowsAreHalfOpen() throws {
        let definition = try Self.definition(
            #"[{name: main, starts_at: "2030-01-01T00:00:00Z", ends_at: "2030-02-01T00:00:00Z"}]"#)
        func open(_ time: String) -> Bool {
            ContestLifecycle(definition: definition, now: Self.at(time), published: false).submissionsOpen
        }
        #expect(!open("2029-12-31T23:59:59Z"))
        #expect(open("2030-01-01T00:00:00Z"))
        #expect(open("2030-01-31T23:59:59Z"))
        #expect(!open("2030-02-01T00:00:00Z"))
        let after = ContestLifecycle(definition: definition, now: Self.at("2030-03-01T00:00:00Z"), published: false)
        let message = try #require(after.closedMessage(for: .submissions))
        #expect(message.contains("2030-01-01T00:00:00Z") && message.contains("2030-02-01T00:00:00Z"), "\(message)")
    }

    @Test func aPhaseMayAllowOnlyOneActivity() throws {
        let definition = try Self.definition(
            #"""
            [{name: signup, ends_at: "2030-01-01T00:00:00Z", submissions: false},
             {name: trading, starts_at: "2030-01-01T00:00:00Z", registration: false}]
            """#)
        let early = ContestLifecycle(definition: definition, now: Self.at("2029-06-01T00:00:00Z"), published: false)
        #expect(early.registrationOpen && !early.submissionsOpen)
        #expect(early.closedMessage(for: .submissions)?.contains("next opening 2030-01-01T00:00:00Z") == true)
        let late = ContestLifecycle(definition: definition, now: Self.at("2031-01-01T00:00:00Z"), published: false)
        #expect(!late.registrationOpen && late.submissionsOpen)
        #expect(late.currentPhase?.name == "trading")
    }

    @Test(arguments: [
        (#"[{name: main, starts_at: "tomorrow"}]"#, "phases[0].starts_at"),
        (#"[{name: main, starts_at: "2030-02-01T00:00:00Z", ends_at: "2030-01-01T00:00:00Z"}]"#, "phases[0].ends_at"),
    ])
    func badPhaseTimesNameTheField(phases: String, field: String) {
        #expect {
            try Self.definition(phases)
        } throws: { error in
            (error as? ContestError)?.field == field
        }
    }

    @Test func theDemoContestStaysOpenForYears() throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let demo = try ContestDefinitionLoader.load(path: url.appendingPathComponent("Seeds/contests/demo.yaml").path)
        let lifecycle = ContestLifecycle(definition: demo, now: Self.at("2029-12-31T00:00:00Z"), published: false)
        #expect(lifecycle.submissionsOpen && lifecycle.registrationOpen)
    }
}
