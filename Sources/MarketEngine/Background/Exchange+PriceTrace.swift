package import MarketBackground
package import MarketModel

extension Exchange {
    /// Intermediate quantities (log return, variance, regime, draws) of the last price step of
    /// `instrument`, for the organiser-selectable price models; `nil` otherwise.
    package func priceStepTrace(_ instrument: InstrumentID) -> PriceStepTrace? {
        let i = Int(instrument.rawValue)
        guard i < instrumentCount else { return nil }
        return background.priceStepTrace(i)
    }
}
