/// A resource directory or file that could not be found, with a stable code and every place
/// that was tried.
public struct ResourceLocatorError: Error, CustomStringConvertible, Sendable {
    /// Stable machine-readable codes.
    public enum Code: String, Sendable {
        /// No place in the search order holds the resource.
        case notFound = "resource_not_found"
        /// A flag or environment variable names a directory that does not exist.
        case explicitPathMissing = "resource_path_missing"
        /// The resource directory was found but lacks the requested file.
        case fileMissing = "resource_file_missing"
    }

    public var code: Code
    public var resource: ArenaResource
    public var message: String
    /// The places looked at, in order, each described for a person.
    public var tried: [String]

    public init(_ code: Code, resource: ArenaResource, _ message: String, tried: [String] = []) {
        self.code = code
        self.resource = resource
        self.message = message
        self.tried = tried
    }

    public var description: String {
        guard !tried.isEmpty else { return message }
        return message + "; tried, in order:\n" + tried.map { "  - \($0)" }.joined(separator: "\n")
    }
}
