/// A rough token count (4 UTF-8 bytes per token, rounded up) for budget checks before a call
/// and for endpoints that report no usage.
public enum TokenEstimate {
    /// Estimated tokens of `text`.
    public static func of(_ text: String) -> Int {
        (text.utf8.count + 3) / 4
    }
}
