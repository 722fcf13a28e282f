import Foundation

/// The parts of an integrity report (docs/INTEGRITY.md) that `arena admin integrity` prints as
/// a table; the report itself is kept byte for byte (`--json`, `--output`).
struct AdminIntegrityReport: Decodable {
    struct Team: Decodable {
        var teamId: String
        var label: String
        var name: String { "\(label) (\(teamId))" }
    }

    struct Transfer: Decodable {
        var giver: Team
        var receiver: Team
        var netUsdt: String
        var fills: Int
        var oneSidedPpm: Int64
        var concentrationPpm: Int64
        var flagged: Bool
    }

    struct WashRun: Decodable {
        var runId: String
        var roundTrips: Int
        var matchedUsdt: String
        var matchedSharePpm: Int64
        var flagged: Bool
    }

    struct Wash: Decodable {
        var teams: [Team]
        var runs: [WashRun]
    }

    struct Copy: Decodable {
        var leader: Team
        var follower: Team
        var lagTicks: Int
        var cosinePpm: Int64
        var simultaneousCosinePpm: Int64
        var followRatioPpm: Int64
    }

    struct Spoof: Decodable {
        var team: Team
        var ordersPlaced: Int
        var ordersFilled: Int
        var orderToFillPpm: Int64
        var fieldOrderToFillPpm: Int64
        var cancelRatePpm: Int64
    }

    struct Run: Decodable { var runId: String }

    var contestId: String
    var runs: [Run]
    var transfer: [Transfer]
    var wash: [Wash]
    var copying: [Copy]
    var spoofing: [Spoof]
    var flaggedTeams: [String]

    /// One row per finding: flagged, kind, teams, evidence.
    func rows() -> [[String]] {
        var rows: [[String]] = []
        for finding in transfer {
            rows.append([
                finding.flagged ? "yes" : "no", "transfer", "\(finding.giver.name) → \(finding.receiver.name)",
                "net \(finding.netUsdt) USDT over \(finding.fills) fills, one-sided \(Self.percent(finding.oneSidedPpm)), "
                    + "concentration \(Self.percent(finding.concentrationPpm))",
            ])
        }
        for finding in wash {
            let flagged = finding.runs.filter(\.flagged)
            let trips = flagged.map(\.roundTrips).reduce(0, +)
            let runs = flagged.map {
                "\($0.runId): \($0.roundTrips) trips, \(Self.percent($0.matchedSharePpm)) matched"
            }
            rows.append([
                "yes", "wash", finding.teams.map(\.name).joined(separator: " / "),
                "\(trips) round trips in \(flagged.count) run(s) (\(runs.joined(separator: "; ")))",
            ])
        }
        for finding in copying {
            rows.append([
                "yes", "copying", "\(finding.leader.name) → \(finding.follower.name)",
                "lag \(finding.lagTicks) ticks, cosine \(Self.ratio(finding.cosinePpm)) "
                    + "(at lag 0: \(Self.ratio(finding.simultaneousCosinePpm))), follows \(Self.percent(finding.followRatioPpm))",
            ])
        }
        for finding in spoofing {
            rows.append([
                "yes", "spoofing", finding.team.name,
                "\(finding.ordersPlaced) orders, \(finding.ordersFilled) filled: order-to-fill "
                    + "\(Self.ratio(finding.orderToFillPpm)) (field \(Self.ratio(finding.fieldOrderToFillPpm))), "
                    + "cancel rate \(Self.percent(finding.cancelRatePpm))",
            ])
        }
        return rows
    }

    /// `823845` ppm → `82.4 %`.
    static func percent(_ ppm: Int64) -> String {
        let tenths = (ppm + (ppm >= 0 ? 500 : -500)) / 1000
        return "\(tenths / 10).\(abs(tenths % 10)) %"
    }

    /// `999999` ppm → `0.999999`; `153000000` → `153`.
    static func ratio(_ ppm: Int64) -> String {
        let sign = ppm < 0 ? "-" : ""
        let whole = abs(ppm) / 1_000_000
        let fraction = abs(ppm) % 1_000_000
        guard fraction != 0 else { return "\(sign)\(whole)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 6 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(sign)\(whole).\(digits)"
    }
}
