import APIModels
import ArgumentParser
import Foundation

/// Runs a command body and turns failures into the documented output and exit code.
enum CommandRunner {
    /// Runs `body` with the session; a ``CLIError`` is printed (as JSON with `--json`) and
    /// becomes its exit code.
    static func run(_ options: GlobalOptions, _ body: (Session) async throws -> Void) async throws {
        var jsonOutput = options.json
        do {
            let session = try options.session()
            jsonOutput = session.json
            try await body(session)
        } catch let error as CLIError {
            report(error, json: jsonOutput)
            throw ExitCode(error.exitCode)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let wrapped = CLIError("internal", "\(error)", exitCode: ExitCodes.server)
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

/// Printing values as the CLI's stable JSON.
enum Output {
    /// Pretty, sorted, snake_case JSON on standard output.
    static func json<T: Encodable>(_ value: T) {
        let encoder = APIJSON.encoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        Console.out(String(decoding: data, as: UTF8.self))
    }
}
