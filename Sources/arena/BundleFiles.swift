import BundleKit
import Foundation

/// The files of a local bundle directory that `arena submit` uploads and `arena backtest` runs:
/// regular files not left out by ``ArenaIgnore``. Links, devices, FIFOs and sockets are refused
/// (unless ignored), as the server refuses them in archives.
struct BundleFiles {
    /// What was kept and what was left out (relative paths; directories end in `/`).
    var files: [BundleFile]
    var ignored: [String]

    /// Reads `directory` with `rules`, at most `limits.maxUnpackedBytes` in total.
    static func collect(_ directory: String, rules: ArenaIgnore, limits: BundleLimits) throws -> BundleFiles {
        var result = BundleFiles(files: [], ignored: [])
        var total = 0
        try walk(directory, prefix: "", rules: rules, limits: limits, total: &total, into: &result)
        result.ignored.sort()
        return result
    }

    private static func walk(
        _ root: String, prefix: String, rules: ArenaIgnore, limits: BundleLimits, total: inout Int,
        into result: inout BundleFiles
    ) throws {
        let directory = prefix.isEmpty ? root : root + "/" + prefix
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw CLIError.usage("cannot read the directory \(directory)", hint: "check its permissions")
        }
        for name in names {
            let path = prefix.isEmpty ? name : prefix + "/" + name
            let full = root + "/" + path
            var info = stat()
            guard lstat(full, &info) == 0 else {
                throw CLIError.usage("cannot read \(full)", hint: "check its permissions")
            }
            let type = info.st_mode & S_IFMT
            if rules.ignores(path, isDirectory: type == S_IFDIR) {
                result.ignored.append(type == S_IFDIR ? path + "/" : path)
                continue
            }
            switch type {
            case S_IFDIR:
                try walk(root, prefix: path, rules: rules, limits: limits, total: &total, into: &result)
            case S_IFREG:
                guard result.files.count < limits.maxFiles else {
                    throw refusal(
                        "bundle_too_many_files", "the bundle has more than \(limits.maxFiles) files", path: path)
                }
                total += Int(info.st_size)
                guard total <= limits.maxUnpackedBytes else {
                    throw refusal(
                        "bundle_too_large",
                        "the bundle's files add up to more than \(limits.maxUnpackedBytes >> 20) MiB ('\(path)' crosses the limit)",
                        path: path)
                }
                guard let data = FileManager.default.contents(atPath: full) else {
                    throw CLIError.usage("cannot read \(full)", hint: "check its permissions")
                }
                result.files.append(BundleFile(path: path, bytes: Array(data), executable: info.st_mode & 0o111 != 0))
            case S_IFLNK:
                throw refusal(
                    "bundle_link", "'\(path)' is a symbolic link; bundles hold only regular files (copy the target in)",
                    path: path)
            default:
                throw refusal("bundle_device_or_special", "'\(path)' is a device, FIFO or socket", path: path)
            }
        }
    }

    private static func refusal(_ code: String, _ message: String, path: String) -> CLIError {
        CLIError(
            code, message, hint: "remove it, or leave it out by adding `\(path)` to \(ArenaIgnore.fileName)",
            exitCode: ExitCodes.failed)
    }
}
