import APIModels
import Foundation
import HTTPTypes
import Testing

/// The API's one error shape: `{"error": {"code", "message"}}` as JSON, nothing else.
enum ErrorShape {
    static func expect(_ reply: RouterClient.Reply, _ label: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        #expect(
            reply.headers[.contentType] == "application/json; charset=utf-8", "\(label): JSON content type",
            sourceLocation: sourceLocation)
        let object = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any]
        let error = object?["error"] as? [String: Any]
        #expect(object?.keys.sorted() == ["error"], "\(label): one top-level key", sourceLocation: sourceLocation)
        #expect(
            error?.keys.sorted() == ["code", "message"], "\(label): code and message", sourceLocation: sourceLocation)
        #expect(
            (error?["code"] as? String)?.isEmpty == false && (error?["message"] as? String)?.isEmpty == false,
            "\(label): a code and a message", sourceLocation: sourceLocation)
        let decoded = try? APIJSON.decoder().decode(APIErrorBody.self, from: reply.body)
        #expect(decoded != nil, "\(label): decodes as APIErrorBody", sourceLocation: sourceLocation)
        #expect(!reply.text.contains("SELECT") && !reply.text.contains("/tmp/"), sourceLocation: sourceLocation)
    }

    /// The error code of a reply in the one shape.
    static func code(_ reply: RouterClient.Reply) throws -> String {
        try APIJSON.decoder().decode(APIErrorBody.self, from: reply.body).error.code
    }
}
