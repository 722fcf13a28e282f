import MarketModel
import Testing

@testable import MarketEngine

/// `OrderIndex` (array window + overflow) against a plain dictionary, including very old resting
/// ids that force the window to spill into the overflow map.
@Suite("Order index")
struct OrderIndexTests {
    @Test func matchesDictionaryModel() {
        var index = OrderIndex()
        var model: [UInt64: Int32] = [:]
        var generator = SeededGenerator(seed: 3, stream: 1)
        var live: [UInt64] = []
        var nextID: UInt64 = 1
        for step in 0..<400_000 {
            if generator.chance(55_000_000) || live.isEmpty {
                nextID += 1 + UInt64(generator.upTo(2))  // some ids never rest
                let slot = Int32(step % 10_000)
                index[nextID] = slot
                model[nextID] = slot
                // Every 500th order rests "forever" (until the very end).
                if step % 500 != 0 { live.append(nextID) }
            } else {
                let pick = Int(generator.upTo(Int64(live.count - 1)))
                let id = live[pick]
                live.swapAt(pick, live.count - 1)
                live.removeLast()
                index[id] = nil
                model[id] = nil
            }
            if step % 997 == 0 {
                #expect(index.count == model.count)
                let probe = UInt64(generator.upTo(Int64(nextID + 5)))
                #expect(index[probe] == model[probe], "id \(probe) at step \(step)")
            }
        }
        for (id, slot) in model.sorted(by: { $0.key < $1.key }) { #expect(index[id] == slot) }
        for (id, _) in model.sorted(by: { $0.key < $1.key }) { index[id] = nil }
        #expect(index.count == 0)
        #expect(index[nextID] == nil)
    }
}
