public import AuditLog
public import MarketModel
public import Sandbox

/// What a finished heat produced: the signed transcript and each team's numbers and report.
public struct HeatOutcome: Sendable {
    public var transcript: Transcript
    public var attestation: Attestation
    /// Worker reports (fault, strikes, captured logs) by slot.
    public var reports: [Int: WorkerReport]
    /// Equity after every tick by slot, starting with the deposit.
    public var equityCurves: [Int: [Money]]
}
