import APIModels
import Foundation
public import HTTPTypes
public import Hummingbird

/// An API failure rendered as `{"error": {"code", "message"}}`. Messages are written for the
/// caller and never include SQL, file paths or other teams' data.
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, code: String, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = try APIJSON.encoder().encode(APIErrorBody(code: code, message: message))
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func unauthorized() -> APIError {
        APIError(
            .unauthorized, code: "unauthorized",
            "missing or invalid bearer token; register a team or run `arena login`",
            headers: [.wwwAuthenticate: "Bearer"])
    }

    static func forbidden(_ message: String = "this token may not do that") -> APIError {
        APIError(.forbidden, code: "forbidden", message)
    }

    static func notFound(_ what: String) -> APIError { APIError(.notFound, code: "not_found", "\(what) not found") }

    static func badRequest(_ code: String, _ message: String) -> APIError { APIError(.badRequest, code: code, message) }
}
