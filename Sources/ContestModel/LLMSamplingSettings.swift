/// The sampling parameters the contest fixes for every request (bots cannot change them).
/// Decimals are strings, like every amount in a contest definition.
public struct LLMSamplingSettings: Codable, Sendable, Hashable {
    /// `temperature` sent to the endpoint (decimal string, e.g. "0").
    public var temperature: String
    /// `top_p` (decimal string).
    public var topP: String
    /// `seed`, for endpoints that support reproducible sampling; nil = not sent.
    public var seed: Int?

    /// Greedy defaults: temperature 0, top_p 1, no seed.
    public init(temperature: String = "0", topP: String = "1", seed: Int? = nil) {
        self.temperature = temperature
        self.topP = topP
        self.seed = seed
    }

    enum CodingKeys: String, CodingKey {
        case temperature, seed
        case topP = "top_p"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        temperature = try c.decodeIfPresent(String.self, forKey: .temperature) ?? "0"
        topP = try c.decodeIfPresent(String.self, forKey: .topP) ?? "1"
        seed = try c.decodeIfPresent(Int.self, forKey: .seed)
    }
}
