import Foundation

/// The OpenAPI 3.1 description of the API, from `openapi.json` next to this file.
public enum OpenAPIDocument {
    /// The document's text.
    public static let json: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return #"{"openapi":"3.1.0","info":{"title":"PerpArena","version":"1"},"paths":{}}"# }
        return text
    }()
}
