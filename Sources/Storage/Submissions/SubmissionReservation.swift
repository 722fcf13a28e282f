/// The answer to a reservation request for one upload (`ArenaStore.reserveSubmission`).
public enum SubmissionReservation: Sendable, Equatable {
    /// The upload may proceed; settle it by storing the submission and releasing `id`.
    case reserved(id: Int64, counts: Counts)
    /// A cap refuses the upload; nothing was reserved.
    case refused(Refusal, counts: Counts)

    /// Which cap refused, in the order they are checked.
    public enum Refusal: String, Sendable, Equatable {
        case tooManyInFlight = "too_many_in_flight"
        case quotaExceeded = "quota_exceeded"
        case invalidQuotaExceeded = "invalid_quota_exceeded"
    }

    /// The team's counters when the reservation was decided (today's charged and invalid
    /// submissions, those in flight, and open reservations including a new one).
    public struct Counts: Sendable, Equatable {
        public var charged: Int
        public var invalid: Int
        public var inFlight: Int
        public var reserved: Int

        public init(charged: Int, invalid: Int, inFlight: Int, reserved: Int) {
            self.charged = charged
            self.invalid = invalid
            self.inFlight = inFlight
            self.reserved = reserved
        }
    }
}
