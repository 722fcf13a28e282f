import Foundation
import Logging

/// Logs as text on a terminal and as JSON lines otherwise (for log collectors).
enum LoggingBootstrap {
    static func bootstrap(level: String) {
        let parsed = Logger.Level(rawValue: level) ?? .info
        let json = isatty(STDERR_FILENO) == 0 && ProcessInfo.processInfo.environment["ARENA_LOG_FORMAT"] != "text"
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler =
                json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = parsed
            return handler
        }
    }
}
