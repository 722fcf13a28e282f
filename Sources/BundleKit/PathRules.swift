/// Validation and normalisation of entry paths, shared by every reader and by ``BundleArchive/write(_:to:)``.
///
/// Accepted: relative UTF-8 paths with `/` separators. A leading `./` (as written by
/// `tar -C dir -czf x .`) is stripped, and a trailing `/` marks a directory.
/// Refused: `..` components, absolute or drive-letter paths, backslashes, NUL and other
/// control characters, empty or `.` components, and paths over the length or depth limits.
enum PathRules {
    /// A validated path.
    struct Checked: Equatable {
        /// Normalised path, without leading `./` or trailing `/`. Empty for the archive root itself.
        var path: String
        /// Whether the raw name ended in `/`.
        var isDirectory: Bool
    }

    /// Validates a raw archive name.
    static func check(raw: [UInt8], limits: BundleLimits) throws(BundleError) -> Checked {
        guard let text = String(validating: raw, as: UTF8.self) else {
            let shown = String(decoding: raw, as: UTF8.self)
            throw BundleError(
                .invalidPath, "entry name '\(shown)' is not valid UTF-8; rename the file using plain characters",
                path: shown)
        }
        return try check(text, limits: limits)
    }

    /// Validates a path string.
    static func check(_ raw: String, limits: BundleLimits) throws(BundleError) -> Checked {
        var bytes = Array(raw.utf8)
        for byte in bytes {
            if byte == 0 {
                throw BundleError(.invalidPath, "entry name contains a NUL byte; rename the file", path: raw)
            }
            if byte == UInt8(ascii: "\\") {
                throw BundleError(
                    .invalidPath,
                    "'\(raw)' contains a backslash; use '/' as the path separator and avoid '\\' in file names",
                    path: raw)
            }
            if byte < 0x20 || byte == 0x7F {
                throw BundleError(
                    .invalidPath, "'\(printable(raw))' contains a control character; rename the file", path: raw)
            }
        }
        if bytes.first == UInt8(ascii: "/") {
            throw BundleError(
                .absolutePath, "'\(raw)' is an absolute path; archive paths must be relative to the bundle root",
                path: raw)
        }
        if bytes.count >= 2, bytes[1] == UInt8(ascii: ":"), isLetter(bytes[0]) {
            throw BundleError(
                .absolutePath,
                "'\(raw)' looks like a drive-letter path; archive paths must be relative to the bundle root", path: raw)
        }
        while bytes.count >= 2, bytes[0] == UInt8(ascii: "."), bytes[1] == UInt8(ascii: "/") {
            bytes.removeFirst(2)
        }
        var isDirectory = false
        if bytes.last == UInt8(ascii: "/") {
            isDirectory = true
            bytes.removeLast()
        }
        if bytes.isEmpty || bytes == [UInt8(ascii: ".")] {
            return Checked(path: "", isDirectory: true)
        }
        let components = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for component in components {
            if component.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                throw BundleError(
                    .pathTraversal, "'\(raw)' contains a '..' component; archive paths must stay inside the bundle",
                    path: raw)
            }
        }
        if components.contains(where: { $0.isEmpty || $0.elementsEqual([UInt8(ascii: ".")]) }) {
            throw BundleError(
                .invalidPath,
                "'\(raw)' has an empty or '.' path component; use plain relative paths like 'lib/util.py'", path: raw)
        }
        if bytes.count > limits.maxPathLength {
            throw BundleError(
                .pathTooLong, "'\(raw)' is longer than \(limits.maxPathLength) bytes; shorten the path", path: raw)
        }
        if components.count > limits.maxDepth {
            throw BundleError(
                .tooDeep,
                "'\(raw)' is nested \(components.count) levels deep, more than \(limits.maxDepth); flatten the directory layout",
                path: raw)
        }
        return Checked(path: String(decoding: bytes, as: UTF8.self), isDirectory: isDirectory)
    }

    /// The components of an already checked path.
    static func components(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: false)
    }

    /// Key used for duplicate detection: case-insensitive, so a bundle materialises the same way on
    /// case-insensitive filesystems.
    static func collisionKey(_ path: String) -> String {
        path.lowercased()
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func printable(_ raw: String) -> String {
        String(raw.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
    }
}
