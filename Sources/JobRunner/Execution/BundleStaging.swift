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
    func stage(in directory: String) throws -> HeatSpec {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755])
        let limits = BundleLimits(maxArchiveBytes: definition.limits.bundleMaxBytes)
        let heatEntries = try entries.map { entry -> HeatSpec.Entry in
            let bundle = try BundleArchive.unpack(Array(entry.bundle), limits: limits)
            let slotDirectory = "\(directory)/slot-\(entry.slot)"
            try FileManager.default.createDirectory(
                atPath: slotDirectory, withIntermediateDirectories: false,
                attributes: [.posixPermissions: 0o755])
            try BundleArchive.write(bundle, to: slotDirectory)
            guard let runtime = Runtime(rawValue: bundle.manifest.runtime.rawValue) else {
                throw HeatError(.bundle, "unsupported runtime \(bundle.manifest.runtime)")
            }
            return HeatSpec.Entry(
                slot: entry.slot, teamId: entry.teamId, label: entry.teamName, runtime: runtime,
                bundleDirectory: slotDirectory, entry: bundle.manifest.entry,
                submissionSHA256: entry.sha256)
        }
        return HeatSpec(contest: definition, runId: "\(run.id)", seed: run.seed, entries: heatEntries)
    }
}
