/// An evaluation's seed commitment, published before its runs start and revealed at publication
/// (docs/AUDIT.md, "Seed commitment"). Canonical JSON:
/// `{"commitment","contest_id","evaluation_id","material","rounds":[{"public","round","seed"}]}`.
public struct SeedCommitment: Hashable, Sendable {
    /// One round of the contest.
    public struct Round: Hashable, Sendable {
        /// 0-based round index.
        public var round: Int
        /// Whether the round is public.
        public var isPublic: Bool
        /// The public round's seed; `nil` for a private round.
        public var seed: UInt64?

        /// Creates a round.
        public init(round: Int, isPublic: Bool, seed: UInt64?) {
            self.round = round
            self.isPublic = isPublic
            self.seed = seed
        }
    }

    /// SHA-256 of the 32 bytes of material.
    public var commitment: Hash256
    /// The contest.
    public var contestID: String
    /// The evaluation.
    public var evaluationID: Int64
    /// The material, once revealed (publication); `nil` before.
    public var material: [UInt8]?
    /// Every round of the contest, in order.
    public var rounds: [Round]

    /// Creates a commitment.
    public init(commitment: Hash256, contestID: String, evaluationID: Int64, material: [UInt8]?, rounds: [Round]) {
        self.commitment = commitment
        self.contestID = contestID
        self.evaluationID = evaluationID
        self.material = material
        self.rounds = rounds
    }

    /// The seed of heat `heat` of round `round`, when it can be known (public round, or revealed material).
    public func heatSeed(round: Int, heat: Int) -> UInt64? {
        guard let entry = rounds.first(where: { $0.round == round }) else { return nil }
        if entry.isPublic, let seed = entry.seed {
            return SeedDerivation.heatSeed(.publicSeed(seed), round: round, heat: heat)
        }
        if !entry.isPublic, let material {
            return SeedDerivation.heatSeed(.material(material), round: round, heat: heat)
        }
        return nil
    }

    /// Whether the revealed material (if any) matches the commitment.
    public var revealMatches: Bool {
        material.map { SeedDerivation.commitment(material: $0) == commitment } ?? true
    }

    /// The canonical JSON value.
    public var json: CanonicalJSON {
        .object([
            "commitment": .string(commitment.hex),
            "contest_id": .string(contestID),
            "evaluation_id": .integer(evaluationID),
            "material": material.map { .string(Hash256.hex($0)) } ?? .null,
            "rounds": .array(
                rounds.map {
                    .object([
                        "public": .bool($0.isPublic), "round": .integer(Int64($0.round)),
                        "seed": $0.seed.map { .string(String($0)) } ?? .null,
                    ])
                }),
        ])
    }

    /// The canonical bytes (as served at `/v1/contests/{id}/evaluations/{eid}/seeds`).
    public func canonicalJSON() -> [UInt8] { json.encoded() }

    /// Reads a commitment value with exactly the documented fields.
    public init(json value: CanonicalJSON) throws(TranscriptError) {
        let fields = try CanonicalFields(
            value, keys: ["commitment", "contest_id", "evaluation_id", "material", "rounds"], context: "seed commitment"
        )
        commitment = try fields.hash("commitment")
        contestID = try fields.string("contest_id")
        evaluationID = try fields.integer("evaluation_id")
        if let hex = try fields.optionalString("material") {
            guard let bytes = Hash256(hex: hex)?.bytes else {
                throw fields.wrong("material", "64 lower-case hex digits")
            }
            material = bytes
        } else {
            material = nil
        }
        var rounds: [Round] = []
        for item in try fields.array("rounds") {
            let round = try CanonicalFields(item, keys: ["public", "round", "seed"], context: "seed commitment round")
            rounds.append(
                Round(
                    round: Int(try round.integer("round")), isPublic: try round.bool("public"),
                    seed: round.isNull("seed") ? nil : try round.decimalUInt64("seed")))
        }
        self.rounds = rounds
    }

    /// Parses served bytes, which must be canonical.
    public static func decode(canonical bytes: [UInt8]) throws(TranscriptError) -> SeedCommitment {
        try SeedCommitment(json: try CanonicalJSON.parseCanonical(bytes, what: "the seed commitment"))
    }
}
