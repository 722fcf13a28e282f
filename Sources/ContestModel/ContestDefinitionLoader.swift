import Foundation
import MarketModel
import Yams

/// Reads a contest definition from YAML or JSON text and validates it.
public enum ContestDefinitionLoader {
    /// Parses YAML (JSON is valid YAML) and validates every field.
    public static func parse(_ text: String) throws(ContestError) -> ContestDefinition {
        guard text.utf8.count <= 256 * 1024 else {
            throw ContestError(.malformed, field: "", "definition exceeds 256 KiB")
        }
        let definition: ContestDefinition
        do {
            definition = try YAMLDecoder().decode(ContestDefinition.self, from: text)
        } catch let error as DecodingError {
            throw ContestError(.malformed, field: Self.path(of: error), Self.message(of: error))
        } catch {
            throw ContestError(.malformed, field: "", "not valid YAML: \(error)")
        }
        try validate(definition)
        return definition
    }

    /// Reads and parses a file.
    public static func load(path: String) throws(ContestError) -> ContestDefinition {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ContestError(.malformed, field: "", "cannot read \(path)")
        }
        return try parse(text)
    }

    /// Checks ranges and references; throws the first problem found.
    public static func validate(_ d: ContestDefinition) throws(ContestError) {
        func fail(_ field: String, _ message: String) -> ContestError { ContestError(.invalid, field: field, message) }
        if d.id.range(of: "^[a-z0-9][a-z0-9-]{0,62}$", options: .regularExpression) == nil {
            throw fail("id", "must be 1-63 lowercase letters, digits or dashes")
        }
        if d.name.isEmpty || d.name.count > 120 { throw fail("name", "must be 1-120 characters") }
        if d.market.instruments.isEmpty { throw fail("market.instruments", "list at least one instrument") }
        for symbol in d.market.instruments where InstrumentCatalog.spec(symbol) == nil {
            throw fail(
                "market.instruments",
                "unknown instrument \(symbol); known: \(InstrumentCatalog.symbols.joined(separator: ", "))")
        }
        if Set(d.market.instruments).count != d.market.instruments.count {
            throw fail("market.instruments", "duplicate instrument")
        }
        if !(10...60_000).contains(d.market.tickMilliseconds) { throw fail("market.tick_ms", "must be 10..60000") }
        for (symbol, price) in d.market.background.startPrices {
            guard let spec = InstrumentCatalog.spec(symbol) else { continue }
            guard let parsed = spec.price(decimal: price), parsed.ticks > 0 else {
                throw fail(
                    "market.background.start_prices.\(symbol)", "\(price) is not a positive price on the tick grid")
            }
        }
        if let interval = d.market.fundingIntervalTicks, !(1...1_000_000).contains(interval) {
            throw fail("market.funding_interval_ticks", "must be 1..1000000")
        }
        try validateBackground(d.market)
        if !(1...100_000).contains(d.evaluation.ticks) { throw fail("evaluation.ticks", "must be 1..100000") }
        if !d.evaluation.isWholeField, !(1...EvaluationSettings.maximumHeatSize).contains(d.evaluation.heatSize) {
            throw fail("evaluation.heat_size", "must be 1..\(EvaluationSettings.maximumHeatSize) or `all`")
        }
        guard let balance = Money(decimal: d.evaluation.startingBalance), balance.units > 0 else {
            throw fail("evaluation.starting_balance", "must be a positive decimal with at most 8 decimals")
        }
        if d.evaluation.rounds.isEmpty || d.evaluation.rounds.count > 100 {
            throw fail("evaluation.rounds", "list 1..100 rounds")
        }
        for (index, round) in d.evaluation.rounds.enumerated() {
            if round.isPublic && round.publicSeed == nil {
                throw fail("evaluation.rounds[\(index)].seed", "a public round needs its seed")
            }
            if !round.isPublic && round.publicSeed != nil {
                throw fail(
                    "evaluation.rounds[\(index)].seed",
                    "a private round takes no seed: the server draws fresh secret seed material for every "
                        + "evaluation, commits to it before the runs start and reveals it at publication; "
                        + "remove `seed` from this round")
            }
        }
        let l = d.limits
        if !(10...60_000).contains(l.tickDeadlineMilliseconds) {
            throw fail("limits.tick_deadline_ms", "must be 10..60000")
        }
        if !(1...1000).contains(l.maxStrikes) { throw fail("limits.max_strikes", "must be 1..1000") }
        if !(16...8192).contains(l.memoryMiB) { throw fail("limits.memory_mib", "must be 16..8192") }
        if l.bundleMaxBytes < 1024 || l.bundleMaxBytes > 64 * 1024 * 1024 {
            throw fail("limits.bundle_max_bytes", "must be 1 KiB..64 MiB")
        }
        if let v = d.validation, !(1...10_000).contains(v.ticks) {
            throw fail("validation.ticks", "must be 1..10000")
        }
        try validateLLM(d.llm)
        if let runtimes = d.runtimes { try validateRuntimes(runtimes, base: l) }
        if d.phases.isEmpty { throw fail("phases", "list at least one phase") }
        try validatePhases(d.phases)
        try validateRegistration(d.registration)
    }

    private static func validateRuntimes(_ settings: RuntimeSettings, base: LimitSettings) throws(ContestError) {
        func fail(_ field: String, _ message: String) -> ContestError { ContestError(.invalid, field: field, message) }
        if settings.accepted.isEmpty { throw fail("runtimes.accepted", "list at least one runtime") }
        for name in settings.accepted
        where !RuntimeSettings.builtIn.contains(name) && !RuntimeSettings.isEnvironmentName(name) {
            throw fail(
                "runtimes.accepted",
                "unknown runtime \(name): use rules, python, exec, python-ml or an installed python-<name> runtime")
        }
        for (name, own) in settings.limits {
            let field = "runtimes.\(name)"
            guard settings.accepted.contains(name) else {
                throw fail(field, "\(name) is not in runtimes.accepted; add it there or remove these settings")
            }
            if let hash = own.lockSHA256,
                hash.count != 64 || !hash.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
            {
                throw fail(field + ".lock_sha256", "must be 64 lowercase hex digits (sha256sum of the lock file)")
            }
            let effective = settings.limits(for: name, base: base)
            if let bytes = effective.bundleMaxBytes, !(1024...(256 << 20)).contains(bytes) {
                throw fail(field + ".bundle_max_bytes", "must be 1 KiB..256 MiB")
            }
            if let bytes = effective.bundleMaxUnpackedBytes, !(1024...(256 << 20)).contains(bytes) {
                throw fail(
                    field + ".bundle_max_unpacked_bytes", "must be 1 KiB..256 MiB (the sandbox copies at most 256 MiB)")
            }
            if let memory = effective.memoryMiB, !(16...16_384).contains(memory) {
                throw fail(field + ".memory_mib", "must be 16..16384")
            }
            if let deadline = effective.firstTickDeadlineMilliseconds, !(10...120_000).contains(deadline) {
                throw fail(field + ".first_tick_deadline_ms", "must be 10..120000")
            }
        }
    }

    private static func validatePhases(_ phases: [PhaseSettings]) throws(ContestError) {
        for (index, phase) in phases.enumerated() {
            let field = "phases[\(index)]"
            if phase.name.isEmpty || phase.name.count > 64 {
                throw ContestError(.invalid, field: field + ".name", "must be 1-64 characters")
            }
            var bounds: [Date] = []
            for (key, value) in [("starts_at", phase.startsAt), ("ends_at", phase.endsAt)] {
                guard let value else { continue }
                guard let date = ContestLifecycle.parse(value) else {
                    throw ContestError(
                        .invalid, field: "\(field).\(key)",
                        "\(value) is not an ISO-8601 time such as 2030-01-01T00:00:00Z")
                }
                bounds.append(date)
            }
            if bounds.count == 2, bounds[0] >= bounds[1] {
                throw ContestError(.invalid, field: "\(field).ends_at", "must be after starts_at")
            }
        }
    }

    private static func path(of error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): context = c
        case .keyNotFound(let key, let c): return (c.codingPath + [key]).map(\.stringValue).joined(separator: ".")
        @unknown default: return ""
        }
        return context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    private static func message(of error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "missing required field \(key.stringValue)"
        case .typeMismatch(let type, _): return "expected \(type)"
        case .valueNotFound(let type, _): return "expected \(type), found null"
        case .dataCorrupted(let c): return c.debugDescription
        @unknown default: return "invalid"
        }
    }
}
