/// Versioning of the bot protocol.
///
/// The host announces `current` in `hello`. Additive changes (new optional fields, new event
/// kinds) keep the version; anything a v1 bot could misread bumps it. Bots must ignore unknown
/// fields.
public enum ProtocolVersion {
    /// The protocol version this host speaks.
    public static let current = 1
}
