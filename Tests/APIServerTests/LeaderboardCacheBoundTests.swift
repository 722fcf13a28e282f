import APIModels
import Foundation
import Leaderboard
import Testing

/// The leaderboard cache renders a board once per state and slices pages per request: 15,000
/// distinct page keys cost one database read, keep at most `maxPagesPerBoard` encoded pages,
/// and leave the process's memory flat.
struct LeaderboardCacheBoundTests {
    /// Resident set size of this process in bytes (Linux `/proc/self/statm`).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    @Test func fifteenThousandPageKeysStayBoundedAndCostOneRead() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let organizer = fixture.arena.addOrganizer()
            try await fixture.createContest(client, organizer: organizer, yaml: APIFixture.contestYAML(id: "pages"))
        }
        let arena = fixture.arena
        let readsBefore = arena.boardReads
        let rows = try (1...2_000).map { try LeaderboardRoutesTests.row(rank: $0, team: "team-\($0)") }
        arena.setBoard(contestId: "pages", rows: rows, evaluationId: 7)
        let service = LeaderboardService(
            reader: arena,
            configuration: LeaderboardCacheConfiguration(cacheMilliseconds: 600_000, maxBoards: 8, maxPagesPerBoard: 16)
        )

        let first = try #require(try await service.render(contestId: "pages", page: 1, pageSize: 100, organizer: false))
        let view = try APIJSON.decoder().decode(LeaderboardView.self, from: first.body)
        #expect(view.rows.count == 100 && view.total == 2_000 && view.rows.first?.team == "team-1")
        for page in 1...1_000 {
            _ = try await service.render(contestId: "pages", page: page, pageSize: 7, organizer: false)
        }
        let before = Self.residentBytes()
        for index in 0..<15_000 {
            let rendered = try #require(
                try await service.render(contestId: "pages", page: 1 + index, pageSize: 100, organizer: false))
            #expect(rendered.state == "live")
            if index % 1_000 == 0 {
                #expect(service.cachedCounts.pages <= 16 && service.cachedCounts.boards == 1)
            }
        }
        let after = Self.residentBytes()
        let growth = Double(after - before) / Double(max(1, before))
        print(
            "leaderboard cache: 15,000 page keys, RSS \(before / 1_048_576) MiB → \(after / 1_048_576) MiB "
                + "(\(String(format: "%+.1f", growth * 100)) %), cached \(service.cachedCounts), board reads \(arena.boardReads - readsBefore)"
        )
        #expect(service.cachedCounts.pages <= 16)
        #expect(arena.boardReads - readsBefore == 1, "one database read for the board state, none per page key")
        // RSS is printed, not asserted: other suites run in parallel in this process. The
        // acceptance measurement (a live server, 15,000 page keys) is in `.ci/abuse-test.sh`.
        _ = growth

        // A new board state is read again, once, and the old pages are gone.
        arena.setBoard(contestId: "pages", rows: Array(rows.prefix(10)), evaluationId: 8)
        service.invalidate(contestId: "pages")
        let fresh = try #require(try await service.render(contestId: "pages", page: 1, pageSize: 100, organizer: false))
        #expect(try APIJSON.decoder().decode(LeaderboardView.self, from: fresh.body).total == 10)
        #expect(arena.boardReads - readsBefore == 2 && service.cachedCounts.pages == 1)
    }

    @Test func boardsAreBoundedToo() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let organizer = fixture.arena.addOrganizer()
            for index in 0..<5 {
                try await fixture.createContest(
                    client, organizer: organizer, yaml: APIFixture.contestYAML(id: "c\(index)"))
            }
        }
        let service = LeaderboardService(
            reader: fixture.arena, configuration: LeaderboardCacheConfiguration(maxBoards: 3, maxPagesPerBoard: 2))
        for index in 0..<5 {
            for organizer in [false, true] {
                _ = try await service.render(contestId: "c\(index)", page: 1, pageSize: 10, organizer: organizer)
            }
        }
        #expect(service.cachedCounts.boards == 3)
        #expect(try await service.render(contestId: "missing", page: 1, pageSize: 10, organizer: false) == nil)
        #expect(service.cachedCounts.boards == 3, "unknown contests are not cached")
    }
}
