import Yams

extension DocumentReader {
    /// Parses the expression in a scalar node, recording a located problem on failure.
    mutating func expression(_ node: Node, what: String) -> Expression? {
        guard let text = YAMLNodeAccess.scalarText(node), !YAMLNodeAccess.isNull(node) else {
            sink.error(
                .schema, at: YAMLNodeAccess.location(node), text: YAMLNodeAccess.describe(node),
                "\(what) must be an expression", expected: "an expression such as `sma(mark, 20) > mark`")
            return nil
        }
        return expression(text, origin: YAMLNodeAccess.origin(node))
    }

    mutating func expression(_ text: String, origin: ScalarOrigin) -> Expression? {
        do {
            return try ExpressionParser.parse(text, origin: origin)
        } catch {
            let opens = text.filter { $0 == "(" }.count
            let closes = text.filter { $0 == ")" }.count
            let cut =
                opens > closes
                ? "inside a {...} mapping a comma ends the value: quote the expression or use block style" : nil
            sink.error(
                error.code, at: origin.location(atOffset: error.offset), text: error.text, error.message,
                expected: error.expected, suggestion: error.suggestion ?? cut)
            return nil
        }
    }

    /// A mapping's entries with scalar keys; records a problem and returns `nil` for other shapes.
    mutating func entries(_ node: Node, section: String, expected: String) -> [(String, Node, Node)]? {
        if YAMLNodeAccess.isNull(node) { return [] }
        guard case .mapping(let mapping) = node else {
            sink.error(
                .schema, at: YAMLNodeAccess.location(node), text: YAMLNodeAccess.describe(node),
                "'\(section)' must be a mapping", expected: expected)
            return nil
        }
        var result: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard let name = YAMLNodeAccess.scalarText(key) else {
                sink.error(.schema, at: YAMLNodeAccess.location(key), text: "", "keys must be plain names")
                continue
            }
            result.append((name, key, value))
        }
        if result.count > Self.maxEntries {
            sink.error(
                .inputTooLarge, at: YAMLNodeAccess.location(node), text: section,
                "'\(section)' has \(result.count) entries; the limit is \(Self.maxEntries)")
            return nil
        }
        return result
    }

    mutating func checkIdentifier(_ name: String, at location: SourceLocation, section: String) -> Bool {
        var scalars = name.unicodeScalars.makeIterator()
        let isStart: (Unicode.Scalar) -> Bool = { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || $0 == "_" }
        let valid =
            name.unicodeScalars.count <= 48 && scalars.next().map(isStart) == true
            && name.unicodeScalars.allSatisfy { isStart($0) || ($0 >= "0" && $0 <= "9") }
        if !valid {
            sink.error(
                .schema, at: location, text: name, "'\(name)' is not a valid name in '\(section)'",
                expected: "letters, digits and _, starting with a letter (at most 48)")
        }
        return valid
    }

    mutating func readMarkets(_ node: Node) -> [MarketBinding] {
        var bindings: [MarketBinding] = []
        switch node {
        case .sequence(let sequence):
            for item in sequence {
                guard let symbol = YAMLNodeAccess.scalarText(item), !symbol.isEmpty else {
                    sink.error(
                        .schema, at: YAMLNodeAccess.location(item), text: YAMLNodeAccess.describe(item),
                        "each market must be an instrument symbol", expected: "a symbol such as BTC-PERP")
                    continue
                }
                bindings.append(
                    MarketBinding(
                        alias: Self.alias(for: symbol), symbol: symbol,
                        location: YAMLNodeAccess.location(item)))
            }
        case .mapping:
            for (alias, key, value) in entries(node, section: "markets", expected: "alias: SYMBOL") ?? [] {
                guard checkIdentifier(alias, at: YAMLNodeAccess.location(key), section: "markets") else { continue }
                guard let symbol = YAMLNodeAccess.scalarText(value), !symbol.isEmpty else {
                    sink.error(
                        .schema, at: YAMLNodeAccess.location(value), text: YAMLNodeAccess.describe(value),
                        "market '\(alias)' needs an instrument symbol", expected: "a symbol such as ETH-PERP")
                    continue
                }
                bindings.append(MarketBinding(alias: alias, symbol: symbol, location: YAMLNodeAccess.location(value)))
            }
        default:
            sink.error(
                .schema, at: YAMLNodeAccess.location(node), text: YAMLNodeAccess.describe(node),
                "'markets' must be a list of symbols or a mapping of alias to symbol",
                expected: "markets: [BTC-PERP, ETH-PERP]")
        }
        if bindings.isEmpty, YAMLNodeAccess.scalarText(node) == nil {
            sink.error(
                .schema, at: YAMLNodeAccess.location(node), text: "markets", "'markets' is empty",
                expected: "at least one instrument symbol")
        }
        if bindings.count > 16 {
            sink.error(
                .inputTooLarge, at: YAMLNodeAccess.location(node), text: "markets",
                "at most 16 markets are allowed")
        }
        return bindings
    }

    /// `BTC-PERP` → `btc`: the lowercased part before the first `-`, made a valid name.
    static func alias(for symbol: String) -> String {
        let base = symbol.split(separator: "-").first.map(String.init) ?? symbol
        var alias = String(
            base.lowercased().unicodeScalars.map { scalar -> Character in
                let ok = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
                return ok ? Character(scalar) : "_"
            })
        if alias.first.map({ $0 >= "0" && $0 <= "9" }) ?? true { alias = "m_" + alias }
        return alias
    }

    mutating func readParameters(_ node: Node) -> [ParameterDefinition] {
        var result: [ParameterDefinition] = []
        for (name, key, value) in entries(node, section: "params", expected: "name: number") ?? [] {
            let location = YAMLNodeAccess.location(key)
            guard checkIdentifier(name, at: location, section: "params") else { continue }
            let text = YAMLNodeAccess.scalarText(value) ?? ""
            if text == "true" || text == "false" {
                result.append(
                    ParameterDefinition(
                        name: name, location: location, value: text == "true" ? 1 : 0,
                        isBool: true))
            } else if let number = Lexer.number(text) {
                result.append(ParameterDefinition(name: name, location: location, value: number, isBool: false))
            } else {
                sink.error(
                    .invalidValue, at: YAMLNodeAccess.location(value),
                    text: text.isEmpty
                        ? YAMLNodeAccess.describe(value) : text,
                    "parameter '\(name)' must be a number or true/false",
                    expected: "a literal such as 20, 0.5 or true (use `let` for expressions)")
            }
        }
        return result
    }

    mutating func readNamedExpressions(_ node: Node, section: String) -> [NamedExpression] {
        var result: [NamedExpression] = []
        for (name, key, value) in entries(node, section: section, expected: "name: expression") ?? [] {
            let location = YAMLNodeAccess.location(key)
            guard checkIdentifier(name, at: location, section: section) else { continue }
            guard let expression = expression(value, what: "'\(section).\(name)'") else { continue }
            result.append(NamedExpression(name: name, location: location, expression: expression))
        }
        return result
    }

    mutating func readRisk(_ node: Node) -> RiskDefinition {
        var risk = RiskDefinition()
        for (name, key, value) in entries(node, section: "risk", expected: Self.riskKeys.joined(separator: ", ")) ?? []
        {
            let text = YAMLNodeAccess.scalarText(value) ?? ""
            guard let number = Lexer.number(text) else {
                if Self.riskKeys.contains(name) {
                    sink.error(
                        .invalidValue, at: YAMLNodeAccess.location(value), text: text,
                        "risk.\(name) must be a number", expected: "a positive number")
                } else {
                    sink.unknownName(
                        .schema, kind: "risk setting", name: name, at: YAMLNodeAccess.location(key),
                        candidates: Self.riskKeys, expected: Self.riskKeys.joined(separator: ", "))
                }
                continue
            }
            let setting = NumberSetting(value: number, location: YAMLNodeAccess.location(value), text: text)
            switch name {
            case "max_leverage": risk.maxLeverage = setting
            case "max_position_notional": risk.maxPositionNotional = setting
            case "stop_loss": risk.stopLoss = setting
            case "take_profit": risk.takeProfit = setting
            case "max_orders_per_tick": risk.maxOrdersPerTick = setting
            default:
                sink.unknownName(
                    .schema, kind: "risk setting", name: name, at: YAMLNodeAccess.location(key),
                    candidates: Self.riskKeys, expected: Self.riskKeys.joined(separator: ", "))
            }
        }
        return risk
    }
}
