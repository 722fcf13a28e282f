#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin helpers over the POSIX calls used to read and write bundle directories.
enum POSIX {
    static var errorText: String { String(cString: strerror(errno)) }

    static func ioError(_ what: String, path: String?) -> BundleError {
        BundleError(.io, "\(what): \(errorText)", path: path)
    }

    /// `fstatat(dir, name, AT_SYMLINK_NOFOLLOW)` file type bits, or nil if it does not exist.
    static func fileType(_ dir: Int32, _ name: String) -> mode_t? {
        var info = stat()
        guard fstatat(dir, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// Reads all of `fd`, failing with `tooLarge` once more than `limit` bytes arrive.
    static func readAll(_ fd: Int32, limit: Int, path: String, tooLarge: BundleError) throws(BundleError) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ioError("cannot read '\(path)'", path: path)
            }
            if count == 0 { return result }
            if count > limit - result.count { throw tooLarge }
            result.append(contentsOf: chunk[0..<count])
        }
    }

    /// Writes all of `bytes` to `fd`.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(BundleError) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ioError("cannot write '\(path)'", path: path)
            }
            offset += count
        }
    }

    /// Lists a directory's raw entry names (without `.` and `..`), sorted bytewise.
    static func list(_ dir: Int32, path: String) throws(BundleError) -> [[UInt8]] {
        let copy = dup(dir)
        guard copy >= 0, let handle = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            throw ioError("cannot list '\(path)'", path: path)
        }
        defer { closedir(handle) }
        var names: [[UInt8]] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name != [UInt8(ascii: ".")], name != [UInt8(ascii: "."), UInt8(ascii: ".")] { names.append(name) }
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }
}
