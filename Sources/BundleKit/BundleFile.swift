/// One regular file of a bundle.
public struct BundleFile: Sendable, Equatable {
    /// Relative path with `/` separators, e.g. `strategy.yaml` or `lib/util.py`.
    /// Never absolute, never containing `..`, `.`, empty components, backslashes or NUL.
    public var path: String
    /// File contents.
    public var bytes: [UInt8]
    /// Whether the file is executable (any `x` bit in the source mode). Materialised as 0755, else 0644.
    public var executable: Bool

    /// Creates a file entry. Paths are validated when the entry is put into a ``Bundle``.
    public init(path: String, bytes: [UInt8], executable: Bool = false) {
        self.path = path
        self.bytes = bytes
        self.executable = executable
    }
}
