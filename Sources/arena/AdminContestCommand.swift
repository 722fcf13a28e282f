import APIModels
import ArgumentParser
import ContestModel
import Foundation

/// `arena admin contest create|update|show`.
struct AdminContestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contest", abstract: "Create, update or show a contest defined in YAML.",
        discussion: """
            Examples:
              arena admin contest create Seeds/contests/demo.yaml
              arena admin contest update contest.yaml
              arena admin contest show demo --json
            """,
        subcommands: [Create.self, Update.self, Show.self])

    /// `arena admin contest create FILE`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Create a contest from a YAML file (refuses an existing id).",
            discussion: "Example:\n  arena admin contest create contest.yaml --profile org")
        @Argument(help: "Contest YAML file.") var file: String
        @OptionGroup var global: GlobalOptions
        func run() async throws { try await AdminContestCommand.upload(file, global: global, mustBeNew: true) }
    }

    /// `arena admin contest update FILE`.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update", abstract: "Create or update a contest from a YAML file.",
            discussion: "Example:\n  arena admin contest update contest.yaml --profile org")
        @Argument(help: "Contest YAML file.") var file: String
        @OptionGroup var global: GlobalOptions
        func run() async throws { try await AdminContestCommand.upload(file, global: global, mustBeNew: false) }
    }

    /// `arena admin contest show ID`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a contest's settings and state.",
            discussion: "Example:\n  arena admin contest show demo")
        @Argument(help: "Contest id.") var contest: String
        @OptionGroup var global: GlobalOptions
        func run() async throws {
            try await CommandRunner.run(global, audience: .organizer) { session in
                let view = try await session.client.get("/v1/contests/\(contest.pathEscaped)", as: ContestView.self)
                if session.json { return Output.json(view) }
                AdminContestCommand.printContest(view, session.terminal)
            }
        }
    }

    static func upload(_ file: String, global: GlobalOptions, mustBeNew: Bool) async throws {
        try await CommandRunner.run(global, audience: .organizer) { session in
            let client = try session.authenticatedClient()
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError.usage("cannot read \(file)")
            }
            let text = String(decoding: data, as: UTF8.self)
            let definition: ContestDefinition
            do {
                definition = try ContestDefinitionLoader.parse(text)
            } catch {
                throw CLIError(
                    "contest_invalid", "\(file): \(error)", hint: "fix the YAML; docs list every field",
                    exitCode: ExitCodes.usage)
            }
            if mustBeNew {
                let existing = try await client.send("GET", "/v1/contests/\(definition.id.pathEscaped)", accept: [404])
                if existing.status == 200 {
                    throw CLIError(
                        "contest_exists", "contest \(definition.id) exists already",
                        hint: "use `arena admin contest update \(file)` to change it", exitCode: ExitCodes.refused)
                }
            }
            let reply = try await client.send(
                "POST", "/v1/admin/contests", body: Array(data), contentType: "application/yaml")
            let view = try client.decode(ContestView.self, from: reply, path: "/v1/admin/contests")
            if session.json { return Output.json(view) }
            Console.out(
                "\(reply.status == 201 ? "Created" : "Updated") contest \(view.id) (definition \(view.definitionSha256.prefix(12)))."
            )
            printContest(view, session.terminal)
        }
    }

    static func printContest(_ view: ContestView, _ t: Terminal) {
        Console.out("\(t.paint(view.id, .bold)): \(view.name)")
        if let description = view.description { Console.out("  \(description)") }
        Console.out(
            "  instruments \(view.instruments.joined(separator: ", ")); \(view.ticksPerRun) ticks per run, heats of \(view.heatSize), \(view.rounds) round(s), ranked by \(view.metric)"
        )
        Console.out(
            "  registration \(view.registrationOpen ? "open" : "closed")\(view.inviteRequired ? " (invite required)" : ""); \(view.frozen ? "frozen" : "live")\(view.published ? ", published" : "")"
        )
        for phase in view.phases {
            Console.out(
                "  phase \(phase.name): \(phase.startsAt ?? "-") → \(phase.endsAt ?? "-")\(phase.finalSelection ? " (final selection)" : "")"
            )
        }
    }
}
