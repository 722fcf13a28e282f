public import ContestModel

/// The detectors' thresholds as integers: amounts in money units (1e-8 USDT), ratios in parts
/// per million. Built from a contest's `integrity:` section (``init(_:)``); the report lists them.
public struct IntegrityThresholds: Sendable, Hashable {
    /// PnL transfer (per pair, over the evaluation): least net value received, in money units.
    public var transferMinUnits: Int64
    /// PnL transfer: least fills between the two teams.
    public var transferMinFills: Int
    /// PnL transfer: least |net| / gross, ppm.
    public var transferMinOneSidedPPM: Int64
    /// PnL transfer: least share of the receiver's positive fill value from the giver, ppm.
    public var transferMinConcentrationPPM: Int64
    /// Wash trading (per pair, per run): ticks within which an opposite fill undoes one.
    public var washWindowTicks: Int
    /// Wash trading: least round trips in a run.
    public var washMinRoundTrips: Int
    /// Wash trading: least matched notional (both legs) in a run, money units.
    public var washMinMatchedUnits: Int64
    /// Wash trading: least matched / the pair's notional with each other, ppm.
    public var washMinMatchedSharePPM: Int64
    /// Copying (per pair, over the runs it shared): smallest lag searched, ticks.
    public var copyMinLag: Int
    /// Copying: largest lag searched, ticks.
    public var copyMaxLag: Int
    /// Copying: least cosine similarity at the best lag, ppm.
    public var copyMinCosinePPM: Int64
    /// Copying: least share of the follower's changes repeating a leader change, ppm.
    public var copyMinFollowPPM: Int64
    /// Copying: least position changes of each team.
    public var copyMinChanges: Int
    /// Spoofing (per team, over its runs): least orders placed per run.
    public var spoofMinOrdersPerRun: Int
    /// Spoofing: least orders placed / orders filled, ppm.
    public var spoofMinOrderToFillPPM: Int64
    /// Spoofing: least multiple of the field's median order-to-fill ratio, ppm.
    public var spoofFieldMultiplePPM: Int64
    /// Spoofing: least orders cancelled by the team / orders accepted, ppm.
    public var spoofMinCancelRatePPM: Int64

    /// The thresholds of a contest's settings (validated when the definition was decoded; a value
    /// that does not parse falls back to the default).
    public init(_ settings: IntegritySettings = IntegritySettings()) {
        let d = IntegritySettings()
        func units(_ text: String, _ fallback: String) -> Int64 {
            IntegritySettings.units(text) ?? IntegritySettings.units(fallback) ?? 0
        }
        func ppm(_ text: String, _ fallback: String) -> Int64 {
            IntegritySettings.ppm(text) ?? IntegritySettings.ppm(fallback) ?? 0
        }
        let t = settings.transfer
        transferMinUnits = units(t.minUSDT, d.transfer.minUSDT)
        transferMinFills = t.minFills
        transferMinOneSidedPPM = ppm(t.minOneSided, d.transfer.minOneSided)
        transferMinConcentrationPPM = ppm(t.minConcentration, d.transfer.minConcentration)
        let w = settings.wash
        washWindowTicks = w.windowTicks
        washMinRoundTrips = w.minRoundTrips
        washMinMatchedUnits = units(w.minMatchedUSDT, d.wash.minMatchedUSDT)
        washMinMatchedSharePPM = ppm(w.minMatchedShare, d.wash.minMatchedShare)
        let c = settings.copying
        copyMinLag = max(1, c.minLagTicks)
        copyMaxLag = max(copyMinLag, c.maxLagTicks)
        copyMinCosinePPM = ppm(c.minCosine, d.copying.minCosine)
        copyMinFollowPPM = ppm(c.minFollowRatio, d.copying.minFollowRatio)
        copyMinChanges = c.minChanges
        let s = settings.spoofing
        spoofMinOrdersPerRun = s.minOrdersPerRun
        spoofMinOrderToFillPPM = ppm(s.minOrderToFill, d.spoofing.minOrderToFill)
        spoofFieldMultiplePPM = ppm(s.fieldMultiple, d.spoofing.fieldMultiple)
        spoofMinCancelRatePPM = ppm(s.minCancelRate, d.spoofing.minCancelRate)
    }

    /// The defaults (docs/INTEGRITY.md).
    public static let defaults = IntegrityThresholds()
}
