#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a local directory into a bundle with the same rules as an archive: regular files and
/// directories only (symlinks refused, never followed; devices, FIFOs and sockets refused),
/// path, count and size limits enforced while walking. Names in ``BundleArchive/ignoredNames``
/// are skipped. All access is relative to directory file descriptors (`openat`/`fstatat`).
struct DirectoryReader {
    let limits: BundleLimits

    func read(_ directory: String) throws(BundleError) -> Bundle {
        let root = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { throw POSIX.ioError("cannot open directory '\(directory)'", path: directory) }
        defer { close(root) }
        var builder = BundleBuilder(limits: limits)
        try walk(root, prefix: "", into: &builder)
        return try builder.finish()
    }

    private func walk(_ dir: Int32, prefix: String, into builder: inout BundleBuilder) throws(BundleError) {
        for rawName in try POSIX.list(dir, path: prefix.isEmpty ? "." : prefix) {
            guard let name = String(validating: rawName, as: UTF8.self) else {
                throw BundleError(
                    .invalidPath, "a file name in '\(prefix.isEmpty ? "." : prefix)' is not valid UTF-8; rename it",
                    path: prefix)
            }
            if BundleArchive.ignoredNames.contains(name) { continue }
            let path = prefix.isEmpty ? name : prefix + "/" + name
            switch POSIX.fileType(dir, name) {
            case S_IFDIR?:
                try builder.addDirectory(try PathRules.check(path + "/", limits: limits))
                let child = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else { throw POSIX.ioError("cannot open directory '\(path)'", path: path) }
                defer { close(child) }
                try walk(child, prefix: path, into: &builder)
            case S_IFREG?:
                let checked = try PathRules.check(path, limits: limits)
                try builder.checkFileCount()
                let (bytes, executable) = try readFile(dir, name, path: path, budget: builder.remainingBudget)
                try builder.addFile(checked, bytes: bytes, executable: executable)
            case S_IFLNK?:
                throw BundleError(
                    .link,
                    "'\(path)' is a symbolic link; bundles may only contain regular files — copy the target file in instead",
                    path: path)
            case nil:
                throw POSIX.ioError("cannot stat '\(path)'", path: path)
            default:
                throw BundleError(
                    .deviceOrSpecial, "'\(path)' is a device, FIFO or socket; remove it from the bundle directory",
                    path: path)
            }
        }
    }

    private func readFile(_ dir: Int32, _ name: String, path: String, budget: Int) throws(BundleError) -> (
        [UInt8], Bool
    ) {
        let fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw POSIX.ioError("cannot open '\(path)'", path: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw BundleError(
                .deviceOrSpecial, "'\(path)' changed into a non-regular file while reading; try again", path: path)
        }
        let tooLarge = BundleError(
            .tooLarge,
            "bundle directory holds more than \(BundleLimits.describe(bytes: limits.maxUnpackedBytes)) of files ('\(path)' crosses the limit); remove large files",
            path: path
        )
        if Int(info.st_size) > budget { throw tooLarge }
        let bytes = try POSIX.readAll(fd, limit: budget, path: path, tooLarge: tooLarge)
        return (bytes, info.st_mode & 0o111 != 0)
    }
}
