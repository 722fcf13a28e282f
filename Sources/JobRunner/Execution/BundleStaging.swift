import BundleKit
import ContestModel
import Foundation
import HeatRunner
import Sandbox
import Storage

/// Unpacks a run's stored bundles into one directory per slot and describes the heat to run.
struct BundleStaging {
    let definition: ContestDefinition
    let run: RunRecord
    let entries: [RunEntryRecord]

    /// Writes every entry's bundle under `directory/slot-N` and returns the heat over them.
    ///
    /// Bundles unpack with the contest's own limits, the value the upload validator used
    /// (`BundleLimits(contest:)`). A team whose stored bundle still cannot be prepared (it does not
    /// unpack, or names a runtime this runner does not have: the same on every runner, so
    /// retrying cannot help) gets a faulted slot (`start_failed`) and the heat runs without it.
    /// Failures of this host (a directory that cannot be written) fail the run, to be retried.
    func stage(in directory: String) throws -> HeatSpec {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755])
        let limits = BundleLimits(contest: definition)
        let heatEntries = try entries.map { entry -> HeatSpec.Entry in
            let bundle: StrategyBundle
            do {
                bundle = try BundleArchive.unpack(Array(entry.bundle), limits: limits)
            } catch {
                let reason = (error as? BundleError)?.message ?? "\(error)"
                return faulted(entry, "the submitted bundle could not be unpacked: \(reason)")
            }
            guard let runtime = Runtime(rawValue: bundle.manifest.runtime.rawValue) else {
                return faulted(entry, "the bundle's runtime \(bundle.manifest.runtime.rawValue) is not supported")
            }
            if let refusal = BundleValidator.runtimeRefusal(bundle, archiveBytes: nil, contest: definition) {
                return faulted(entry, refusal.report)
            }
            let slotDirectory = "\(directory)/slot-\(entry.slot)"
            try FileManager.default.createDirectory(
                atPath: slotDirectory, withIntermediateDirectories: false,
                attributes: [.posixPermissions: 0o755])
            try BundleArchive.write(bundle, to: slotDirectory)
            return HeatSpec.Entry(
                slot: entry.slot, teamId: entry.teamId, label: entry.teamName, runtime: runtime,
                bundleDirectory: slotDirectory, entry: bundle.manifest.entry,
                submissionSHA256: entry.sha256, runtimeName: bundle.manifest.runtimeName)
        }
        return HeatSpec(contest: definition, runId: "\(run.id)", seed: run.seed, entries: heatEntries)
    }

    private func faulted(_ entry: RunEntryRecord, _ detail: String) -> HeatSpec.Entry {
        .faulted(
            slot: entry.slot, teamId: entry.teamId, label: entry.teamName, submissionSHA256: entry.sha256,
            reason: FaultReason(code: FaultReason.startFailed, detail: detail))
    }
}
