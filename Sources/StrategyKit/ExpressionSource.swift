/// The text of one expression as Unicode scalars, shared by all its sub-expressions so that their
/// source text is only materialised when a diagnostic or a key needs it.
final class ExpressionSource: Hashable, Sendable {
    let scalars: [Unicode.Scalar]

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    static let empty = ExpressionSource([])

    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        let clamped = range.clamped(to: 0..<scalars.count)
        view.append(contentsOf: scalars[clamped])
        return String(view)
    }

    static func == (lhs: ExpressionSource, rhs: ExpressionSource) -> Bool { lhs === rhs }
    func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
