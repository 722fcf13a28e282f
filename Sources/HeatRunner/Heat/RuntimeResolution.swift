import AuditLog
import ContestModel
import Sandbox

/// The runtimes of a heat's bots on this host: for each `python-*` bot the installed runtime
/// (`RuntimeEnvironment`, from `Deployment/runtimes/build.sh`), checked against the contest's
/// pinned lock hash, and every member's runtime identity for the transcript header.
///
/// A runtime that is not installed, or whose lock hash differs from the one the contest pins,
/// fails the heat (`HeatError.Code.sandbox`): the run never silently uses other packages.
struct RuntimeResolution {
    /// Installed runtimes by slot (only `python-*` bots have one).
    var environments: [Int: RuntimeEnvironment] = [:]
    /// Each member's runtime name and lock hash, by slot order.
    var identities: [MemberRuntime] = []
    /// The runtime names of the bots that run.
    var names: Set<String> = []

    init(entries: [HeatSpec.Entry], contest: ContestDefinition, directory: String) throws(HeatError) {
        var cache: [String: RuntimeEnvironment] = [:]
        let settings = contest.runtimeSettings
        for entry in entries.sorted(by: { $0.slot < $1.slot }) {
            guard entry.preparationFault == nil else {
                identities.append(MemberRuntime(slot: UInt32(entry.slot), name: entry.runtimeName))
                continue
            }
            names.insert(entry.runtimeName)
            guard entry.runtime == .python, entry.runtimeName != "python" else {
                identities.append(MemberRuntime(slot: UInt32(entry.slot), name: entry.runtimeName))
                continue
            }
            let environment: RuntimeEnvironment
            if let known = cache[entry.runtimeName] {
                environment = known
            } else {
                do {
                    environment = try RuntimeEnvironment.load(name: entry.runtimeName, directory: directory)
                } catch {
                    throw HeatError(.sandbox, "runtime \(entry.runtimeName) of \(entry.label): \(error.detail)")
                }
                if let pinned = settings.limits[entry.runtimeName]?.lockSHA256, pinned != environment.lockSHA256 {
                    throw HeatError(
                        .sandbox,
                        "runtime \(entry.runtimeName) on this host was built from lock sha256 "
                            + "\(environment.lockSHA256), but the contest declares \(pinned): rebuild it with "
                            + "Deployment/runtimes/build.sh \(entry.runtimeName) from the contest's lock file")
                }
                cache[entry.runtimeName] = environment
            }
            environments[entry.slot] = environment
            identities.append(
                MemberRuntime(slot: UInt32(entry.slot), name: entry.runtimeName, lockSHA256: environment.lockSHA256))
        }
    }

    /// Raises the heat's memory and first-reply deadline to the largest its runtimes need
    /// (`runtimes.<name>.memory_mib` / `first_tick_deadline_ms`; larger defaults for `python-*`).
    func apply(to configuration: inout SandboxConfiguration, contest: ContestDefinition) {
        let settings = contest.runtimeSettings
        for name in names {
            let limits = settings.limits(for: name, base: contest.limits)
            if let memory = limits.memoryMiB, memory > configuration.limits.memoryMiB {
                configuration.limits.memoryMiB = memory
            }
            if let deadline = limits.firstTickDeadlineMilliseconds,
                Duration.milliseconds(deadline) > configuration.firstTickDeadline
            {
                configuration.firstTickDeadline = .milliseconds(deadline)
            }
        }
    }
}
