import AuditLog
import Foundation
import MarketModel
import Scoring

/// What `arena verify` prints: the first line says VERIFIED or FAILED with the one reason, then
/// every check, then warnings (docs/AUDIT.md lists the reasons).
enum VerifyOutput {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// One run's report.
    static func printRun(_ report: VerificationReport, source: String, json: Bool) {
        if json {
            Console.out(String(decoding: (try? encoder().encode(report)) ?? Data("null".utf8), as: UTF8.self))
        } else {
            Console.out(render(report, source: source))
        }
    }

    /// A board's report.
    static func printContest(_ report: VerifyContestFlow.Report, json: Bool) {
        if json {
            Console.out(String(decoding: (try? encoder().encode(report)) ?? Data("null".utf8), as: UTF8.self))
            return
        }
        var lines: [String] = []
        if let divergence = report.divergence {
            lines.append("FAILED contest \(report.contestID): \(report.failedAt ?? "?"): \(reason(divergence))")
        } else {
            let runs = report.runs.count
            lines.append(
                "VERIFIED contest \(report.contestID): \(report.signed ? "signed" : "unsigned") board, \(runs) run(s) replayed, ranks follow from the verified results"
            )
        }
        for check in report.checks {
            lines.append("  [\(mark(check.passed))] \(check.name): \(check.detail)")
        }
        for warning in Set(report.warnings).sorted() { lines.append("  warning: \(warning)") }
        Console.out(lines.joined(separator: "\n"))
    }

    /// The one-line reason of a failure: code, place, message.
    static func reason(_ divergence: Divergence) -> String {
        var place = ""
        if let tick = divergence.tick {
            place = " at tick \(tick)" + (divergence.eventIndex.map { ", event \($0)" } ?? "")
        }
        return "\(divergence.code.rawValue)\(place): \(divergence.message)"
    }

    static func render(_ report: VerificationReport, source: String) -> String {
        var lines: [String] = []
        if let divergence = report.divergence {
            lines.append("FAILED \(source): \(reason(divergence))")
            if !divergence.expected.isEmpty || !divergence.found.isEmpty {
                lines.append("  expected: \(divergence.expected)")
                lines.append("  found:    \(divergence.found)")
            }
        } else {
            let contest = report.contestID.map { " of contest \($0)" } ?? ""
            lines.append(
                "VERIFIED run \(report.runID ?? "?")\(contest): \(report.ticks) ticks, \(report.events) events, \(report.commands) commands; root \(report.root?.hex ?? "-")"
            )
        }
        for check in report.checks {
            lines.append("  [\(mark(check.passed))] \(check.name): \(check.detail)")
        }
        for warning in report.warnings { lines.append("  warning: \(warning)") }
        if let teams = report.results?.teams, report.verified {
            for team in teams {
                let equity = report.equity.first { $0.slot == team.slot }?.metrics
                let curve =
                    equity.map {
                        ", return \($0.returnBps) bps, sharpe \(Double($0.sharpeMilli) / 1000), max drawdown \($0.maxDrawdown.decimal)"
                    } ?? ""
                lines.append(
                    "  #\(team.rank) \(team.label): score \(team.score.decimal), equity \(team.finalEquity.decimal), fees \(team.feesPaid.decimal)\(curve)\(team.faulted ? " (faulted)" : "")"
                )
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func mark(_ passed: Bool?) -> String { passed.map { $0 ? "ok  " : "FAIL" } ?? "skip" }
}
