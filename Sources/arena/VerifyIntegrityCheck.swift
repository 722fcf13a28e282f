import AuditLog
import ContestModel
import Foundation
import Integrity

/// The `integrity` check of `arena verify --contest` (docs/INTEGRITY.md): recomputes the
/// integrity report from the transcripts just verified, with the thresholds of the published
/// contest definition (whose SHA-256 the board and every transcript name), and compares the
/// bytes with the report the server publishes at `/v1/contests/{id}/integrity`.
struct VerifyIntegrityCheck {
    /// What the check found: a failure, a skip reason, or a detail line; warnings either way.
    struct Outcome {
        var failure: Divergence?
        var skipped: String?
        var detail: String
        var warnings: [String] = []
    }

    let artifacts: VerifyArtifacts
    let contestID: String
    /// SHA-256 of the published definition (from the board's contest).
    let definitionSHA256: String

    /// Recomputes over `transcripts` (every run of the board) and compares, with the thresholds
    /// of the published definition's `settings` (``publishedSettings(_:)``, loaded once by the
    /// caller), or those the report states when the definition is not available.
    func check(transcripts: [[UInt8]], settings: IntegritySettings?) async throws -> Outcome {
        guard let published = try await artifacts.integrityReport(contestID) else {
            return Outcome(skipped: "the server publishes no integrity report for \(contestID)", detail: "")
        }
        var warnings: [String] = []
        let thresholds: IntegrityThresholds
        if let settings {
            thresholds = IntegrityThresholds(settings)
        } else {
            do {
                thresholds = try IntegrityThresholds(report: published)
            } catch {
                return Outcome(
                    failure: mismatch("the published report states no readable thresholds: \(error)"), detail: "")
            }
            warnings.append(
                "integrity: the published definition is not available; recomputed with the thresholds the report states"
            )
        }
        let recomputed: [UInt8]
        let report: IntegrityReport
        do {
            report = try IntegrityAnalyzer.report(
                contestID: contestID, transcripts: transcripts, thresholds: thresholds)
            recomputed = report.encoded()
        } catch {
            return Outcome(failure: mismatch("cannot recompute the report: \(error)"), detail: "", warnings: warnings)
        }
        try artifacts.saveRecomputedIntegrity(recomputed)
        guard recomputed == published else {
            return Outcome(
                failure: Divergence(
                    .integrityMismatch, expected: "sha256 \(Hash256.of(recomputed).hex) (recomputed)",
                    found: "sha256 \(Hash256.of(published).hex) (served)",
                    message: "the integrity report recomputed from the \(transcripts.count) verified transcripts "
                        + "differs from the server's: " + Self.difference(recomputed, published)),
                detail: "", warnings: warnings)
        }
        let flagged = report.flaggedTeamIDs
        return Outcome(
            failure: nil,
            detail: "recomputed from \(transcripts.count) transcripts, byte-identical (sha256 "
                + "\(Hash256.of(recomputed).hex.prefix(16))…); flagged: "
                + (flagged.isEmpty ? "none" : flagged.joined(separator: ", ")),
            warnings: warnings)
    }

    /// The published definition's integrity settings, when it is served and hashes to the
    /// board's definition SHA-256; nil (with a warning) otherwise.
    func publishedSettings(_ warnings: inout [String]) async throws -> IntegritySettings? {
        guard let bytes = try await artifacts.definition(contestID) else { return nil }
        guard Hash256.of(bytes).hex == definitionSHA256 else {
            warnings.append("integrity: the served definition does not hash to the board's definition_sha256")
            return nil
        }
        do {
            return try ContestDefinition.decode(json: String(decoding: bytes, as: UTF8.self)).integritySettings
        } catch {
            warnings.append("integrity: the published definition does not decode (\(error))")
            return nil
        }
    }

    private func mismatch(_ message: String) -> Divergence { Divergence(.integrityMismatch, message: message) }

    /// Where two reports first differ: the top-level sections that differ and the first byte.
    static func difference(_ expected: [UInt8], _ found: [UInt8]) -> String {
        var offset = 0
        while offset < min(expected.count, found.count), expected[offset] == found[offset] { offset += 1 }
        var sections: [String] = []
        if case .object(let a)? = try? CanonicalJSON.parse(expected),
            case .object(let b)? = try? CanonicalJSON.parse(found)
        {
            sections = Set(a.keys).union(b.keys).sorted().filter { a[$0] != b[$0] }
        }
        let context = String(decoding: found[min(offset, found.count)..<min(offset + 60, found.count)], as: UTF8.self)
        return (sections.isEmpty ? "" : "sections \(sections.joined(separator: ", ")); ")
            + "first difference at byte \(offset) (served: \"\(context)…\")"
    }
}
