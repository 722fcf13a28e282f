import HeatRunner
import HeatRunnerTestSupport
import Synchronization
import Testing

@Suite("Cancellation")
struct CancellationTests {
    @Test("shouldStop cancels the heat with HeatError.cancelled and stops the bots")
    func shouldStopCancels() throws {
        let bots = ScriptedWorkers(WorkerScript())
        let polls = Atomic<Int>(0)
        #expect {
            _ = try ScriptedHeat(ticks: 50).run(bots) { polls.add(1, ordering: .relaxed).newValue > 4 }
        } throws: { error in
            (error as? HeatError)?.code == .cancelled
        }
        #expect(bots.observations(of: 0).count == 4, "stopped at the next tick")
        #expect(bots.ends == [:], "the bots were finished, without an end message")
    }
}
