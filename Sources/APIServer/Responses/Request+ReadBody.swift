import Hummingbird
import NIOCore

extension Request {
    /// Why a body could not be read.
    enum BodyReadError: Error {
        /// More than the limit.
        case tooLarge
        /// Not complete within the body timeout (a slow or stalled client).
        case timedOut
    }

    /// The whole body, at most `limit` bytes, within `timeout`; the timeout bounds how long a
    /// slow client can hold a handler (and an upload reservation).
    func readBody(upTo limit: Int, timeout: Duration) async throws -> ByteBuffer {
        let body = self.body
        return try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask {
                do {
                    return try await body.collect(upTo: limit)
                } catch is NIOTooManyBytesError {
                    throw BodyReadError.tooLarge
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else { throw BodyReadError.timedOut }
            return buffer
        }
    }
}
