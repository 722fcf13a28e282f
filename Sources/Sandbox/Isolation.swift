/// How strongly workers are isolated.
public enum Isolation: String, Sendable, Hashable, Codable {
    /// Namespaces, cgroups, read-only root, team uid, seccomp, rlimits. Needs root.
    case sandboxed
    /// Only rlimits, seccomp, a clean environment and closed descriptors: for development
    /// machines without root. Never chosen silently: callers must ask for it explicitly, and
    /// it is no security boundary.
    case plainProcess
}
