import APIModels
import Foundation
import Hummingbird
import NIOCore
import NIOFoundationEssentialsCompat

extension Request {
    /// Decodes a small JSON body (at most the context's upload size, within
    /// `jsonBodyTimeout`) into `type`.
    func decodeJSON<T: Decodable>(_ type: T.Type, context: some RequestContext) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await readBody(upTo: context.maxUploadSize, timeout: Self.jsonBodyTimeout)
        } catch BodyReadError.tooLarge {
            throw APIError(
                .contentTooLarge, code: "payload_too_large",
                "request bodies may be at most \(context.maxUploadSize) bytes")
        } catch BodyReadError.timedOut {
            throw APIError.bodyTimeout(Self.jsonBodyTimeout)
        }
        do {
            return try APIJSON.decoder().decode(T.self, from: Data(buffer: buffer))
        } catch {
            throw APIError.badRequest(
                "invalid_json", "the request body is not the JSON this route expects: \(Self.describe(error))")
        }
    }

    /// Deadline for a small JSON body (a slow client cannot hold a handler longer).
    static let jsonBodyTimeout: Duration = .seconds(30)

    private static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "malformed JSON" }
        switch decoding {
        case .keyNotFound(let key, _): return "missing field \(key.stringValue)"
        case .typeMismatch(_, let c), .valueNotFound(_, let c):
            return "wrong type at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "malformed JSON"
        }
    }
}
