import Glibc

/// One leased team uid and the locked descriptor that holds the lease (see `TeamUIDPool`).
final class TeamUIDLease {
    let uid: UInt32
    /// The locked lock file; -1 once closed. Passed to the helper as descriptor 5.
    private(set) var descriptor: Int32

    init(uid: UInt32, descriptor: Int32) {
        self.uid = uid
        self.descriptor = descriptor
    }

    /// Closes this process's descriptor; the lease ends once every copy (the helper's) is closed.
    func close() {
        if descriptor >= 0 {
            Glibc.close(descriptor)
            descriptor = -1
        }
    }

    deinit { close() }
}
