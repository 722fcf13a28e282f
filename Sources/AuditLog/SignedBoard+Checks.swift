extension SignedBoard {
    /// Why the board's signature is not acceptable with `trusted` keys, or `nil` when it is.
    public func signatureFailure(trusted: [PublicKeyInfo], pinned: Bool) -> Divergence? {
        guard let entry = trusted.first(where: { $0.keyID == keyID }), let key = entry.key() else {
            let set = trusted.map(\.keyID).joined(separator: ", ")
            return Divergence(
                pinned ? .untrustedKey : .boardInvalid, expected: set, found: keyID,
                message: pinned
                    ? "the board is signed by key \(keyID), which is not in the pinned set (\(set))"
                    : "the board is signed by key \(keyID), which is not a published key")
        }
        guard verify(publicKey: key) else {
            return Divergence(
                .boardInvalid, found: signature,
                message: "the board's Ed25519 signature does not verify with key \(keyID)")
        }
        return nil
    }

    /// Why this version does not properly amend `previous` (the served bytes of the version it
    /// names), or `nil`.
    public func amendmentFailure(previous: [UInt8]) -> Divergence? {
        guard let link = snapshot.amends else { return nil }
        let digest = Hash256.of(previous)
        guard digest == link.sha256 else {
            return Divergence(
                .boardInvalid, expected: link.sha256.hex, found: digest.hex,
                message:
                    "board version \(snapshot.version) amends version \(link.version) with SHA-256 \(link.sha256.hex), but that version's bytes hash to \(digest.hex)"
            )
        }
        guard link.version == snapshot.version - 1, snapshot.reason?.isEmpty == false else {
            return Divergence(
                .boardInvalid,
                message:
                    "board version \(snapshot.version) must amend version \(snapshot.version - 1) and give a reason")
        }
        return nil
    }
}
