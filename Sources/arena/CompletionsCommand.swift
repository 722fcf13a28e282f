import ArgumentParser

/// `arena completions SHELL`: prints a shell completion script.
struct CompletionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions", abstract: "Print a completion script for bash, zsh or fish.",
        discussion: """
            Examples:
              arena completions bash > /etc/bash_completion.d/arena
              arena completions zsh > "${fpath[1]}/_arena"
              arena completions fish > ~/.config/fish/completions/arena.fish
            """)

    @Argument(help: "bash, zsh or fish.") var shell: String

    func run() async throws {
        guard let kind = CompletionShell(rawValue: shell) else {
            throw ValidationError("unknown shell \(shell); use bash, zsh or fish")
        }
        Console.out(Arena.completionScript(for: kind))
    }
}
