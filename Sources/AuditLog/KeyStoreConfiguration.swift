/// Where and how the attestation ``KeyStore`` keeps its keys.
public struct KeyStoreConfiguration: Sendable, Hashable {
    /// Directory of the key files; created with mode 0700 when missing.
    public var directory: String

    /// Creates a configuration.
    public init(directory: String) { self.directory = directory }
}
