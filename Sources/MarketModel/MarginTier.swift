/// One bracket of a tiered maintenance-margin table (Binance style).
///
/// A position whose notional is at most `notionalCap` (and above the previous tier's cap) uses
/// `maintenanceRate` and `maintenanceAmount`: MM = notional × MMR − cum.
public struct MarginTier: Hashable, Sendable, Codable {
    /// Upper bound of the bracket's notional, inclusive.
    public var notionalCap: Money
    /// Highest leverage allowed in this bracket.
    public var maxLeverage: Int64
    /// Maintenance margin rate (MMR).
    public var maintenanceRate: Rate
    /// Maintenance amount ("cum"), making MM continuous across brackets.
    public var maintenanceAmount: Money

    public init(notionalCap: Money, maxLeverage: Int64, maintenanceRate: Rate, maintenanceAmount: Money) {
        self.notionalCap = notionalCap
        self.maxLeverage = maxLeverage
        self.maintenanceRate = maintenanceRate
        self.maintenanceAmount = maintenanceAmount
    }
}
