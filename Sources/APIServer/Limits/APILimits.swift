/// The API's shared limiters, built once per `ArenaAPI` from its configuration, so every router
/// it builds (and every request) shares the same budgets.
struct APILimits: Sendable {
    /// Every request, by client address (first).
    let perAddress: RateLimiter
    /// Authenticated requests, by team or organizer.
    let perIdentity: RateLimiter
    /// Failed authentications, by client address.
    let authFailures: RateLimiter
    /// Tokens that authenticated (or were issued) recently.
    let verifiedTokens: VerifiedTokens
    /// Leaderboard streams.
    let streams: StreamLimiter
    /// Bundle validation.
    let validation: ValidationExecutor
    let resolver: ClientAddressResolver

    init(_ c: APIServerConfiguration) {
        perAddress = RateLimiter(ratePerSecond: c.addressRate, burst: c.addressBurst, capacity: c.rateLimitKeys)
        perIdentity = RateLimiter(ratePerSecond: c.tokenRate, burst: c.tokenBurst, capacity: c.rateLimitKeys)
        authFailures = RateLimiter(
            ratePerSecond: c.authFailureRate, burst: c.authFailureBurst, capacity: c.rateLimitKeys)
        verifiedTokens = VerifiedTokens(capacity: c.rateLimitKeys)
        streams = StreamLimiter(perAddress: c.maxStreamsPerAddress, total: c.maxStreams)
        validation = ValidationExecutor(threads: c.validationThreads, queueLimit: c.validationQueue)
        resolver = ClientAddressResolver(trustedProxies: c.trustedProxies)
    }
}
