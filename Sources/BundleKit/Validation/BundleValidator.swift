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
            return .invalid(code: "bundle_\(error.code.rawValue)", report: error.message)
        }
        let runtime = bundle.manifest.runtime.rawValue
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
}
