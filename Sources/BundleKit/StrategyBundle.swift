/// Unambiguous name for ``Bundle`` in files that also import Foundation (whose `Bundle` clashes).
public typealias StrategyBundle = Bundle
