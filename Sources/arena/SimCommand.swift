import ArgumentParser
import Foundation
import MarketScenario

/// `arena sim <scenario.json>`: runs a market scenario and prints every event and the final
/// accounts as JSON lines.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run a market scenario and print its events and final accounts as JSON lines.",
        discussion: """
            A scenario lists instruments, a price path (explicit index/mark per tick, or a model \
            and seed), accounts with deposits and leverage, and scripted commands per tick. The \
            output is deterministic: the same file gives byte-identical output.

            Example:
              arena sim Seeds/scenarios/bn-cross-official-example.json
              arena sim --check Seeds/scenarios/*.json

            The format is documented in docs/MARKET.md.
            """)

    @Argument(help: "Scenario JSON files.")
    var scenarios: [String]

    @Flag(help: "Also print the scenario's expectations and fail when one does not hold.")
    var check = false

    mutating func run() async throws {
        var failed = 0
        for path in scenarios {
            let output: ScenarioOutput
            do {
                output = try ScenarioRunner.run(path: path)
            } catch let error as ScenarioError {
                Console.err("\(path): \(error)")
                throw ExitCode(2)
            }
            Console.write(output.text, to: STDOUT_FILENO)
            if check {
                var text = ""
                for result in output.expectations {
                    text += result.line.serialized + "\n"
                    if !result.ok { failed += 1 }
                }
                Console.write(text, to: STDOUT_FILENO)
            }
        }
        if failed > 0 {
            Console.err("\(failed) expectation(s) failed")
            throw ExitCode(1)
        }
    }
}
