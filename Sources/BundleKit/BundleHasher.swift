import Crypto

/// Canonical encoding and hash of a file list.
///
/// Encoding (version 1): the ASCII bytes `"perparena-bundle-v1\n"`, then for each file in
/// path order: path length (UInt64 big-endian), path UTF-8 bytes, one byte `1` if executable
/// else `0`, content length (UInt64 big-endian), content bytes. Length prefixes make the
/// encoding unambiguous; archive format, timestamps, owners and entry order do not affect it.
public enum BundleHasher {
    /// Domain-separation prefix of the canonical encoding.
    public static let prefix = Array("perparena-bundle-v1\n".utf8)

    /// Lowercase hex SHA-256 of the canonical encoding of `files` (sorted here by path bytes).
    public static func sha256(of files: [BundleFile]) -> String {
        var hasher = SHA256()
        hasher.update(data: prefix)
        for file in files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            let path = Array(file.path.utf8)
            hasher.update(data: bigEndian(UInt64(path.count)))
            hasher.update(data: path)
            hasher.update(data: [file.executable ? 1 : 0])
            hasher.update(data: bigEndian(UInt64(file.bytes.count)))
            hasher.update(data: file.bytes)
        }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    private static func bigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64($0))) }
    }
}
