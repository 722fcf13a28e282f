/// How a bundle's strategy runs.
public enum StrategyRuntime: String, Hashable, Sendable, Codable, CaseIterable {
    /// Declarative rules in `strategy.yaml`, interpreted by StrategyKit.
    case rules
    /// A Python 3 program named by `entry`.
    case python
    /// A Linux executable named by `entry`.
    case exec
}

extension StrategyRuntime {
    /// `python-ml` and other installed Python runtimes (`python-` and lowercase letters, digits,
    /// dashes): Python bots with the packages of a runtime built from a lock file.
    public static func isPythonEnvironment(_ name: String) -> Bool {
        name.hasPrefix("python-") && name.count > 7 && name.count <= 40
            && name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }
}
