import MarketModel
import Yams

extension DocumentReader {
    /// Reads `buy: 0.01` or `buy: {size: 0.01, price: ..., post_only: true, ...}`.
    mutating func readOrderOptions(_ node: Node, keyword: String) -> OrderOptions? {
        guard case .mapping = node else {
            return expression(node, what: "'\(keyword)'").map { OrderOptions(size: $0) }
        }
        let location = YAMLNodeAccess.location(node)
        var size: Expression?
        var options = OrderOptions(size: Expression(node: .number(0), location: location))
        let allowed = keyword == "target_position" ? Self.orderKeys.filter { $0 != "reduce_only" } : Self.orderKeys
        for (key, keyNode, value) in entries(node, section: keyword, expected: allowed.joined(separator: ", ")) ?? [] {
            switch key {
            case "size" where allowed.contains(key): size = expression(value, what: "'size'")
            case "market": options.market = marketReference(value)
            case "price": options.price = expression(value, what: "'price'")
            case "offset": options.offset = expression(value, what: "'offset'")
            case "post_only": options.postOnly = flag(value, name: key)
            case "reduce_only" where allowed.contains(key): options.reduceOnly = flag(value, name: key)
            case "tif":
                let text = YAMLNodeAccess.scalarText(value) ?? ""
                switch text {
                case "gtc": options.timeInForce = .gtc
                case "ioc": options.timeInForce = .ioc
                case "fok": options.timeInForce = .fok
                default:
                    sink.unknownName(
                        .invalidValue, kind: "time in force", name: text,
                        at: YAMLNodeAccess.location(value), candidates: ["gtc", "ioc", "fok"],
                        expected: "gtc, ioc or fok (use post_only: true for post-only)")
                }
            default:
                sink.unknownName(
                    .schema, kind: "\(keyword) option", name: key, at: YAMLNodeAccess.location(keyNode),
                    candidates: allowed, expected: allowed.joined(separator: ", "))
            }
        }
        guard let size else {
            sink.error(.schema, at: location, text: keyword, "'\(keyword)' needs a 'size'", expected: "size: 0.01")
            return nil
        }
        options.size = size
        if options.price != nil, let offset = options.offset {
            sink.error(
                .schema, at: offset.location, text: "offset", "give either 'price' or 'offset', not both",
                expected: "one limit price")
        }
        let isLimit = options.price != nil || options.offset != nil
        if options.postOnly && !isLimit {
            sink.error(
                .schema, at: location, text: "post_only", "post_only needs a limit 'price' or 'offset'",
                expected: "price: or offset: next to post_only: true")
        }
        if options.postOnly, let tif = options.timeInForce, tif != .gtc {
            sink.error(
                .schema, at: location, text: "tif", "post_only orders rest; tif \(tif.rawValue) contradicts it",
                expected: "post_only without tif")
        }
        if !isLimit, let tif = options.timeInForce, tif == .gtc {
            sink.error(
                .schema, at: location, text: "tif", "a market order cannot rest (tif gtc)",
                expected: "price: or offset: for a limit order, or tif ioc/fok")
        }
        return options
    }

    private mutating func flag(_ node: Node, name: String) -> Bool {
        switch YAMLNodeAccess.scalarText(node) {
        case "true": return true
        case "false": return false
        default:
            sink.error(
                .invalidValue, at: YAMLNodeAccess.location(node), text: YAMLNodeAccess.describe(node),
                "'\(name)' must be true or false", expected: "true or false")
            return false
        }
    }

    /// Splits `"mark {mark} above {sma(mark, 20)}"` into text and expressions.
    mutating func readLog(_ text: String, origin: ScalarOrigin) -> [LogPiece]? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count <= 500 else {
            sink.error(.inputTooLarge, at: origin.start, text: "log", "log message is longer than 500 characters")
            return nil
        }
        var pieces: [LogPiece] = []
        var literal = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "{" else {
                if scalar == "}" {
                    sink.error(
                        .expressionSyntax, at: origin.location(atOffset: index), text: "}",
                        "unmatched '}' in log message", expected: "{expression}")
                    return nil
                }
                literal.append(scalar)
                index += 1
                continue
            }
            guard let close = scalars[index...].firstIndex(of: "}") else {
                sink.error(
                    .expressionSyntax, at: origin.location(atOffset: index), text: "{",
                    "'{' in log message is never closed", expected: "'}' after the expression")
                return nil
            }
            if !literal.isEmpty { pieces.append(.text(String(literal))) }
            literal = String.UnicodeScalarView()
            var inner = String.UnicodeScalarView()
            inner.append(contentsOf: scalars[(index + 1)..<close])
            let innerOrigin = ScalarOrigin(
                start: origin.location(atOffset: index + 1), prefix: 0, isSingleLine: origin.isSingleLine)
            guard let expression = expression(String(inner), origin: innerOrigin) else { return nil }
            pieces.append(.value(expression))
            index = close + 1
        }
        if !literal.isEmpty { pieces.append(.text(String(literal))) }
        return pieces
    }
}
