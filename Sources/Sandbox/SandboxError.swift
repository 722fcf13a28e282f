/// A configuration or environment problem detected before any worker runs.
public struct SandboxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable codes.
    public enum Code: String, Sendable, Hashable {
        case helperMissing = "helper_missing"
        case workerMissing = "worker_missing"
        case invalidLaunch = "invalid_launch"
        case duplicateSlot = "duplicate_slot"
        case notRoot = "not_root"
        case probeFailed = "probe_failed"
        /// Every team uid of the host-wide pool is leased (too many workers on this host).
        case uidPoolExhausted = "uid_pool_exhausted"
        /// The uid lock directory cannot be created or is not safe (not root's, writable by others).
        case uidPoolUnsafe = "uid_pool_unsafe"
        /// The machine cannot enforce the isolation or a limit that was asked for.
        case isolationUnavailable = "isolation_unavailable"
        /// A launch names a runtime that is not installed, or whose identity is not the one expected.
        case runtimeMissing = "runtime_missing"
        /// The host could not create what the group needs to watch its workers (e.g. no descriptor left).
        case resourcesExhausted = "resources_exhausted"
    }

    public var code: Code
    public var detail: String

    /// Creates an error.
    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code.rawValue): \(detail)" }
}
