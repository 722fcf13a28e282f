/// What storing an integrity report did.
public enum IntegrityStoreOutcome: Sendable, Equatable {
    /// Stored as the evaluation's newest report.
    case stored
    /// The same bytes were already stored for the evaluation (a repeated attempt).
    case alreadyStored
    /// The evaluation's complete runs are no longer the ones the report was computed from (a
    /// rerun replaced a transcript, or the evaluation is not complete): nothing stored; the
    /// runner that finished the rerun computes the newer report.
    case stale
}
