/// A name written in the document (a market alias, a state variable), with its location.
struct NameReference: Hashable, Sendable {
    var name: String
    var location: SourceLocation
}
