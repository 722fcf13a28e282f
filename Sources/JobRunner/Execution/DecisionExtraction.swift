import APIModels
import AuditLog

/// The decisions of a finished run's transcript, per slot, for the teams' run reports.
enum DecisionExtraction {
    /// Each slot's decisions in tick order, at most `limit` per slot.
    static func bySlot(_ transcript: Transcript, limit: Int) -> [Int: [DecisionView]] {
        guard let records = try? Transcript.decode(transcript.bytes).records else { return [:] }
        var result: [Int: [DecisionView]] = [:]
        for record in records {
            for case .decision(let slot, let decision, _) in record.inputs {
                guard result[Int(slot), default: []].count < limit else { continue }
                result[Int(slot), default: []].append(
                    DecisionView(
                        tick: record.tick, clientIds: decision.clientIDs, model: decision.model,
                        version: decision.version, inputsDigest: decision.inputsDigest, inputs: decision.inputs,
                        output: decision.output, rationale: decision.rationale, confidence: decision.confidence))
            }
        }
        return result
    }
}
