/// Per-contest limits: per-tick deadlines, worker resources, submission quotas and bundle sizes.
public struct LimitSettings: Codable, Sendable, Hashable {
    public var tickDeadlineMilliseconds: Int = 250
    public var firstTickDeadlineMilliseconds: Int = 3000
    public var maxStrikes: Int = 10
    public var maxActionsPerTick: Int = 20
    public var memoryMiB: Int = 256
    public var pids: Int = 32
    public var cpuSeconds: Int = 60
    public var submissionsPerDay: Int = 20
    public var invalidSubmissionsPerDay: Int = 50
    public var maxInFlight: Int = 2
    public var bundleMaxBytes: Int = 1_048_576
    public var bundleMaxFiles: Int = 64
    public var maxLookback: Int = 500
    public var maxStepsPerTick: Int = 20_000

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case tickDeadlineMilliseconds = "tick_deadline_ms"
        case firstTickDeadlineMilliseconds = "first_tick_deadline_ms"
        case maxStrikes = "max_strikes"
        case maxActionsPerTick = "max_actions_per_tick"
        case memoryMiB = "memory_mib"
        case pids
        case cpuSeconds = "cpu_seconds"
        case submissionsPerDay = "submissions_per_day"
        case invalidSubmissionsPerDay = "invalid_submissions_per_day"
        case maxInFlight = "max_in_flight"
        case bundleMaxBytes = "bundle_max_bytes"
        case bundleMaxFiles = "bundle_max_files"
        case maxLookback = "max_lookback"
        case maxStepsPerTick = "max_steps_per_tick"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func value(_ key: CodingKeys, _ fallback: Int) throws -> Int {
            try c.decodeIfPresent(Int.self, forKey: key) ?? fallback
        }
        let d = LimitSettings()
        tickDeadlineMilliseconds = try value(.tickDeadlineMilliseconds, d.tickDeadlineMilliseconds)
        firstTickDeadlineMilliseconds = try value(.firstTickDeadlineMilliseconds, d.firstTickDeadlineMilliseconds)
        maxStrikes = try value(.maxStrikes, d.maxStrikes)
        maxActionsPerTick = try value(.maxActionsPerTick, d.maxActionsPerTick)
        memoryMiB = try value(.memoryMiB, d.memoryMiB)
        pids = try value(.pids, d.pids)
        cpuSeconds = try value(.cpuSeconds, d.cpuSeconds)
        submissionsPerDay = try value(.submissionsPerDay, d.submissionsPerDay)
        invalidSubmissionsPerDay = try value(.invalidSubmissionsPerDay, d.invalidSubmissionsPerDay)
        maxInFlight = try value(.maxInFlight, d.maxInFlight)
        bundleMaxBytes = try value(.bundleMaxBytes, d.bundleMaxBytes)
        bundleMaxFiles = try value(.bundleMaxFiles, d.bundleMaxFiles)
        maxLookback = try value(.maxLookback, d.maxLookback)
        maxStepsPerTick = try value(.maxStepsPerTick, d.maxStepsPerTick)
    }
}
