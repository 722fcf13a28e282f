/// A constant numeric setting (under `risk:`), with its location.
struct NumberSetting: Hashable, Sendable {
    var value: Double
    var location: SourceLocation
    var text: String
}
