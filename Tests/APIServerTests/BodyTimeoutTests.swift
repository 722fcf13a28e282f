import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Testing

@testable import APIServer

/// A body that does not arrive in time is given up on (`readBody`), so a slow client cannot
/// hold a handler and an upload reservation for ever; a complete body is read whole.
struct BodyTimeoutTests {
    static func request(_ stream: AsyncStream<ByteBuffer>) -> Request {
        Request(
            head: HTTPRequest(method: .post, scheme: "http", authority: "test", path: "/v1/submissions"),
            body: RequestBody(asyncSequence: stream))
    }

    @Test func aStalledBodyTimesOut() async throws {
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream()
        continuation.yield(ByteBuffer(string: "first bytes, then nothing"))
        // The body never ends: without the timeout this read would wait for ever. (No bound on
        // the elapsed time: speed targets live in benchmarks, and a loaded CI machine starves timers.)
        await #expect(throws: Request.BodyReadError.self) {
            _ = try await Self.request(stream).readBody(upTo: 1 << 20, timeout: .milliseconds(200))
        }
        continuation.finish()
    }

    @Test func completeAndOversizedBodies() async throws {
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream()
        continuation.yield(ByteBuffer(string: "hello "))
        continuation.yield(ByteBuffer(string: "world"))
        continuation.finish()
        let body = try await Self.request(stream).readBody(upTo: 1 << 20, timeout: .seconds(5))
        #expect(String(buffer: body) == "hello world")

        let (big, bigContinuation) = AsyncStream<ByteBuffer>.makeStream()
        bigContinuation.yield(ByteBuffer(repeating: 0, count: 2_000))
        bigContinuation.finish()
        do {
            _ = try await Self.request(big).readBody(upTo: 1_000, timeout: .seconds(5))
            Issue.record("an oversized body was read")
        } catch Request.BodyReadError.tooLarge {
        }
    }
}
