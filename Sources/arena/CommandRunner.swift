import APIModels
import ArgumentParser
import Foundation

/// Runs a command body and turns failures into the documented output and exit code.
enum CommandRunner {
    /// Runs `body` with the session; a ``CLIError`` is printed (as JSON with `--json`) and
    /// becomes its exit code. `audience` chooses whose next steps the hints describe. No error
    /// text ever shows the session's token.
    static func run(
        _ options: GlobalOptions, audience: Audience = .team, _ body: (Session) async throws -> Void
    ) async throws {
        var jsonOutput = options.json
        var token: String?
        do {
            var session = try options.session()
            let organizerToken = session.token?.hasPrefix("pa_org_") == true
            session.audience = audience == .organizer || organizerToken ? .organizer : .team
            jsonOutput = session.json
            token = session.token
            try await body(session)
        } catch let error as CLIError {
            report(error.redacting(token), json: jsonOutput)
            throw ExitCode(error.exitCode)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let wrapped = CLIError("internal", "\(error)", exitCode: ExitCodes.server).redacting(token)
            report(wrapped, json: jsonOutput)
            throw ExitCode(wrapped.exitCode)
        }
    }

    static func report(_ error: CLIError, json: Bool) {
        if json {
            Output.json(CLIErrorBody(error))
        } else {
            let terminal = Terminal.detect()
            let label = isatty(STDERR_FILENO) == 1 && terminal.color ? "\u{1B}[31merror:\u{1B}[0m" : "error:"
            Console.err("\(label) \(error.message)")
            if let hint = error.hint { Console.err("  → \(hint)") }
        }
    }
}
