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
    /// For `python`: the installed runtime whose packages the bot may import (e.g. `python-ml`);
    /// nil: the standard library and the SDK only.
    public var environment: RuntimeEnvironment?

    /// Creates a launch description.
    public init(
        slot: Int, label: String, runtime: Runtime, bundleDirectory: String, entry: String? = nil,
        environment: RuntimeEnvironment? = nil
    ) {
        self.slot = slot
        self.label = label
        self.runtime = runtime
        self.bundleDirectory = bundleDirectory
        self.entry = entry
        self.environment = environment
    }
}
