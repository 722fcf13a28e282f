import APIServer
import Foundation

extension APIServerConfiguration {
    /// Reads the abuse controls from the environment (Deployment/CONFIGURATION.md): failed
    /// authentications, rate-limit memory, trusted proxies, stream caps, body and idle timeouts,
    /// the validation executor and upload reservations. Unset or malformed values keep defaults;
    /// a malformed trusted-proxy entry stops the server (a typo there would silently trust
    /// nobody or, worse, the wrong network).
    mutating func applyAbuseControls(_ env: [String: String]) {
        func double(_ name: String) -> Double? { env[name].flatMap(Double.init) }
        func int(_ name: String) -> Int? { env[name].flatMap(Int.init) }
        if let v = double("ARENA_AUTH_FAILURE_RATE") { authFailureRate = v }
        if let v = double("ARENA_AUTH_FAILURE_BURST") { authFailureBurst = v }
        if let v = int("ARENA_RATE_LIMIT_KEYS"), v > 0 { rateLimitKeys = v }
        if let list = env["ARENA_TRUSTED_PROXIES"], !list.isEmpty {
            trustedProxies = list.split(separator: ",").map { entry in
                guard let network = IPNetwork(String(entry).trimmingCharacters(in: .whitespaces)) else {
                    FileHandle.standardError.write(
                        Data("ARENA_TRUSTED_PROXIES: '\(entry)' is not an address or CIDR network\n".utf8))
                    exit(64)
                }
                return network
            }
        }
        if let v = int("ARENA_STREAMS_PER_IP"), v > 0 { maxStreamsPerAddress = v }
        if let v = int("ARENA_STREAMS_MAX"), v > 0 { maxStreams = v }
        if let v = int("ARENA_BODY_TIMEOUT_SECONDS"), v > 0 { bodyTimeout = .seconds(v) }
        if let v = int("ARENA_IDLE_TIMEOUT_SECONDS"), v > 0 { idleTimeout = .seconds(v) }
        if let v = int("ARENA_VALIDATION_THREADS"), v > 0 { validationThreads = v }
        if let v = int("ARENA_VALIDATION_QUEUE"), v >= 0 { validationQueue = v }
        if let v = int("ARENA_UPLOAD_RESERVATION_SECONDS"), v > 0 { uploadReservationSeconds = v }
    }
}
