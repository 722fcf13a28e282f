import Hummingbird

extension RequestContext {
    /// The positive integer route parameter `name` (`400 invalid_parameter` otherwise).
    func idParameter(_ name: String) throws -> Int64 {
        guard let text = parameters.get(name), let value = Int64(text), value > 0 else {
            throw APIError.badRequest("invalid_parameter", "\(name) must be a positive integer")
        }
        return value
    }

    /// The `{contest}` route parameter.
    func contestParameter() throws -> String {
        guard let id = parameters.get("contest") else { throw APIError.notFound("contest") }
        return id
    }
}
