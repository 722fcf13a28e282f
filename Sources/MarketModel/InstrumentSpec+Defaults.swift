extension InstrumentSpec {
    /// BTC-PERP: tick 0.1, lot 0.001, min notional 5, ±5 % band, 50× max, maker 0.02 % / taker 0.05 %.
    public static let btcPerp = InstrumentSpec(
        symbol: "BTC-PERP",
        tickSize: Money(units: 10_000_000),
        lotsPerCoin: 1_000,
        minNotional: .usdt(5),
        priceBand: Rate(units: 5_000_000),
        maxLeverage: 50,
        marginTiers: [
            MarginTier(
                notionalCap: .usdt(50_000), maxLeverage: 50, maintenanceRate: Rate(units: 400_000),
                maintenanceAmount: .zero),
            MarginTier(
                notionalCap: .usdt(250_000), maxLeverage: 20, maintenanceRate: Rate(units: 500_000),
                maintenanceAmount: .usdt(50)),
            MarginTier(
                notionalCap: .usdt(1_000_000), maxLeverage: 10, maintenanceRate: Rate(units: 1_000_000),
                maintenanceAmount: .usdt(1_300)),
            MarginTier(
                notionalCap: .usdt(10_000_000), maxLeverage: 5, maintenanceRate: Rate(units: 2_500_000),
                maintenanceAmount: .usdt(16_300)),
        ],
        makerFee: Rate(units: 20_000),
        takerFee: Rate(units: 50_000),
        fundingIntervalTicks: 600,
        fundingInterest: Rate(units: 10_000),
        fundingClamp: Rate(units: 50_000),
        fundingCap: Rate(units: 300_000)
    )

    /// ETH-PERP: tick 0.01, lot 0.01, otherwise as BTC-PERP.
    public static let ethPerp: InstrumentSpec = {
        var spec = btcPerp
        spec.symbol = "ETH-PERP"
        spec.tickSize = Money(units: 1_000_000)
        spec.lotsPerCoin = 100
        return spec
    }()
}
