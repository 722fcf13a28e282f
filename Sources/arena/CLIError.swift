import Foundation

/// A failure the CLI reports to its user: a stable code, what happened, what to do next and the
/// process exit code (see ``ExitCodes``).
struct CLIError: Error, CustomStringConvertible, Sendable {
    /// Stable machine-readable code, e.g. `not_logged_in` or the server's error code.
    var code: String
    /// What happened.
    var message: String
    /// What to do next.
    var hint: String?
    var exitCode: Int32
    /// The HTTP status of the server's answer, when the error is one.
    var httpStatus: Int?

    init(_ code: String, _ message: String, hint: String? = nil, exitCode: Int32, httpStatus: Int? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
        self.exitCode = exitCode
        self.httpStatus = httpStatus
    }

    /// The server could not be reached or is briefly unavailable (a restart, a proxy in front of
    /// it): waiting commands retry these.
    var isTransient: Bool {
        code == "unreachable" || [502, 503, 504].contains(httpStatus ?? 0)
    }

    /// The error with every occurrence of `secret` in its text replaced (tokens are never echoed).
    func redacting(_ secret: String?) -> CLIError {
        guard let secret, !secret.isEmpty else { return self }
        var copy = self
        copy.message = message.replacingOccurrences(of: secret, with: "‹token›")
        copy.hint = hint?.replacingOccurrences(of: secret, with: "‹token›")
        return copy
    }

    var description: String { hint.map { "\(message)\n  → \($0)" } ?? message }

    static func usage(_ message: String, hint: String? = nil) -> CLIError {
        CLIError("usage", message, hint: hint, exitCode: ExitCodes.usage)
    }

    static func notLoggedIn(profile: String) -> CLIError {
        CLIError(
            "not_logged_in", "no token for profile \(profile)",
            hint:
                "run `arena register --contest ID --name TEAM` for a new team, or `arena login --token TOKEN` (organizers: `arena login --profile \(profile) --token pa_org_…`)",
            exitCode: ExitCodes.auth)
    }
}

/// The JSON shape of an error printed with `--json`:
/// `{"error": {"code", "message", "hint", "exit_code"}}`.
struct CLIErrorBody: Codable, Sendable {
    struct Detail: Codable, Sendable {
        var code: String
        var message: String
        var hint: String?
        var exitCode: Int32
    }

    var error: Detail

    init(_ error: CLIError) {
        self.error = Detail(code: error.code, message: error.message, hint: error.hint, exitCode: error.exitCode)
    }
}
