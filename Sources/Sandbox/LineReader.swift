/// Splits a byte stream into lines of at most `maxLineBytes`, without ever buffering more.
///
/// `discardPartial()` drops an unfinished fragment and the rest of that line when it arrives,
/// so a half reply from a late tick can never glue onto the next one.
struct LineReader {
    enum Item {
        case line([UInt8])
        case tooLong(Int)
    }

    let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var skippingRestOfLine = false

    init(maxLineBytes: Int) {
        self.maxLineBytes = maxLineBytes
        buffer.reserveCapacity(1024)
    }

    /// Whether an unfinished line is buffered.
    var hasPartial: Bool { !buffer.isEmpty }

    mutating func discardPartial() {
        if !buffer.isEmpty {
            buffer.removeAll(keepingCapacity: true)
            skippingRestOfLine = true
        }
    }

    /// Feeds bytes and calls `emit` for every complete line (newline removed, `\r` kept).
    /// Stops early and reports `.tooLong` when a line exceeds the limit.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, emit: (Item) -> Bool) {
        var start = 0
        let count = bytes.count
        while start < count {
            var newline = -1
            var index = start
            while index < count {
                if bytes[index] == 0x0A {
                    newline = index
                    break
                }
                index += 1
            }
            let end = newline >= 0 ? newline : count
            if skippingRestOfLine {
                if newline >= 0 { skippingRestOfLine = false }
                start = end + 1
                continue
            }
            if buffer.count + (end - start) > maxLineBytes {
                _ = emit(.tooLong(buffer.count + end - start))
                buffer.removeAll(keepingCapacity: true)
                return
            }
            if newline < 0 {
                buffer.append(contentsOf: bytes[start..<end])
                return
            }
            let line: [UInt8]
            if buffer.isEmpty {
                line = Array(bytes[start..<end])
            } else {
                buffer.append(contentsOf: bytes[start..<end])
                line = buffer
                buffer.removeAll(keepingCapacity: true)
            }
            start = end + 1
            if !emit(.line(line)) { return }
        }
    }
}
