import HTTPTypes
import Storage

extension APIError {
    /// The API answer for a refusal of the database (migration 0005's lifecycle and sealing
    /// rules), or nil when `error` is not one.
    init?(refusal error: StorageError) {
        switch error.code {
        case .contestClosed: self.init(.conflict, code: "contest_closed", error.message)
        case .evaluationInProgress: self.init(.conflict, code: "evaluation_in_progress", error.message)
        case .nothingToPublish: self.init(.conflict, code: "nothing_to_publish", error.message)
        case .reasonRequired: self.init(.badRequest, code: "reason_required", error.message)
        case .sealed: self.init(.conflict, code: "sealed", error.message)
        default: return nil
        }
    }
}
