import APIModels
import Foundation
import Hummingbird

extension Request {
    /// Decodes a small JSON body (at most the context's upload size) into `type`.
    func decodeJSON<T: Decodable>(_ type: T.Type, context: some RequestContext) async throws -> T {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        do {
            return try APIJSON.decoder().decode(T.self, from: Data(buffer: buffer))
        } catch {
            throw APIError.badRequest(
                "invalid_json", "the request body is not the JSON this route expects: \(Self.describe(error))")
        }
    }

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
