// `arena-bench <engine|strategy|sandbox|audit> [options]`: the benchmarks behind docs/PERFORMANCE.md.
// Build in release: `swift build -c release --product arena-bench`.
let arguments = Array(CommandLine.arguments.dropFirst())
let rest = Array(arguments.dropFirst())
switch arguments.first {
case "engine": EngineBench.run(arguments: rest)
case "strategy": StrategyBench.run(arguments: rest)
case "sandbox": SandboxBench.run(arguments: rest)
case "audit": AuditBench.run(arguments: rest)
default:
    print("usage: arena-bench <engine|strategy|sandbox|audit> [options]   (see docs/PERFORMANCE.md)")
}
