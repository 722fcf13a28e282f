#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Materialises a bundle into an existing, empty directory without ever following a link.
///
/// Every path is re-validated. Each file is reached by walking from the root directory fd with
/// `openat(O_DIRECTORY|O_NOFOLLOW)`; directories are made with `mkdirat` (0755) and files with
/// `openat(O_CREAT|O_EXCL|O_NOFOLLOW)` (0644, or 0755 if executable; modes are set with `fchmod`
/// so the umask does not matter). Anything already present at a target path — a pre-planted
/// symlink in particular — makes the write fail; nothing is written through it.
struct DirectoryWriter {
    /// Path rules for re-validation; sizes were enforced when the bundle was built.
    private let rules = BundleLimits(maxPathLength: 4096, maxDepth: 64)

    func write(_ bundle: Bundle, to directory: String) throws(BundleError) {
        let root = open(directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else { throw POSIX.ioError("cannot open destination '\(directory)'", path: directory) }
        defer { close(root) }
        var created: Set<String> = []
        for file in bundle.files {
            let checked = try PathRules.check(file.path, limits: rules)
            guard !checked.isDirectory, !checked.path.isEmpty else {
                throw BundleError(.invalidPath, "'\(file.path)' is not a file path", path: file.path)
            }
            let components = PathRules.components(checked.path).map(String.init)
            var dir = root
            var prefix = ""
            defer { if dir != root { close(dir) } }
            for component in components.dropLast() {
                prefix = prefix.isEmpty ? component : prefix + "/" + component
                let next = try enter(dir, component, path: prefix, created: &created)
                if dir != root { close(dir) }
                dir = next
            }
            try create(dir, components[components.count - 1], file: file)
        }
    }

    /// Creates (once) and opens a subdirectory, refusing anything that is not a directory we made.
    private func enter(_ dir: Int32, _ name: String, path: String, created: inout Set<String>) throws(BundleError)
        -> Int32
    {
        if !created.contains(path) {
            guard mkdirat(dir, name, 0o755) == 0 else {
                throw conflict(dir, name, path: path)
            }
            created.insert(path)
        }
        let child = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard child >= 0 else { throw conflict(dir, name, path: path) }
        _ = fchmod(child, 0o755)
        return child
    }

    private func create(_ dir: Int32, _ name: String, file: BundleFile) throws(BundleError) {
        let mode: mode_t = file.executable ? 0o755 : 0o644
        let fd = openat(dir, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw conflict(dir, name, path: file.path) }
        defer { close(fd) }
        guard fchmod(fd, mode) == 0 else { throw POSIX.ioError("cannot set mode of '\(file.path)'", path: file.path) }
        try POSIX.writeAll(fd, file.bytes, path: file.path)
    }

    /// Explains why creating or entering `name` failed.
    private func conflict(_ dir: Int32, _ name: String, path: String) -> BundleError {
        let reason = errno
        switch POSIX.fileType(dir, name) {
        case S_IFLNK?:
            return BundleError(
                .link, "destination already contains a symbolic link at '\(path)'; write into a fresh empty directory",
                path: path)
        case .some:
            return BundleError(
                .duplicatePath, "destination already contains '\(path)'; write into a fresh empty directory", path: path
            )
        case nil:
            errno = reason
            return POSIX.ioError("cannot create '\(path)'", path: path)
        }
    }
}
