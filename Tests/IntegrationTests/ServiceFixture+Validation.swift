import Storage

@testable import JobRunner

extension ServiceFixture {
    /// Plays the queued validation episodes, as a runner would, and nothing else: stops at the
    /// first job of another kind (handed back untouched). For tests that drive the queue step by
    /// step after the submissions passed validation.
    func validatePending(owner: String = "validator") async throws {
        let configuration = runner(owner: owner).configuration
        while let job = try await store.claimJob(owner: owner, lease: .seconds(30)) {
            guard job.kind == .validate else {
                try await store.releaseJob(jobId: job.id, owner: owner)
                return
            }
            try await ValidationJob(store: store, configuration: configuration, logger: logger)
                .execute(job, stop: StopFlag())
        }
    }
}
