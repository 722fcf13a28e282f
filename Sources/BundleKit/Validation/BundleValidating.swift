public import ContestModel

/// Static validation of an uploaded bundle, done before it is queued or charged.
public protocol BundleValidating: Sendable {
    /// Unpacks and checks the archive against the contest's rules.
    func validate(archive: [UInt8], contest: ContestDefinition) -> BundleValidation
}

/// The outcome of validating a bundle.
public enum BundleValidation: Sendable, Equatable {
    /// Valid: the content hash (of the files, not the archive), runtime and a human report.
    case valid(sha256: String, runtime: String, report: String)
    /// Invalid: a stable code and a report that says what to fix.
    case invalid(code: String, report: String)
}
