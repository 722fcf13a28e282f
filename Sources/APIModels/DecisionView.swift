/// One decision a team's bot attached to its orders in a run, as recorded in the transcript
/// (docs/BOT-PROTOCOL.md, "decision"). Shown to the team in its run report before publication
/// (`arena decisions RUN`); public with the transcript afterwards.
public struct DecisionView: Codable, Sendable, Equatable {
    /// The tick whose reply carried the decision.
    public var tick: Int64
    /// Client ids of the orders the decision is bound to.
    public var clientIds: [UInt64]
    public var model: String
    public var version: String
    public var inputsDigest: String
    public var inputs: String
    public var output: String
    public var rationale: String
    /// Decimal string from 0 to 1, or empty.
    public var confidence: String

    /// Creates a view.
    public init(
        tick: Int64, clientIds: [UInt64], model: String, version: String, inputsDigest: String, inputs: String,
        output: String, rationale: String, confidence: String
    ) {
        self.tick = tick
        self.clientIds = clientIds
        self.model = model
        self.version = version
        self.inputsDigest = inputsDigest
        self.inputs = inputs
        self.output = output
        self.rationale = rationale
        self.confidence = confidence
    }
}
