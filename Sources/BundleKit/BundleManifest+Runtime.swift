extension BundleManifest {
    /// How a strategy is executed by the worker.
    public enum Runtime: String, Sendable, Equatable, CaseIterable {
        /// Declarative rules in `strategy.yaml`, interpreted by the platform.
        case rules
        /// A Python program (`entry`) speaking the bot protocol.
        case python
        /// A native executable (`entry`) speaking the bot protocol.
        case exec
    }
}
