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
