import APIModels
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A small client for the PerpArena HTTP API that turns every failure into a ``CLIError`` with
/// an exit code and a next step.
struct APIClient: Sendable {
    /// Where to connect and how to authenticate.
    struct Configuration: Sendable {
        var server: String
        var token: String?
        /// Where the token came from (`ARENA_TOKEN`, `profile NAME`), for messages.
        var tokenSource: String = "the profile"
        /// Who runs the command: hints are written for them.
        var audience: Audience = .team
        /// Seconds a request may take.
        var timeoutSeconds: Int64 = 60
    }

    /// A successful answer.
    struct Reply: Sendable {
        var status: Int
        var body: [UInt8]
        /// Response headers (names as sent).
        var headers: HTTPHeaders = [:]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let configuration: Configuration

    init(configuration: Configuration) { self.configuration = configuration }

    func get<T: Decodable>(_ path: String, as type: T.Type) async throws -> T {
        try decode(type, from: try await send("GET", path), path: path)
    }

    func post<T: Decodable, B: Encodable>(_ path: String, json body: B, as type: T.Type) async throws -> T {
        let bytes = Array(try APIJSON.encoder().encode(body))
        return try decode(
            type, from: try await send("POST", path, body: bytes, contentType: "application/json"), path: path)
    }

    func post<T: Decodable>(_ path: String, as type: T.Type) async throws -> T {
        try decode(type, from: try await send("POST", path, body: [], contentType: "application/json"), path: path)
    }

    /// Sends a request; answers outside 2xx become errors, except the statuses in `accept`.
    func send(
        _ method: String, _ path: String, body: [UInt8]? = nil, contentType: String? = nil,
        accept: Set<Int> = []
    ) async throws -> Reply {
        let url = configuration.server + path
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        request.headers.add(name: "User-Agent", value: "arena-cli/1")
        request.headers.add(name: "Accept", value: "application/json")
        if let token = configuration.token {
            if let problem = TokenFormat.problem(token) {
                throw CLIError(
                    "malformed_token", "the token from \(configuration.tokenSource) is malformed: \(problem)",
                    hint: configuration.tokenSource == "ARENA_TOKEN"
                        ? "set ARENA_TOKEN to the whole token (it starts with pa_team_ or pa_org_), or unset it to use your profile"
                        : "log in again with the token you were given: `arena login` reads it from standard input",
                    exitCode: ExitCodes.auth)
            }
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
        }
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(body) }
        let status: Int
        let bytes: [UInt8]
        let headers: HTTPHeaders
        do {
            let response = try await HTTPClients.shared.execute(
                request, timeout: .seconds(configuration.timeoutSeconds))
            status = Int(response.status.code)
            headers = response.headers
            bytes = Array(try await response.body.collect(upTo: 1 << 30).readableBytesView)
        } catch {
            throw CLIError(
                "unreachable", "cannot reach the server at \(configuration.server) (\(describe(error)))",
                hint: unreachableHint, exitCode: ExitCodes.unreachable)
        }
        if (200..<300).contains(status) || accept.contains(status) {
            return Reply(status: status, body: bytes, headers: headers)
        }
        throw Self.failure(status: status, body: bytes, method: method, path: path).redacting(configuration.token)
    }

    /// What to do when the server does not answer: organizers run it, teams can only check the
    /// address and wait.
    private var unreachableHint: String {
        switch configuration.audience {
        case .organizer:
            "start it with `arena-server serve` (or `arena-server demo`), or point --server / ARENA_SERVER at it"
        case .team:
            "check the address (--server, ARENA_SERVER or your profile); if it is right, the server may be restarting: try again in a minute, and ask the organizers if it stays down"
        }
    }

    func decode<T: Decodable>(_ type: T.Type, from reply: Reply, path: String) throws -> T {
        do {
            return try APIJSON.decoder().decode(type, from: Data(reply.body))
        } catch {
            throw CLIError(
                "unexpected_response", "the server's answer to \(path) is not what this CLI expects (\(error))",
                hint: "update the CLI to the server's version", exitCode: ExitCodes.server
            ).redacting(configuration.token)
        }
    }

    static func failure(status: Int, body: [UInt8], method: String, path: String) -> CLIError {
        let detail = try? APIJSON.decoder().decode(APIErrorBody.self, from: Data(body)).error
        let code = detail?.code ?? "http_\(status)"
        let message = detail?.message ?? "\(method) \(path) answered HTTP \(status)"
        switch status {
        case 401:
            return CLIError(
                code, message,
                hint: "your token was refused: run `arena login --token TOKEN`, or `arena register` for a new team",
                exitCode: ExitCodes.auth, httpStatus: status)
        case 403 where code == "forbidden":
            return CLIError(
                code, message, hint: "this needs another kind of token (organizer commands need a pa_org_ token)",
                exitCode: ExitCodes.auth, httpStatus: status)
        case 400..<500:
            return CLIError(code, message, hint: hint(for: code), exitCode: ExitCodes.refused, httpStatus: status)
        default:
            return CLIError(
                code, message, hint: "the server failed; try again, and tell the organizers if it persists",
                exitCode: ExitCodes.server, httpStatus: status)
        }
    }

    static func hint(for code: String) -> String? {
        switch code {
        case "not_found": "check the id: `arena status` lists your submissions and runs, `arena contests` the contests"
        case "not_published": "pass an organizer token, or wait until the organizers publish the results"
        case "registration_closed":
            "ask the organizers to open registration, or check the contest id with `arena contests`"
        case "invite_required": "pass the invite code from the organizers with --invite CODE"
        case "quota_exceeded", "too_many_in_flight": "wait, and follow your submissions with `arena status`"
        case "invalid_quota_exceeded": "fix the bundle with `arena check` before submitting again"
        case "not_activatable": "pick a submission that passed validation; `arena status` lists them"
        default: nil
        }
    }

    /// A short description of a transport error, without the token (some errors quote headers).
    private func describe(_ error: any Error) -> String {
        var text = "\(error)"
        if let token = configuration.token, !token.isEmpty {
            text = text.replacingOccurrences(of: token, with: "‹token›")
        }
        return text.count > 160 ? String(text.prefix(160)) + "…" : text
    }
}
