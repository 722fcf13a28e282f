import Glibc

/// The start-up check of a runner: fails closed. Call it before claiming any work.
public enum SandboxPreflight {
    /// Verifies that workers can run here with `configuration` exactly as configured: the helper
    /// is there, its probe passes for the isolation and for every limit in `limits` (the
    /// configuration's own when empty), and in sandboxed mode a team uid can be leased.
    /// Throws `SandboxError` naming everything that is missing; returns the probe's findings.
    @discardableResult
    public static func check(_ configuration: SandboxConfiguration, limits: [ResourceLimits] = []) throws(SandboxError)
        -> SandboxCapabilities
    {
        guard access(configuration.helperPath, X_OK) == 0 else {
            throw SandboxError(.helperMissing, "no executable helper at \(configuration.helperPath)")
        }
        if configuration.isolation == .sandboxed, geteuid() != 0 {
            throw SandboxError(.notRoot, "sandboxed isolation needs root")
        }
        let capabilities: SandboxCapabilities
        do {
            capabilities = try SandboxCapabilities.probe(helperPath: configuration.helperPath)
        } catch let error as SandboxError {
            throw error
        } catch {
            throw SandboxError(.probeFailed, "\(error)")
        }
        var missing: [String] = []
        for limit in limits.isEmpty ? [configuration.limits] : limits {
            for item in capabilities.missing(isolation: configuration.isolation, limits: limit)
            where !missing.contains(item) {
                missing.append(item)
            }
        }
        guard missing.isEmpty else {
            throw SandboxError(
                .isolationUnavailable,
                "\(configuration.isolation.rawValue) isolation cannot be enforced here; missing: "
                    + missing.joined(separator: ", "))
        }
        if configuration.isolation == .sandboxed {
            // Proves the lock directory is usable now rather than at the first heat.
            try TeamUIDPool(configuration: configuration).lease().close()
        }
        return capabilities
    }
}
