/// A bot's decision as the runner recorded it (docs/BOT-PROTOCOL.md, "decision"): what model
/// decided, on what, with what output, and which of that reply's orders it explains. Recorded as a
/// tick input (``TickInput/decision(slot:_:)``) before the orders it is bound to, so the hash
/// chain and the attestation cover it: nobody can add or edit a decision after the run.
public struct DecisionRecord: Hashable, Sendable, Codable {
    /// The client ids of the orders of the reply this decision is bound to (ascending).
    public var clientIDs: [UInt64]
    /// Model name.
    public var model: String
    /// Model version ("" when not given).
    public var version: String
    /// Digest of the model's inputs, as the bot computed it ("" when not given).
    public var inputsDigest: String
    /// Short summary of the inputs ("" when not given).
    public var inputs: String
    /// The model's output.
    public var output: String
    /// Rationale text ("" when not given).
    public var rationale: String
    /// Confidence as a decimal string in 0…1 ("" when not given).
    public var confidence: String

    /// Creates a record.
    public init(
        clientIDs: [UInt64], model: String, version: String = "", inputsDigest: String = "", inputs: String = "",
        output: String, rationale: String = "", confidence: String = ""
    ) {
        self.clientIDs = clientIDs
        self.model = model
        self.version = version
        self.inputsDigest = inputsDigest
        self.inputs = inputs
        self.output = output
        self.rationale = rationale
        self.confidence = confidence
    }

    /// The canonical bytes of the decision's fields (what ``digest`` hashes).
    public func fieldBytes() -> [UInt8] {
        var writer = CanonicalWriter(capacity: 128 + rationale.utf8.count + inputs.utf8.count)
        writeFields(into: &writer)
        return writer.bytes
    }

    /// SHA-256 of ``fieldBytes()``, stored after the fields so a changed byte names its tick.
    public var digest: Hash256 { Hash256.of(fieldBytes()) }

    func writeFields(into writer: inout CanonicalWriter) {
        writer.write(unsigned: UInt64(clientIDs.count))
        for id in clientIDs { writer.write(unsigned: id) }
        for text in [model, version, inputsDigest, inputs, output, rationale, confidence] {
            writer.write(string: text)
        }
    }

    enum CodingKeys: String, CodingKey {
        case clientIDs = "client_ids"
        case model, version
        case inputsDigest = "inputs_digest"
        case inputs, output, rationale, confidence
    }
}

extension CanonicalWriter {
    /// Writes a decision's fields, then `digest` (as recorded: the runner's is ``DecisionRecord/digest``).
    public mutating func write(_ decision: DecisionRecord, digest: Hash256) {
        decision.writeFields(into: &self)
        write(raw: digest.bytes)
    }
}

extension CanonicalReader {
    /// Reads a decision and its stored digest (the verifier compares the two).
    public mutating func readDecision() throws(TranscriptError) -> (DecisionRecord, Hash256) {
        let count = try readCount()
        var ids: [UInt64] = []
        ids.reserveCapacity(min(count, 64))
        for _ in 0..<count { ids.append(try readUnsigned()) }
        var texts: [String] = []
        for _ in 0..<7 { texts.append(try readString()) }
        let stored = Hash256(bytes: try readRaw(count: 32))
        let record = DecisionRecord(
            clientIDs: ids, model: texts[0], version: texts[1], inputsDigest: texts[2], inputs: texts[3],
            output: texts[4], rationale: texts[5], confidence: texts[6])
        return (record, stored)
    }
}
