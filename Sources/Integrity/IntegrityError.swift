/// Why an integrity report could not be computed from the given transcripts.
public struct IntegrityError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Stable codes.
    public enum Code: String, Sendable {
        /// A transcript does not decode (structure, digest or hash chain).
        case transcript = "integrity_transcript"
        /// A transcript's embedded market configuration does not decode.
        case configuration = "integrity_configuration"
        /// The transcripts do not belong to the contest, or one run appears twice.
        case mismatch = "integrity_mismatch"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
