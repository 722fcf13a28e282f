import MarketModel

/// Runtime state of one depth provider (the deep book of one instrument).
struct DepthProviderState: Sendable {
    let instrument: Int
    let account: Int
    let profile: DepthProfile
    /// Tick distances of the first level and between levels (from the start price).
    let firstTicks: Int64
    let spacingTicks: Int64
    /// Level sizes, nearest first.
    let sizes: [Int64]
    var quotes: [Quote] = []
}
