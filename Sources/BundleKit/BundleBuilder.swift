/// Collects entries from any reader (tar, zip, directory walk, ``Bundle/init(files:limits:)``)
/// and enforces the limits that do not depend on the container format: file count, directory
/// count, total size, and duplicate or conflicting paths (case-insensitive).
struct BundleBuilder {
    let limits: BundleLimits
    private(set) var files: [BundleFile] = []
    private(set) var totalBytes = 0
    private var fileKeys: Set<String> = []
    private var directoryKeys: Set<String> = []
    private var directoryEntries = 0

    init(limits: BundleLimits) {
        self.limits = limits
    }

    /// Fails early if `count` more bytes would exceed the unpacked-size limit.
    func checkBudget(adding count: Int) throws(BundleError) {
        if count > limits.maxUnpackedBytes - totalBytes {
            throw BundleError(
                .tooLarge,
                "bundle unpacks to more than \(BundleLimits.describe(bytes: limits.maxUnpackedBytes)); remove large files"
            )
        }
    }

    /// Bytes still allowed before the unpacked-size limit is reached.
    var remainingBudget: Int { max(limits.maxUnpackedBytes - totalBytes, 0) }

    /// Fails early if one more file would exceed the file-count limit.
    func checkFileCount() throws(BundleError) {
        if files.count >= limits.maxFiles {
            throw BundleError(
                .tooManyFiles, "bundle has more than \(limits.maxFiles) files; remove files you do not need")
        }
    }

    /// Records an explicit directory entry.
    mutating func addDirectory(_ checked: PathRules.Checked) throws(BundleError) {
        guard !checked.path.isEmpty else { return }
        directoryEntries += 1
        if directoryEntries > limits.maxDirectoryEntries {
            throw BundleError(
                .tooManyFiles,
                "bundle has more than \(limits.maxDirectoryEntries) directory entries; flatten the layout"
            )
        }
        let key = PathRules.collisionKey(checked.path)
        if fileKeys.contains(key) {
            throw BundleError(
                .duplicatePath, "'\(checked.path)' is both a file and a directory; rename one of them",
                path: checked.path)
        }
        try addAncestors(of: checked.path, including: true)
    }

    /// Records a regular file.
    mutating func addFile(_ checked: PathRules.Checked, bytes: [UInt8], executable: Bool) throws(BundleError) {
        guard !checked.isDirectory, !checked.path.isEmpty else {
            throw BundleError(
                .malformedArchive,
                "a regular-file entry is named like a directory ('\(checked.path)/'); re-create the archive",
                path: checked.path)
        }
        try checkFileCount()
        try checkBudget(adding: bytes.count)
        let key = PathRules.collisionKey(checked.path)
        if fileKeys.contains(key) {
            throw BundleError(
                .duplicatePath,
                "'\(checked.path)' appears more than once (names are compared case-insensitively); keep one copy",
                path: checked.path)
        }
        if directoryKeys.contains(key) {
            throw BundleError(
                .duplicatePath, "'\(checked.path)' is both a file and a directory; rename one of them",
                path: checked.path)
        }
        try addAncestors(of: checked.path, including: false)
        fileKeys.insert(key)
        totalBytes += bytes.count
        files.append(BundleFile(path: checked.path, bytes: bytes, executable: executable))
    }

    /// Builds the bundle: sorts files, parses `strategy.yaml`, hashes.
    func finish() throws(BundleError) -> Bundle {
        try Bundle(validated: files, limits: limits)
    }

    private mutating func addAncestors(of path: String, including includeSelf: Bool) throws(BundleError) {
        let components = PathRules.components(path)
        let count = includeSelf ? components.count : components.count - 1
        guard count > 0 else { return }
        var prefix = ""
        for index in 0..<count {
            prefix = index == 0 ? String(components[index]) : prefix + "/" + components[index]
            let key = PathRules.collisionKey(prefix)
            if fileKeys.contains(key) {
                throw BundleError(
                    .duplicatePath, "'\(prefix)' is both a file and a directory; rename one of them", path: prefix)
            }
            directoryKeys.insert(key)
        }
    }
}
