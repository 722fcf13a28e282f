/// One worker to start: a team slot and its bundle.
public struct WorkerLaunch: Sendable, Hashable {
    /// Team slot in the heat, 0-based; selects the team uid (`uidBase + slot`).
    public var slot: Int
    /// Team label, for logs and reports.
    public var label: String
    public var runtime: Runtime
    /// Host directory of the team's unpacked bundle (mounted read-only at `/bot`).
    public var bundleDirectory: String
    /// Path of the program inside the bundle (`python`/`exec`), e.g. `bot.py`. Must be relative
    /// and free of `..`.
    public var entry: String?

    /// Creates a launch description.
    public init(slot: Int, label: String, runtime: Runtime, bundleDirectory: String, entry: String? = nil) {
        self.slot = slot
        self.label = label
        self.runtime = runtime
        self.bundleDirectory = bundleDirectory
        self.entry = entry
    }
}
