public import ContestModel
import StrategyKit

/// Validates an uploaded bundle before it costs quota: the archive is unpacked with the
/// contest's limits and, for the `rules` runtime, the strategy is parsed and type-checked.
public struct BundleValidator: BundleValidating {
    public init() {}

    public func validate(archive: [UInt8], contest: ContestDefinition) -> BundleValidation {
        let limits = BundleLimits(contest: contest)
        let bundle: StrategyBundle
        do {
            bundle = try BundleArchive.unpack(archive, limits: limits)
        } catch {
            return .invalid(code: "bundle_\(error.code.wireName)", report: error.message)
        }
        let runtime = bundle.manifest.runtimeName
        if let refusal = Self.runtimeRefusal(bundle, archiveBytes: archive.count, contest: contest) {
            return .invalid(code: refusal.code, report: refusal.report)
        }
        guard runtime == "rules" else {
            return .valid(
                sha256: bundle.sha256, runtime: runtime,
                report: "\(runtime) bundle with \(bundle.files.count) files; entry \(bundle.manifest.entry ?? "-")")
        }
        guard let file = bundle.file("strategy.yaml") else {
            return .invalid(code: "missing_manifest", report: "strategy.yaml is missing at the bundle root")
        }
        // One pass, as `arena check`: every problem of the document together, by position.
        let instruments = contest.market.instruments.compactMap(InstrumentCatalog.spec)
        let checked = StrategyCheckReport.check(
            yaml: String(decoding: file.bytes, as: UTF8.self), fileName: "strategy.yaml",
            limits: CheckLimits(
                maxLookback: contest.limits.maxLookback, maxStepsPerTick: contest.limits.maxStepsPerTick,
                instruments: instruments))
        guard checked.ok else {
            let error = StrategyError(code: checked.errorCode ?? .schema, diagnostics: checked.diagnostics)
            return .invalid(code: "strategy_\(error.code.rawValue)", report: error.description)
        }
        return .valid(
            sha256: bundle.sha256, runtime: runtime,
            report: "rules strategy OK; cost bound \(checked.costBound ?? 0) steps per tick")
    }

    /// Why the contest refuses the bundle's runtime or its size for that runtime, if it does.
    public static func runtimeRefusal(_ bundle: StrategyBundle, archiveBytes: Int?, contest: ContestDefinition)
        -> (code: String, report: String)?
    {
        let runtime = bundle.manifest.runtimeName
        let settings = contest.runtimeSettings
        guard settings.accepted.contains(runtime) else {
            return (
                "runtime_not_accepted",
                "this contest does not accept runtime '\(runtime)' (strategy.yaml); it accepts "
                    + settings.accepted.joined(separator: ", ")
            )
        }
        let limits = BundleLimits(contest: contest, runtime: runtime)
        if let archiveBytes, archiveBytes > limits.maxArchiveBytes {
            return (
                "bundle_too_large",
                "the archive has \(archiveBytes) bytes; \(runtime) bundles may have at most "
                    + BundleLimits.describe(bytes: limits.maxArchiveBytes)
            )
        }
        let unpacked = bundle.files.reduce(0) { $0 + $1.bytes.count }
        if unpacked > limits.maxUnpackedBytes {
            return (
                "bundle_too_large",
                "the bundle unpacks to \(unpacked) bytes; \(runtime) bundles may unpack to at most "
                    + BundleLimits.describe(bytes: limits.maxUnpackedBytes)
            )
        }
        return nil
    }
}
