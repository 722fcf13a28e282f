import MarketModel
import Yams

extension DocumentReader {
    static let ruleKeys = ["name", "when", "do"]
    static let actionKeys = ["buy", "sell", "target_position", "close", "cancel_all", "set_leverage", "set", "log"]
    static let orderKeys = ["size", "market", "price", "offset", "post_only", "tif", "reduce_only"]

    mutating func readRules(_ node: Node) -> [RuleDefinition] {
        guard case .sequence(let sequence) = node else {
            sink.error(
                .schema, at: YAMLNodeAccess.location(node), text: YAMLNodeAccess.describe(node),
                "'rules' must be a list", expected: "- when: <condition>\n    do: [<actions>]")
            return []
        }
        if sequence.count > Self.maxEntries {
            sink.error(
                .inputTooLarge, at: YAMLNodeAccess.location(node), text: "rules",
                "there are \(sequence.count) rules; the limit is \(Self.maxEntries)")
            return []
        }
        var rules: [RuleDefinition] = []
        for (index, item) in sequence.enumerated() {
            if let rule = readRule(item, index: index) { rules.append(rule) }
        }
        return rules
    }

    private mutating func readRule(_ node: Node, index: Int) -> RuleDefinition? {
        let location = YAMLNodeAccess.location(node)
        guard case .mapping = node, let fields = entries(node, section: "rules", expected: "when:, do:") else {
            sink.error(
                .schema, at: location, text: YAMLNodeAccess.describe(node), "a rule must be a mapping",
                expected: "when: <condition> and do: <actions>")
            return nil
        }
        var rule = RuleDefinition(name: "rule \(index + 1)", location: location, condition: nil, actions: [])
        var sawDo = false
        for (key, keyNode, value) in fields {
            switch key {
            case "name":
                if let text = YAMLNodeAccess.scalarText(value) { rule.name = String(text.prefix(64)) }
            case "when":
                rule.condition = expression(value, what: "'when'")
            case "do":
                sawDo = true
                rule.actions = readActions(value)
            default:
                sink.unknownName(
                    .schema, kind: "rule key", name: key, at: YAMLNodeAccess.location(keyNode),
                    candidates: Self.ruleKeys, expected: Self.ruleKeys.joined(separator: ", "))
            }
        }
        if !sawDo {
            sink.error(.schema, at: location, text: "", "rule has no 'do'", expected: "do: a list of actions")
        }
        return rule
    }

    private mutating func readActions(_ node: Node) -> [ActionDefinition] {
        let items: [Node]
        if case .sequence(let sequence) = node { items = Array(sequence) } else { items = [node] }
        if items.count > Self.maxActions {
            sink.error(
                .inputTooLarge, at: YAMLNodeAccess.location(node), text: "do",
                "a rule has \(items.count) actions; the limit is \(Self.maxActions)")
            return []
        }
        return items.compactMap { readAction($0) }
    }

    private mutating func readAction(_ node: Node) -> ActionDefinition? {
        let location = YAMLNodeAccess.location(node)
        let keyword: String
        let value: Node?
        switch node {
        case .scalar(let scalar):
            keyword = scalar.string
            value = nil
        case .mapping(let mapping) where mapping.count == 1:
            guard let key = YAMLNodeAccess.scalarText(mapping[mapping.startIndex].key) else { return nil }
            keyword = key
            value = mapping[mapping.startIndex].value
        default:
            sink.error(
                .schema, at: location, text: YAMLNodeAccess.describe(node),
                "an action must be a single key such as 'buy:' or a bare 'close'",
                expected: Self.actionKeys.joined(separator: ", "))
            return nil
        }
        guard let kind = readActionKind(keyword, value: value, at: location) else { return nil }
        return ActionDefinition(kind: kind, location: location, keyword: keyword)
    }

    private mutating func readActionKind(_ keyword: String, value: Node?, at location: SourceLocation) -> ActionKind? {
        let present = value.flatMap { YAMLNodeAccess.isNull($0) ? nil : $0 }
        switch keyword {
        case "buy", "sell":
            guard let present else { return missingValue(keyword, at: location, expected: "a size or {size:, price:}") }
            return readOrderOptions(present, keyword: keyword).map { .order(keyword == "buy" ? .buy : .sell, $0) }
        case "target_position":
            guard let present else { return missingValue(keyword, at: location, expected: "a signed size in coins") }
            return readOrderOptions(present, keyword: keyword).map { .target($0) }
        case "close", "cancel_all":
            var market: NameReference?
            if let present {
                guard let text = YAMLNodeAccess.scalarText(present) else {
                    return missingValue(keyword, at: location, expected: "a market alias or 'all'")
                }
                if text != "all" { market = NameReference(name: text, location: YAMLNodeAccess.location(present)) }
            }
            return keyword == "close" ? .close(market) : .cancelAll(market)
        case "set_leverage":
            guard let present else { return missingValue(keyword, at: location, expected: "a leverage such as 5") }
            if case .mapping = present {
                var market: NameReference?
                var leverage: Expression?
                for (key, keyNode, value) in entries(present, section: keyword, expected: "leverage:, market:") ?? [] {
                    switch key {
                    case "leverage": leverage = expression(value, what: "'leverage'")
                    case "market": market = marketReference(value)
                    default:
                        sink.unknownName(
                            .schema, kind: "set_leverage option", name: key,
                            at: YAMLNodeAccess.location(keyNode), candidates: ["leverage", "market"],
                            expected: "leverage, market")
                    }
                }
                guard let leverage else { return missingValue("leverage", at: location, expected: "leverage: 5") }
                return .setLeverage(market, leverage)
            }
            return expression(present, what: "'set_leverage'").map { .setLeverage(nil, $0) }
        case "set":
            guard let present, case .mapping = present else {
                return missingValue(keyword, at: location, expected: "a mapping of state variable to expression")
            }
            let assignments = readNamedExpressions(present, section: "set")
            return .assign(assignments)
        case "log":
            guard let present, let text = YAMLNodeAccess.scalarText(present) else {
                return missingValue(keyword, at: location, expected: "a message, e.g. \"mark is {mark}\"")
            }
            return readLog(text, origin: YAMLNodeAccess.origin(present)).map { .log($0) }
        default:
            sink.unknownName(
                .schema, kind: "action", name: keyword, at: location, candidates: Self.actionKeys,
                expected: Self.actionKeys.joined(separator: ", "))
            return nil
        }
    }

    private mutating func missingValue(_ keyword: String, at location: SourceLocation, expected: String) -> ActionKind?
    {
        sink.error(.schema, at: location, text: keyword, "'\(keyword)' needs a value", expected: expected)
        return nil
    }

    mutating func marketReference(_ node: Node) -> NameReference? {
        guard let text = YAMLNodeAccess.scalarText(node), !text.isEmpty else {
            sink.error(
                .schema, at: YAMLNodeAccess.location(node), text: YAMLNodeAccess.describe(node),
                "'market' must be a market alias", expected: "an alias from 'markets', e.g. btc")
            return nil
        }
        return NameReference(name: text, location: YAMLNodeAccess.location(node))
    }
}
