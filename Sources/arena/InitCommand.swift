import ArgumentParser
import Foundation

/// `arena init`: scaffolds a strategy bundle from a template.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a strategy bundle from a template (rules or python).",
        discussion: """
            Templates: \(Templates.all.map { "\($0.name) — \($0.summary)" }.joined(separator: "; ")).
            The new bundle passes `arena check` and runs in `arena backtest` as is.

            Examples:
              arena init mybot
              arena init mybot --template python
              arena init . --name my-strategy --force
            """)

    /// `arena init --json` output.
    struct Result: Codable, Sendable {
        var directory: String
        var template: String
        var name: String
        var files: [String]
    }

    @Argument(help: "Directory to create the bundle in.") var directory: String
    @Option(help: "Template: rules or python.") var template = "rules"
    @Option(help: "Strategy name (default: the directory's name).") var name: String?
    @Flag(help: "Overwrite files that already exist.") var force = false
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CommandRunner.run(global) { session in
            guard let chosen = Templates.named(template) else {
                throw CLIError.usage(
                    "unknown template \(template)",
                    hint: "use one of: \(Templates.all.map(\.name).joined(separator: ", "))")
            }
            let url = URL(fileURLWithPath: directory).standardizedFileURL
            let strategyName = name ?? Self.slug(url.lastPathComponent)
            let manager = FileManager.default
            for file in chosen.files
            where manager.fileExists(atPath: url.appendingPathComponent(file.path).path) && !force {
                throw CLIError.usage(
                    "\(directory)/\(file.path) exists already",
                    hint: "choose a new directory, or pass --force to overwrite")
            }
            do {
                try manager.createDirectory(at: url, withIntermediateDirectories: true)
                for file in chosen.files {
                    let text = file.text.replacingOccurrences(of: "{{name}}", with: strategyName)
                    try Data(text.utf8).write(to: url.appendingPathComponent(file.path))
                }
            } catch {
                throw CLIError.usage("cannot write \(directory): \(error.localizedDescription)")
            }
            let result = Result(
                directory: directory, template: chosen.name, name: strategyName,
                files: chosen.files.map(\.path))
            if session.json { return Output.json(result) }
            Console.out(
                "Created \(chosen.name) bundle \(session.terminal.paint(strategyName, .bold)) in \(directory): \(result.files.joined(separator: ", "))"
            )
            Console.out("Next:\n  cd \(directory)\n  arena check .\n  arena backtest")
        }
    }

    /// Lowercase letters, digits and dashes.
    static func slug(_ text: String) -> String {
        let mapped = text.lowercased().map { $0.isLetter && $0.isASCII || $0.isNumber ? $0 : "-" }
        let trimmed = String(mapped).split(separator: "-").joined(separator: "-")
        return trimmed.isEmpty ? "my-strategy" : trimmed
    }
}
