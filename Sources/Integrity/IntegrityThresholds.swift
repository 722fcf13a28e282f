import ContestModel

/// The detectors' thresholds as integers: amounts in money units (1e-8 USDT), ratios in parts
/// per million. Built from a contest's `integrity:` section (``init(_:)``); the report lists them.
public struct IntegrityThresholds: Sendable, Hashable {
    // PnL transfer (over the evaluation, per pair of teams).
    public var transferMinUnits: Int64
    public var transferMinFills: Int
    public var transferMinOneSidedPPM: Int64
    public var transferMinConcentrationPPM: Int64
    // Wash trading (per run, per pair of teams).
    public var washWindowTicks: Int
    public var washMinRoundTrips: Int
    public var washMinMatchedUnits: Int64
    public var washMinMatchedSharePPM: Int64
    // Copying (over the runs a pair shares).
    public var copyMinLag: Int
    public var copyMaxLag: Int
    public var copyMinCosinePPM: Int64
    public var copyMinFollowPPM: Int64
    public var copyMinChanges: Int
    // Spoofing (per team over its runs, against the field).
    public var spoofMinOrdersPerRun: Int
    public var spoofMinOrderToFillPPM: Int64
    public var spoofFieldMultiplePPM: Int64
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
