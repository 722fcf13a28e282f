/// Who runs a command, so that hints name a next step that person can take: a team cannot
/// start the server, an organizer can.
enum Audience: Sendable {
    /// A team (every command except `arena admin …`).
    case team
    /// An organizer (`arena admin …`).
    case organizer
}
