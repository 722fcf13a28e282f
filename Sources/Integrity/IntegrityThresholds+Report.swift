import AuditLog
import MarketModel

extension IntegrityThresholds {
    /// The thresholds a report was computed with, read back from its canonical JSON: what `arena
    /// verify` recomputes the report with (and compares with the published contest definition's
    /// `integritySettings`).
    public init(report bytes: [UInt8]) throws(IntegrityError) {
        let document: CanonicalJSON
        do {
            document = try CanonicalJSON.parseCanonical(bytes, what: "integrity report")
        } catch {
            throw IntegrityError(.mismatch, error.message)
        }
        guard case .object(let fields) = document, case .object(let t)? = fields["thresholds"],
            case .object(let transfer)? = t["transfer"], case .object(let wash)? = t["wash"],
            case .object(let copying)? = t["copying"], case .object(let spoofing)? = t["spoofing"]
        else { throw IntegrityError(.mismatch, "the report has no thresholds") }
        func integer(_ object: [String: CanonicalJSON], _ key: String) throws(IntegrityError) -> Int64 {
            guard case .integer(let value)? = object[key] else {
                throw IntegrityError(.mismatch, "threshold \(key) is missing")
            }
            return value
        }
        func units(_ object: [String: CanonicalJSON], _ key: String) throws(IntegrityError) -> Int64 {
            guard case .string(let text)? = object[key], let value = IntegritySettingsText.units(text) else {
                throw IntegrityError(.mismatch, "threshold \(key) is missing")
            }
            return value
        }
        self.init()
        transferMinUnits = try units(transfer, "min_usdt")
        transferMinFills = Int(try integer(transfer, "min_fills"))
        transferMinOneSidedPPM = try integer(transfer, "min_one_sided_ppm")
        transferMinConcentrationPPM = try integer(transfer, "min_concentration_ppm")
        washWindowTicks = Int(try integer(wash, "window_ticks"))
        washMinRoundTrips = Int(try integer(wash, "min_round_trips"))
        washMinMatchedUnits = try units(wash, "min_matched_usdt")
        washMinMatchedSharePPM = try integer(wash, "min_matched_share_ppm")
        copyMinLag = Int(try integer(copying, "min_lag_ticks"))
        copyMaxLag = Int(try integer(copying, "max_lag_ticks"))
        copyMinCosinePPM = try integer(copying, "min_cosine_ppm")
        copyMinFollowPPM = try integer(copying, "min_follow_ratio_ppm")
        copyMinChanges = Int(try integer(copying, "min_changes"))
        spoofMinOrdersPerRun = Int(try integer(spoofing, "min_orders_per_run"))
        spoofMinOrderToFillPPM = try integer(spoofing, "min_order_to_fill_ppm")
        spoofFieldMultiplePPM = try integer(spoofing, "field_multiple_ppm")
        spoofMinCancelRatePPM = try integer(spoofing, "min_cancel_rate_ppm")
    }
}

/// Parsing of the report's fixed-format amounts.
enum IntegritySettingsText {
    /// Money units of an amount with exactly eight decimals, as the report writes them.
    static func units(_ text: String) -> Int64? {
        guard let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) == 9 else { return nil }
        return FixedPoint.parse(text, scale: 8)
    }
}
