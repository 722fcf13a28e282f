import Synchronization

/// The last few built replays, by run and transcript digest (a rerun stores a new transcript,
/// so its replay is built again). A published transcript never changes: opening a popular run
/// costs one build.
final class ReplayCache: Sendable {
    private struct Entry {
        var key: String
        var document: ReplayDocument
    }

    private let capacity: Int
    private let entries = Mutex<[Entry]>([])

    init(capacity: Int = 8) {
        self.capacity = max(1, capacity)
    }

    func document(for key: String) -> ReplayDocument? {
        entries.withLock { entries in
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
            let entry = entries.remove(at: index)
            entries.append(entry)
            return entry.document
        }
    }

    func store(_ document: ReplayDocument, for key: String) {
        entries.withLock { entries in
            entries.removeAll { $0.key == key }
            entries.append(Entry(key: key, document: document))
            if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        }
    }
}
