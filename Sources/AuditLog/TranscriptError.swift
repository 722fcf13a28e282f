/// A transcript, attestation or key file that cannot be read or written.
public struct TranscriptError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable machine-readable error codes.
    public enum Code: String, Sendable, Hashable, Codable {
        /// The data ends before a value or frame is complete.
        case truncated
        /// The data is not in the canonical form (bad tag, over-long varint, trailing bytes ...).
        case malformed
        /// The file does not start with the transcript magic or has an unknown format version.
        case unsupportedFormat = "unsupported_format"
        /// The compressed body does not decompress.
        case corruptCompression = "corrupt_compression"
        /// The configuration embedded in the header cannot be decoded or encoded.
        case configuration
        /// A key file or key directory problem.
        case keyStore = "key_store"
        /// An attestation or public-key document that cannot be parsed.
        case attestation
        /// A hash chain link, root or file digest does not match.
        case integrity
        /// Reading or writing a file failed.
        case io
    }

    /// What went wrong, as a stable code.
    public var code: Code
    /// Human-readable detail.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
