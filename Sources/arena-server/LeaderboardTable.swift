import APIModels

/// Renders a leaderboard as a fixed-width text table.
enum LeaderboardTable {
    static func render(_ board: LeaderboardView) -> String {
        var lines = [
            "",
            "Leaderboard \(board.contestId) (\(board.state), metric \(board.metric), evaluation \(board.evaluationId.map(String.init) ?? "-"))",
        ]
        let header = ["#", "team", "status", "score", "±95%", "pnl", "fees", "trades", "liq", "fault"]
        var rows = [header]
        for row in board.rows {
            rows.append([
                "\(row.rank)", row.team, row.status, row.score ?? "-", row.scoreCi95 ?? "-", row.pnl, row.fees,
                "\(row.trades)", "\(row.liquidations)", row.fault ?? "",
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for (index, row) in rows.enumerated() {
            lines.append(
                row.enumerated().map { column, cell in
                    column >= 3 && column <= 8
                        ? String(repeating: " ", count: widths[column] - cell.count) + cell
                        : cell + String(repeating: " ", count: widths[column] - cell.count)
                }.joined(separator: "  "))
            if index == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        return lines.joined(separator: "\n")
    }
}
