public import MarketModel

extension DepthSettings {
    /// The deep book: these settings over `DepthProfile.standard`; `nil` for `levels: 0`.
    public func profile() -> DepthProfile? {
        var profile = DepthProfile.standard
        if let value = levels { profile.levels = value }
        if let value = firstLevelBps { profile.firstLevelBps = value }
        if let value = spacingBps { profile.spacingBps = value }
        if let value = lotsPerLevel { profile.lotsPerLevel = value }
        if let text = decay, let value = Rate(decimal: text) { profile.decay = value }
        if let value = refillTicks { profile.refillTicks = value }
        return profile.levels > 0 ? profile : nil
    }
}
