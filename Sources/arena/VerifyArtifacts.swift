import APIModels
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Where `arena verify` reads what it checks: the server (optionally saving every answer into a
/// directory, `--download`), or a directory saved earlier (`--from`), laid out as
///
///     contest.json                  GET /v1/contests/{id}
///     board.json                    GET /v1/contests/{id}/board (signed snapshot, once published)
///     board-versions/{n}.json       GET /v1/contests/{id}/board/versions/{n} (amended versions)
///     leaderboard.json              GET /v1/contests/{id}/leaderboard, all pages (when no snapshot)
///     keys.json                     GET /v1/keys
///     runs/{id}.transcript          GET /v1/runs/{id}/transcript
///     runs/{id}.attestation.json    GET /v1/runs/{id}/attestation
///     definition.json               GET /v1/contests/{id}/definition (the public definition)
///     integrity.json                GET /v1/contests/{id}/integrity (the published integrity report)
///     integrity.recomputed.json     the report `verify --contest` recomputed (written with --download)
struct VerifyArtifacts: Sendable {
    /// Where the artifacts come from.
    enum Location: Sendable {
        /// A server origin (`http://host:port`) and the token to send, if any.
        case server(origin: String, token: String?)
        /// A directory written by `--download`.
        case directory(String)
    }

    /// A usage or I/O problem (exit code 2).
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let location: Location
    /// With `--download`: every answer is also written here.
    let saveTo: String?

    static let notPublishedHint =
        "wait for the results to be published, or verify with an organizer profile (--profile org)"

    /// Whether the artifacts come from a saved directory.
    var isOffline: Bool {
        if case .directory = location { return true }
        return false
    }

    /// A human name for the source.
    var name: String {
        switch location {
        case .server(let origin, _): origin
        case .directory(let path): path
        }
    }

    func transcript(run: String) async throws -> [UInt8] {
        try await required("runs/\(run).transcript", "/v1/runs/\(run)/transcript")
    }

    func attestation(run: String) async throws -> [UInt8] {
        try await required("runs/\(run).attestation.json", "/v1/runs/\(run)/attestation")
    }

    func keys() async throws -> [UInt8]? { try await optional("keys.json", "/v1/keys", authorized: false) }

    func contest(_ id: String) async throws -> [UInt8]? { try await optional("contest.json", "/v1/contests/\(id)") }

    func definition(_ contest: String) async throws -> [UInt8]? {
        try await optional("definition.json", "/v1/contests/\(contest)/definition")
    }

    func integrityReport(_ contest: String) async throws -> [UInt8]? {
        try await optional("integrity.json", "/v1/contests/\(contest)/integrity")
    }

    /// Saves the recomputed integrity report next to the served one (with `--download`).
    func saveRecomputedIntegrity(_ bytes: [UInt8]) throws { try save(bytes, as: "integrity.recomputed.json") }

    func board(_ contest: String) async throws -> [UInt8]? {
        try await optional("board.json", "/v1/contests/\(contest)/board")
    }

    func boardVersion(_ contest: String, version: Int64) async throws -> [UInt8]? {
        try await optional("board-versions/\(version).json", "/v1/contests/\(contest)/board/versions/\(version)")
    }

    /// The live leaderboard, every page merged into one (unsigned, so re-encoding it is harmless).
    func leaderboard(_ contest: String) async throws -> [UInt8]? {
        switch location {
        case .directory(let path):
            return try Self.readIfPresent(path + "/leaderboard.json")
        case .server:
            var merged: LeaderboardView?
            var page = 1
            while page <= 1000 {
                guard
                    let bytes = try await fetch(
                        "/v1/contests/\(contest)/leaderboard?page=\(page)&page_size=500", allowMissing: true)
                else { return nil }
                let view = try APIJSON.decoder().decode(LeaderboardView.self, from: Data(bytes))
                if merged == nil { merged = view } else { merged?.rows += view.rows }
                if view.rows.isEmpty || (merged?.rows.count ?? 0) >= view.total { break }
                page += 1
            }
            guard var board = merged else { return nil }
            board.page = 1
            board.pageSize = board.rows.count
            let bytes = Array(try APIJSON.encoder().encode(board))
            try save(bytes, as: "leaderboard.json")
            return bytes
        }
    }

    private func required(_ file: String, _ path: String) async throws -> [UInt8] {
        switch location {
        case .directory(let directory):
            guard let bytes = try Self.readIfPresent(directory + "/" + file) else {
                throw Failure(description: "\(directory)/\(file) is missing (download it with --download DIR)")
            }
            return bytes
        case .server:
            guard let bytes = try await fetch(path, allowMissing: false) else {
                throw Failure(description: "GET \(path) answered 404")
            }
            try save(bytes, as: file)
            return bytes
        }
    }

    private func optional(_ file: String, _ path: String, authorized: Bool = true) async throws -> [UInt8]? {
        switch location {
        case .directory(let directory):
            return try Self.readIfPresent(directory + "/" + file)
        case .server:
            guard let bytes = try await fetch(path, allowMissing: true, authorized: authorized) else { return nil }
            try save(bytes, as: file)
            return bytes
        }
    }

    /// GETs `path` from the server; `nil` for a 404 when `allowMissing`.
    private func fetch(_ path: String, allowMissing: Bool, authorized: Bool = true) async throws -> [UInt8]? {
        guard case .server(let origin, let token) = location else { return nil }
        let url = origin + path
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "User-Agent", value: "arena-cli/1")
        if authorized, let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        let response: HTTPClientResponse
        do {
            response = try await HTTPClients.shared.execute(request, timeout: .seconds(60))
        } catch {
            throw Failure(description: "cannot reach \(origin) (\(error))")
        }
        if response.status.code == 404, allowMissing { return nil }
        guard response.status.code == 200 else {
            let body = try? await response.body.collect(upTo: 1 << 16)
            let detail = body.flatMap {
                try? JSONDecoder().decode(APIErrorBody.self, from: Data($0.readableBytesView))
            }
            throw Failure(
                description: "GET \(url) answered \(response.status.code)"
                    + (detail.map { ": \($0.error.message)" } ?? "")
                    + (response.status.code == 403 ? "\n  → " + Self.notPublishedHint : ""))
        }
        let body = try await response.body.collect(upTo: 1 << 30)
        return Array(body.readableBytesView)
    }

    private func save(_ bytes: [UInt8], as file: String) throws {
        guard let saveTo else { return }
        let path = saveTo + "/" + file
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw Failure(description: "cannot write \(path): \(error)")
        }
    }

    /// The bytes of `path`, `nil` when it does not exist.
    static func readIfPresent(_ path: String) throws -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read \(path)")
        }
        return Array(data)
    }

    /// The bytes of `path`.
    static func read(_ path: String) throws -> [UInt8] {
        guard let bytes = try readIfPresent(path) else { throw Failure(description: "cannot read \(path)") }
        return bytes
    }
}
