/// Keeps the first and the last `half` bytes of a stream and counts the rest.
struct CappedText {
    let half: Int
    private(set) var total = 0
    private var head: [UInt8] = []
    private var tail: [UInt8] = []

    init(keep: Int) {
        half = max(1, keep / 2)
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        total += bytes.count
        var rest = bytes[...]
        if head.count < half {
            let take = min(half - head.count, rest.count)
            head.append(contentsOf: rest.prefix(take))
            rest = rest.dropFirst(take)
        }
        guard !rest.isEmpty else { return }
        tail.append(contentsOf: rest.suffix(half))
        if tail.count > 2 * half { tail.removeFirst(tail.count - half) }
    }

    /// Head, a marker with the number of bytes left out, and tail, as lossy UTF-8.
    var text: String {
        let trimmedTail = tail.suffix(half)
        let omitted = total - head.count - trimmedTail.count
        var result = String(decoding: head, as: UTF8.self)
        if omitted > 0 { result += "\n[… \(omitted) bytes omitted …]\n" }
        result += String(decoding: trimmedTail, as: UTF8.self)
        return result
    }
}
