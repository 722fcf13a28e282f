/// A compiled rule.
struct CompiledRule: Sendable {
    var name: String
    var condition: CodeRange?
    var actions: [CompiledAction]

    func cost(markets: Int) -> Int {
        2 + (condition?.cost ?? 0) + actions.reduce(0) { $0 + $1.cost(markets: markets) }
    }
}
