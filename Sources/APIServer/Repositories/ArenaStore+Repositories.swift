import Leaderboard
import Storage

/// The PostgreSQL store serves every repository of the API.
extension ArenaStore: IdentityRepository {}
extension ArenaStore: ContestRepository {}
extension ArenaStore: TeamRepository {}
extension ArenaStore: SubmissionRepository {}
extension ArenaStore: RunRepository {}
extension ArenaStore: AdminListRepository {}
extension ArenaStore: AuditRepository {}
extension ArenaStore: EvaluationQueue {}
extension ArenaStore: BoardReading {}
extension ArenaStore: IntegrityRepository {}
