/// Why a replay could not be built: `transcript_unreadable` (the transcript does not decode)
/// or `replay_too_large` (past ``ReplayLimits``). Both answer `422`.
struct ReplayError: Error, Sendable {
    var code: String
    var message: String
}
