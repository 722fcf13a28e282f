/// Sandbox and worker benchmark (see docs/PERFORMANCE.md, "Sandbox and workers").
enum SandboxBench {
    /// Entry point: `arena-bench sandbox [options]`.
    static func run(arguments: [String]) {
        print("sandbox bench: not implemented yet")
    }
}
