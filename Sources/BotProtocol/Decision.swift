/// The optional `decision` of an `actions` reply (protocol v1, backward compatible): which model
/// decided, on what, with what output and why, bound to the client ids of the orders of that
/// reply. The host records it in the transcript as part of the tick's inputs (hash-chained,
/// attested). See docs/BOT-PROTOCOL.md, "decision".
public struct Decision: Codable, Sendable, Hashable {
    /// Model name, e.g. `lgbm-direction` (1…64 bytes).
    public var model: String
    /// Model version (at most 64 bytes).
    public var version: String?
    /// Digest of the model's inputs, e.g. `sha256:…` (at most 128 bytes).
    public var inputsDigest: String?
    /// Short summary of the inputs, e.g. `ret_5=0.0012 spread=0.4` (at most 512 bytes).
    public var inputs: String?
    /// The model's output, e.g. `up p=0.71` (1…256 bytes).
    public var output: String
    /// Why (at most ``Decision/maxRationaleBytes`` bytes).
    public var rationale: String?
    /// Confidence as a decimal string in 0…1, e.g. `"0.71"`.
    public var confidence: String?
    /// The client ids of this reply's `place` actions the decision explains; absent: all of them.
    public var clientIDs: [UInt64]?

    /// Longest accepted rationale, in UTF-8 bytes.
    public static let maxRationaleBytes = 1024

    /// Creates a decision.
    public init(
        model: String, version: String? = nil, inputsDigest: String? = nil, inputs: String? = nil, output: String,
        rationale: String? = nil, confidence: String? = nil, clientIDs: [UInt64]? = nil
    ) {
        self.model = model
        self.version = version
        self.inputsDigest = inputsDigest
        self.inputs = inputs
        self.output = output
        self.rationale = rationale
        self.confidence = confidence
        self.clientIDs = clientIDs
    }

    enum CodingKeys: String, CodingKey {
        case model, version
        case inputsDigest = "inputs_digest"
        case inputs, output, rationale, confidence
        case clientIDs = "client_ids"
    }

    /// Checks sizes, the confidence and the binding against the client ids of `actions`' `place`
    /// actions; returns the bound client ids (ascending). A decision naming an id the reply does
    /// not place is a protocol violation, as is one bound to nothing. `client_id` 0 binds nothing
    /// (the transcript records it as an order without a client id).
    public func validate(against actions: [BotAction]) throws(ProtocolError) -> [UInt64] {
        func check(_ text: String?, _ name: String, _ limit: Int, required: Bool = false) throws(ProtocolError) {
            let count = text?.utf8.count ?? 0
            if required && count == 0 { throw ProtocolError(.invalidDecision, "decision.\(name) is empty") }
            if count > limit { throw ProtocolError(.invalidDecision, "decision.\(name) is longer than \(limit) bytes") }
        }
        try check(model, "model", 64, required: true)
        try check(version, "version", 64)
        try check(inputsDigest, "inputs_digest", 128)
        try check(inputs, "inputs", 512)
        try check(output, "output", 256, required: true)
        try check(rationale, "rationale", Self.maxRationaleBytes)
        if let confidence {
            guard DecimalText.isValid(confidence), !confidence.hasPrefix("-"), Self.atMostOne(confidence) else {
                throw ProtocolError(.invalidDecision, "decision.confidence must be a decimal string from 0 to 1")
            }
        }
        // client_id 0 is "no id" in the transcript (an order's client tag), so nothing binds to it.
        var placed: [UInt64] = []
        for case .place(let order) in actions { if let id = order.clientID, id != 0 { placed.append(id) } }
        guard let clientIDs else {
            guard !placed.isEmpty else {
                throw ProtocolError(
                    .invalidDecision, "a decision needs place actions with client_id in the same reply")
            }
            return Array(Set(placed)).sorted()
        }
        let known = Set(placed)
        for id in clientIDs where !known.contains(id) {
            throw ProtocolError(
                .invalidDecision, "decision.client_ids names \(id), which no place action of this reply has")
        }
        guard !clientIDs.isEmpty else { throw ProtocolError(.invalidDecision, "decision.client_ids is empty") }
        return Array(Set(clientIDs)).sorted()
    }

    private static func atMostOne(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = parts.first.flatMap({ Int($0) }) else { return false }
        if whole == 0 { return true }
        return whole == 1 && (parts.count == 1 || parts[1].allSatisfy { $0 == "0" })
    }
}
