import Glibc

/// epoll(7) for the worker group: each descriptor is registered once (at spawn) instead of
/// being put into a `poll` set that is rebuilt and scanned in full on every wait, so a wait
/// costs the ready descriptors only (docs/PERFORMANCE.md, "Sandbox and workers").
///
/// Level-triggered. The Glibc module does not export epoll, so the three calls are looked up
/// once with `dlsym`, like `pipe2` in `SystemCalls`. The descriptor is close-on-exec: no worker
/// inherits it.
final class EventPoll {
    /// One ready descriptor: the token it was registered with and what it is ready for.
    struct Event {
        var token: UInt64
        var events: UInt32
    }

    static let input: UInt32 = 0x001  // EPOLLIN
    static let output: UInt32 = 0x004  // EPOLLOUT

    private typealias Create = @convention(c) (Int32) -> Int32
    private typealias Control = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    private typealias Wait = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32

    private struct Calls {
        let create: Create
        let control: Control
        let wait: Wait
    }

    private static let calls: Calls? = {
        let handle = UnsafeMutableRawPointer(bitPattern: 0)
        guard let create = dlsym(handle, "epoll_create1"), let control = dlsym(handle, "epoll_ctl"),
            let wait = dlsym(handle, "epoll_wait")
        else { return nil }
        return Calls(
            create: unsafeBitCast(create, to: Create.self), control: unsafeBitCast(control, to: Control.self),
            wait: unsafeBitCast(wait, to: Wait.self))
    }()

    // `struct epoll_event` is { uint32_t events; uint64_t data; }, packed on x86-64 only.
    #if arch(x86_64)
        private static let eventSize = 12
        private static let dataOffset = 4
    #else
        private static let eventSize = 16
        private static let dataOffset = 8
    #endif

    private static let add: Int32 = 1  // EPOLL_CTL_ADD
    private static let delete: Int32 = 2  // EPOLL_CTL_DEL
    private static let modify: Int32 = 3  // EPOLL_CTL_MOD

    private let calls: Calls
    private let descriptor: Int32
    private let capacity: Int
    private let buffer: UnsafeMutableRawPointer

    /// A new epoll instance returning at most `capacity` events per wait; nil when the kernel
    /// or the C library has none, or no descriptor is left.
    init?(capacity: Int) {
        guard let calls = Self.calls else { return nil }
        let descriptor = calls.create(O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.calls = calls
        self.descriptor = descriptor
        self.capacity = max(1, capacity)
        buffer = UnsafeMutableRawPointer.allocate(byteCount: self.capacity * Self.eventSize, alignment: 8)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// Watches `fd` for `events`, reported with `token`. False when the kernel refused.
    @discardableResult
    func add(_ fd: Int32, events: UInt32, token: UInt64) -> Bool {
        control(Self.add, fd, events: events, token: token)
    }

    /// Changes what `fd` is watched for.
    @discardableResult
    func modify(_ fd: Int32, events: UInt32, token: UInt64) -> Bool {
        control(Self.modify, fd, events: events, token: token)
    }

    /// Stops watching `fd` (call before closing it: a descriptor duplicated into a child that
    /// has not exec'd yet would otherwise keep the registration alive).
    func remove(_ fd: Int32) {
        _ = calls.control(descriptor, Self.delete, fd, nil)
    }

    /// Waits up to `timeoutMilliseconds` and replaces `events` with the ready descriptors.
    /// Returns their count, or -1 with `errno` set (EINTR included).
    func wait(timeoutMilliseconds: Int32, into events: inout [Event]) -> Int32 {
        events.removeAll(keepingCapacity: true)
        let count = calls.wait(descriptor, buffer, Int32(capacity), timeoutMilliseconds)
        guard count > 0 else { return count }
        for index in 0..<Int(count) {
            let offset = index * Self.eventSize
            events.append(
                Event(
                    token: buffer.loadUnaligned(fromByteOffset: offset + Self.dataOffset, as: UInt64.self),
                    events: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        }
        return count
    }

    private func control(_ operation: Int32, _ fd: Int32, events: UInt32, token: UInt64) -> Bool {
        guard fd >= 0 else { return false }
        var event = (UInt64(0), UInt64(0))
        return withUnsafeMutableBytes(of: &event) { bytes in
            bytes.storeBytes(of: events, toByteOffset: 0, as: UInt32.self)
            bytes.storeBytes(of: token, toByteOffset: Self.dataOffset, as: UInt64.self)
            return calls.control(descriptor, operation, fd, bytes.baseAddress) == 0
        }
    }
}
