import Foundation

/// Where the running executable is, with symbolic links resolved, also when it was started
/// through `PATH` or a symlink.
public enum ExecutableLocation {
    /// The executable's real path (`/proc/self/exe` on Linux), or `nil` when it cannot be told.
    public static var path: String? {
        let raw =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments.first
        guard let raw, !raw.isEmpty else { return nil }
        return URL(fileURLWithPath: raw).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// The directory holding the executable (the current directory when it cannot be told).
    public static var directory: String {
        guard let path else { return FileManager.default.currentDirectoryPath }
        return URL(fileURLWithPath: path).deletingLastPathComponent().path
    }
}
