import MarketModel

/// Deterministic generator of strategy documents for the robustness test: grammar-generated
/// documents, mutations of valid ones, and pathological inputs.
struct FuzzGenerator {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    static let names = [
        "mark", "index", "mid", "bid", "ask", "spread", "last", "volume", "funding_rate", "next_funding",
        "open_interest", "imbalance", "position", "entry_price", "upnl", "liq_price", "open_orders",
        "equity", "balance", "margin_ratio", "tick", "n", "size", "x", "flag", "btc.mark", "btc.spread",
        "mark", "mid", "n", "mrak", "eth.mark", "zz",
    ]
    static let functions = [
        "sma", "ema", "wma", "rsi", "stdev", "zscore", "highest", "lowest", "atr", "change",
        "pct_change", "prev", "abs", "min", "max", "clamp", "nz", "if", "crosses_above",
        "bollinger", "macd", "vwap", "round_tick", "round_lot", "smaa", "sqrt", "sma", "ema", "max",
    ]
    static let operators = [" + ", " - ", " * ", " / ", " > ", " < ", " >= ", " == ", " != ", " and ", " or "]

    mutating func expression(depth: Int = 0) -> String {
        if depth > 2 || chance(35) {
            switch below(4) {
            case 0: return String(below(300))
            case 1: return "\(below(100)).\(below(100))"
            default: return pick(Self.names)
            }
        }
        switch below(5) {
        case 0: return "(" + expression(depth: depth + 1) + ")"
        case 1: return pick(["-", "not "]) + expression(depth: depth + 1)
        case 2:
            let function = pick(Self.functions)
            if chance(60), ["sma", "ema", "rsi", "highest", "stdev", "change", "prev"].contains(function) {
                return function + "(" + expression(depth: depth + 1) + ", " + String(1 + below(60)) + ")"
            }
            let arguments = (0..<below(4)).map { _ in expression(depth: depth + 1) }
            return function + "(" + arguments.joined(separator: ", ") + ")"
        default: return expression(depth: depth + 1) + pick(Self.operators) + expression(depth: depth + 1)
        }
    }

    mutating func action() -> String {
        switch below(9) {
        case 0: return "- buy: \(expression())"
        case 1:
            return
                "- sell:\n          size: \(expression())\n          offset: \(expression())\n          post_only: \(pick(["true", "false", "maybe"]))"
        case 2: return "- target_position: \(expression())"
        case 3: return pick(["- close", "- cancel_all", "- close: eth", "- cancel_all: btc", "- close: doge"])
        case 4: return "- set_leverage: \(below(60))"
        case 5: return "- set: {x: \(expression())}"
        case 6: return "- log: \"v={\(expression())}\""
        case 7:
            return "- buy: {size: \(expression()), price: \(expression()), tif: \(pick(["gtc", "ioc", "fok", "gtd"]))}"
        default: return "- \(pick(["byu", "target", "sel"])): 1"
        }
    }

    /// A document from the grammar: mostly well-formed YAML, often ill-typed.
    mutating func document() -> String {
        var lines = ["name: fuzz", "runtime: \(pick(["rules", "rules", "rules", "python", "rulez"]))"]
        lines.append(
            "markets: \(pick(["[BTC-PERP]", "[BTC-PERP, ETH-PERP]", "{btc: BTC-PERP, eth: ETH-PERP}", "[DOGE-PERP]", "[]"]))"
        )
        lines.append("params: {n: \(below(3000)), size: 0.0\(below(9) + 1), flag: \(pick(["true", "false"]))}")
        if chance(70) { lines.append("state: {x: \(pick(["0", "1.5", "true", "n * 2", "mark"]))}") }
        if chance(60) {
            lines.append("let:")
            for index in 0..<below(3) { lines.append("  l\(index): \(expression())") }
        }
        lines.append("rules:")
        for _ in 0..<(1 + below(2)) {
            lines.append("  - when: \(expression())")
            lines.append("    do:")
            for _ in 0..<(1 + below(2)) { lines.append("      " + action()) }
        }
        if chance(40) {
            lines.append(
                "risk: {max_leverage: \(below(80)), stop_loss: 0.0\(below(9)), max_orders_per_tick: \(below(20))}")
        }
        return lines.joined(separator: "\n")
    }

    static let noise: [String] = [
        "{", "}", "[", "]", ":", ": ", "- ", "#", "\"", "'", "&a ", "*a", "!", "|", ">",
        "\t", "\n", "\n  ", "(", ")", ",", "é", "💥", "\u{0}", "\r", "%", "@", "`", "?",
    ]

    /// `text` without comments and blank lines (smaller inputs, same structure).
    static func compact(_ text: String) -> String {
        text.split(separator: "\n").map { line in
            guard let hash = line.firstIndex(of: "#"), !line[..<hash].contains("\"") else { return line }
            return line[..<hash]
        }.filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: "\n")
    }

    /// `text` with 1–4 random edits (insert noise, delete a span, duplicate a span, swap lines, truncate).
    mutating func mutate(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<(1 + below(4)) {
            guard !scalars.isEmpty else { break }
            let at = below(scalars.count)
            switch below(6) {
            case 0: scalars.insert(contentsOf: pick(Self.noise).unicodeScalars, at: at)
            case 1: scalars.removeSubrange(at..<min(scalars.count, at + 1 + below(12)))
            case 2:
                let end = min(scalars.count, at + 1 + below(40))
                scalars.insert(contentsOf: scalars[at..<end], at: below(scalars.count))
            case 3: scalars.removeSubrange(at..<scalars.count)
            case 4:
                var lines = String(String.UnicodeScalarView(scalars)).split(
                    separator: "\n", omittingEmptySubsequences: false)
                if lines.count > 2 { lines.swapAt(below(lines.count), below(lines.count)) }
                scalars = Array(lines.joined(separator: "\n").unicodeScalars)
            default: scalars[at] = pick(Self.noise).unicodeScalars.first!
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Inputs built to hurt: deep nesting, long lines, many rules, aliases.
    mutating func pathological() -> String {
        let depth = chance(2) ? 2_000 + below(3_000) : 10 + below(300)
        switch below(7) {
        case 0: return "markets: " + String(repeating: "[", count: depth)
        case 1: return "rules:\n" + String(repeating: "- ", count: depth) + "x"
        case 2:
            return "rules:\n  - when: " + String(repeating: "(", count: depth) + "1"
                + String(repeating: ")", count: depth)
        case 3: return "name: " + String(repeating: "x", count: depth * 20)
        case 4: return "a: &a [1, 2]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\nrules: [*b, *b]\n"
        case 5: return (0..<depth / 10).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
        default: return "rules:\n  - when: " + String(repeating: "not ", count: depth) + "true\n    do: [close]"
        }
    }
}
