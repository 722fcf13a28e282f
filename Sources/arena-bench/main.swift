// `arena-bench <engine|strategy|sandbox|audit|integrity|heat> [options]`: the benchmarks behind docs/PERFORMANCE.md.
// Build in release: `swift build -c release --product arena-bench`.
let arguments = Array(CommandLine.arguments.dropFirst())
let rest = Array(arguments.dropFirst())
switch arguments.first {
case "engine": EngineBench.run(arguments: rest)
case "strategy": StrategyBench.run(arguments: rest)
case "sandbox": SandboxBench.run(arguments: rest)
case "audit": AuditBench.run(arguments: rest)
case "integrity": IntegrityBench.run(arguments: rest)
case "replay": ReplayBench.run(arguments: rest)
case "heat": HeatBench.run(arguments: rest)
default:
    print("usage: arena-bench <engine|strategy|sandbox|audit|integrity|heat> [options]   (see docs/PERFORMANCE.md)")
}
