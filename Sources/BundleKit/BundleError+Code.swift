extension BundleError {
    /// Machine-readable reasons a bundle is refused.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        /// The archive, a file, or the unpacked total is over a size limit.
        case tooLarge
        /// More regular files (or directory entries) than the limit.
        case tooManyFiles
        /// A path longer than ``BundleLimits/maxPathLength``.
        case pathTooLong
        /// A path nested deeper than ``BundleLimits/maxDepth``.
        case tooDeep
        /// A path with a `..` component.
        case pathTraversal
        /// An absolute path (`/x`, `C:x`).
        case absolutePath
        /// Any other unacceptable path: backslash, NUL, control characters, empty or `.` components, bad UTF-8.
        case invalidPath
        /// A symbolic or hard link.
        case link
        /// A device node, FIFO or socket.
        case deviceOrSpecial
        /// Decompression produced far more than the compressed input justifies, or more than the entry declared.
        case decompressionBomb
        /// The archive is corrupt, truncated, has trailing data or a checksum mismatch.
        case malformedArchive
        /// Not a gzip-tar, tar or zip archive, or a feature of one that is not supported (zip64, multi-disk, other compression methods, other tar entry types).
        case unsupportedFormat
        /// An encrypted zip entry.
        case encrypted
        /// No `strategy.yaml` at the root of the bundle.
        case missingManifest
        /// `strategy.yaml` is not valid (see message).
        case invalidManifest
        /// Two entries with the same path (compared case-insensitively), or a path that is both a file and a directory.
        case duplicatePath
        /// A filesystem operation failed (reading a directory, writing a bundle).
        case io
    }
}

extension BundleError.Code {
    /// The code as the API and the CLI show it: snake_case (`decompression_bomb`), like every
    /// other error code.
    public var wireName: String {
        rawValue.reduce(into: "") { result, character in
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
    }
}
