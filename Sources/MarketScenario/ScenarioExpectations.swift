/// Evaluates `expect` entries against output lines.
enum ScenarioExpectations {
    static func evaluate(_ expectation: ScenarioExpectation, lines: [JSONValue]) -> ExpectationResult {
        let matching = lines.filter { line in
            expectation.where.allSatisfy { key, value in line[key]?.text == value }
        }
        let selector = expectation.where.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
            separator: ",")
        if let count = expectation.count {
            return ExpectationResult(
                ok: matching.count == count, detail: "count(\(selector)) = \(matching.count), expected \(count)")
        }
        let nth = expectation.nth ?? 0
        let index = nth < 0 ? matching.count + nth : nth
        let line = index >= 0 && index < matching.count ? matching[index] : nil
        let value = line?[expectation.field]
        let label = "[\(selector)]#\(nth).\(expectation.field)"
        if expectation.absent == true {
            let missing = value == nil || value == .null
            return ExpectationResult(ok: missing, detail: "\(label) = \(value?.text ?? "absent"), expected absent")
        }
        guard let value else {
            return ExpectationResult(ok: false, detail: "\(label) missing, expected \(expectation.equals ?? "?")")
        }
        if let tolerance = expectation.tolerance.flatMap(Double.init), let actual = Double(value.text),
            let expected = Double(expectation.equals ?? "")
        {
            let ok = abs(actual - expected) <= tolerance
            return ExpectationResult(
                ok: ok, detail: "\(label) = \(value.text), expected \(expectation.equals ?? "") ± \(tolerance)")
        }
        let ok = value.text == (expectation.equals ?? "")
        return ExpectationResult(ok: ok, detail: "\(label) = \(value.text), expected \(expectation.equals ?? "")")
    }
}
