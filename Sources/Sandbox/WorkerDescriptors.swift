/// The host ends of a worker's pipes.
struct WorkerDescriptors {
    var stdin: Int32
    var stdout: Int32
    var stderr: Int32
    var status: Int32
    var lifeline: Int32
}
