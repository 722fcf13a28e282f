/// A sample team's submission in the demo, with the team token that can read its status.
struct DemoSubmission: Sendable {
    var id: Int64
    var token: String
    var status: String
}
