/// `POST /v1/admin/contests/{id}/invites` request: how many single-use invites to issue.
public struct InviteRequest: Codable, Sendable, Equatable {
    public var count: Int

    public init(count: Int) {
        self.count = count
    }
}

/// `POST /v1/admin/contests/{id}/invites` response: the new codes (shown only here, once) and
/// the contest's totals.
public struct InviteBatch: Codable, Sendable, Equatable {
    public var contestId: String
    public var codes: [String]
    public var issued: Int
    public var used: Int

    public init(contestId: String, codes: [String], issued: Int, used: Int) {
        self.contestId = contestId
        self.codes = codes
        self.issued = issued
        self.used = used
    }
}
