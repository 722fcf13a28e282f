public import ContestModel
public import MarketEngine

/// Turns a contest's market settings into the engine's configuration.
public enum MarketConfigurationFactory {
    /// The engine configuration of `definition` (validated definitions only); the mapping of
    /// every market field lives in ContestModel (`MarketSettings.configuration()`).
    public static func make(_ definition: ContestDefinition) -> MarketConfiguration {
        definition.market.configuration()
    }
}
