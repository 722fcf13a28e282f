import Foundation
import Synchronization

/// The last few built replays, by run and transcript digest (a rerun stores a new transcript,
/// so its replay is built again). A published transcript never changes: opening a popular run
/// costs one build, and — since the encoded body is kept too — no JSON encoding after that.
final class ReplayCache: Sendable {
    /// A built replay and its `GET /v1/runs/{id}/replay` body (the full view).
    struct Built: Sendable {
        var document: ReplayDocument
        var json: Data
    }

    private struct Entry {
        var key: String
        var built: Built
    }

    private let capacity: Int
    private let entries = Mutex<[Entry]>([])

    init(capacity: Int = 8) {
        self.capacity = max(1, capacity)
    }

    func built(for key: String) -> Built? {
        entries.withLock { entries in
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
            let entry = entries.remove(at: index)
            entries.append(entry)
            return entry.built
        }
    }

    func store(_ built: Built, for key: String) {
        entries.withLock { entries in
            entries.removeAll { $0.key == key }
            entries.append(Entry(key: key, built: built))
            if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        }
    }
}
