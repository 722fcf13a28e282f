/// How a bundle's strategy runs.
public enum StrategyRuntime: String, Hashable, Sendable, Codable, CaseIterable {
    /// Declarative rules in `strategy.yaml`, interpreted by StrategyKit.
    case rules
    /// A Python 3 program named by `entry`.
    case python
    /// A Linux executable named by `entry`.
    case exec
}
