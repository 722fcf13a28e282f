/// The key=value lines the helper writes on its status pipe (see Sources/CSandboxHelper/main.c).
struct HelperStatus {
    var exitCode: Int32?
    var signal: Int32?
    var killed = false
    var cpuMilliseconds: Int?
    var oomKills = 0
    var memoryPeakBytes: Int?
    var pidsLimitHits = 0
    var errors: [String] = []
    var done = false

    mutating func parse(_ text: String) {
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else {
                if line == "done" { done = true }
                continue
            }
            let key = line[..<equals]
            let value = String(line[line.index(after: equals)...])
            switch key {
            case "exit": exitCode = Int32(value)
            case "signal": signal = Int32(value)
            case "killed": killed = true
            case "cpu_ms": cpuMilliseconds = Int(value)
            case "oom_kills": oomKills = Int(value) ?? 0
            case "mem_peak": memoryPeakBytes = Int(value)
            case "pids_max_hits": pidsLimitHits = Int(value) ?? 0
            case "error": errors.append(value)
            default: break
            }
        }
    }

    var exitStatus: ExitStatus {
        if let exitCode { return .exited(exitCode) }
        if let signal { return .signaled(signal) }
        return killed ? .killed : .unknown
    }

    /// The fault a worker that ended on its own gets, judged from how it ended.
    func faultReason(cpuSecondsLimit: Int) -> FaultReason {
        if !errors.isEmpty, exitCode == nil, signal == nil {
            return FaultReason(code: FaultReason.startFailed, detail: errors.joined(separator: "; "))
        }
        if oomKills > 0 {
            return FaultReason(code: FaultReason.memoryLimit, detail: "killed by the memory limit (\(describe))")
        }
        if signal == 24 || (signal == 9 && (cpuMilliseconds ?? 0) >= cpuSecondsLimit * 1000) {
            return FaultReason(code: FaultReason.cpuLimit, detail: "CPU time limit exceeded (\(describe))")
        }
        if exitCode == 126 || exitCode == 125, !errors.isEmpty {
            return FaultReason(code: FaultReason.startFailed, detail: errors.joined(separator: "; "))
        }
        return FaultReason(code: FaultReason.crashed, detail: describe)
    }

    var describe: String {
        if let exitCode { return "exited with status \(exitCode)" }
        if let signal { return "killed by signal \(signal)" }
        return "ended"
    }
}
