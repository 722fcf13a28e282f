import ModelGateway
import Testing

@Suite("Fair scheduling of the endpoint")
struct FairSchedulerTests {
    @Test("a team that queues many requests does not starve another: grants go round-robin by team")
    func roundRobin() async {
        let scheduler = FairScheduler(capacity: 1)
        await scheduler.acquire(slot: 9)  // the endpoint is busy
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<3 {
                group.addTask {
                    await scheduler.acquire(slot: 0)
                    await scheduler.release()
                }
            }
            while await scheduler.queued[0] != 3 { await Task.yield() }
            group.addTask {
                await scheduler.acquire(slot: 1)
                await scheduler.release()
            }
            group.addTask {
                await scheduler.acquire(slot: 2)
                await scheduler.release()
            }
            while await scheduler.queued.values.reduce(0, +) != 5 { await Task.yield() }
            await scheduler.release()
            await group.waitForAll()
        }
        // After team 9: teams 0, 1, 2 each once before team 0's second and third requests.
        #expect(await scheduler.grants == [9, 0, 1, 2, 0, 0])
    }
}
