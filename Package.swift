// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "PerpArena",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "arena", targets: ["arena"]),
        .executable(name: "arena-server", targets: ["arena-server"]),
        .executable(name: "arena-worker", targets: ["arena-worker"]),
        .executable(name: "arena-sandbox", targets: ["CSandboxHelper"]),
        .executable(name: "arena-echo-bot", targets: ["arena-echo-bot"]),
        .executable(name: "arena-bench", targets: ["arena-bench"]),
        .executable(name: "arena-model-stub", targets: ["arena-model-stub"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // Layer 0: vocabulary
        .target(name: "MarketModel", swiftSettings: swiftSettings),

        // Layer 1: pure
        .target(
            name: "MarketEngine",
            dependencies: [
                "MarketModel", "MarketBackground",
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        // The seeded background market (price processes, house agents): the only floating point
        // of the simulation, driven by MarketEngine through its house-order seam.
        .target(name: "MarketBackground", dependencies: ["MarketModel"], swiftSettings: swiftSettings),
        .target(
            name: "StrategyKit",
            dependencies: ["MarketModel", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MarketScenario",
            dependencies: ["MarketModel", "MarketEngine", "MarketBackground", "ContestModel"],
            swiftSettings: swiftSettings
        ),
        .target(name: "BotProtocol", dependencies: ["MarketModel"], swiftSettings: swiftSettings),
        // A `rules` strategy as a bot (check at hello, one evaluator step per tick, wire
        // translation): the one implementation behind arena-worker and the runner's in-process host.
        .target(
            name: "RulesHost", dependencies: ["MarketModel", "BotProtocol", "StrategyKit"], swiftSettings: swiftSettings
        ),
        .target(name: "Scoring", dependencies: ["MarketModel"], swiftSettings: swiftSettings),
        .target(
            name: "AuditLog",
            dependencies: [
                "MarketModel", "MarketEngine", "Scoring", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CompressNIO", package: "compress-nio"), .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "APIModels", swiftSettings: swiftSettings),
        // Fair-play detectors over transcripts (PnL transfer, wash trading, copying, spoofing).
        .target(
            name: "Integrity",
            dependencies: ["MarketModel", "MarketEngine", "Scoring", "AuditLog", "ContestModel"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ContestModel",
            dependencies: [
                "MarketModel", "MarketEngine", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        // Layer 2: I/O adapters
        .target(
            name: "BundleKit",
            dependencies: [
                "ContestModel", "StrategyKit",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Storage",
            dependencies: [
                "AuditLog",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LocalPostgres",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(name: "ArenaResources", swiftSettings: swiftSettings),
        .executableTarget(
            name: "CSandboxHelper", path: "Sources/CSandboxHelper",
            cSettings: [.unsafeFlags(["-Wall", "-Wextra"])],
            // No Swift code: linking the Swift runtime statically saves ~4 ms per worker start.
            linkerSettings: [.unsafeFlags(["-static-stdlib"])]
        ),
        // Benchmark/test bot (C, unprivileged); static so it runs in a sandbox that mounts only /usr.
        .executableTarget(
            name: "arena-echo-bot", path: "Sources/arena-echo-bot",
            cSettings: [.unsafeFlags(["-Wall", "-Wextra"])],
            linkerSettings: [.unsafeFlags(["-static-stdlib"])]
        ),
        .target(
            name: "Sandbox",
            dependencies: ["BotProtocol", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),

        // The contest's model gateway: budgets, fair scheduling, the OpenAI-compatible client.
        .target(
            name: "ModelGateway",
            dependencies: [
                "BotProtocol", "ContestModel", "AuditLog",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        // Layer 3: services over the adapters
        .target(
            name: "HeatRunner",
            dependencies: [
                "MarketModel", "MarketEngine", "BotProtocol", "Scoring", "AuditLog", "ContestModel", "Sandbox",
                "StrategyKit", "RulesHost", "ModelGateway",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Leaderboard",
            dependencies: [
                "MarketModel", "APIModels", "ContestModel", "Scoring", "Storage",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        // Layer 4: applications (queue consumer, HTTP API)
        .target(
            name: "JobRunner",
            dependencies: [
                "MarketModel", "AuditLog", "ContestModel", "Storage", "Sandbox", "BundleKit", "Scoring",
                "HeatRunner", "Leaderboard", "Integrity",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "APIServer",
            dependencies: [
                "MarketModel", "APIModels", "ContestModel", "Storage", "BundleKit", "Leaderboard", "Integrity",
                "AuditLog", "MarketEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationEssentialsCompat", package: "swift-nio"),
            ],
            resources: [.copy("openapi.json")],
            swiftSettings: swiftSettings
        ),

        // Layer 5: composition roots
        .executableTarget(
            name: "arena",
            dependencies: [
                "MarketModel", "StrategyKit", "APIModels", "AuditLog", "ContestModel", "ArenaResources",
                "HeatRunner", "Sandbox", "Scoring", "MarketScenario", "BundleKit", "Integrity",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "arena-server",
            dependencies: [
                "APIServer", "JobRunner", "HeatRunner", "Storage", "LocalPostgres", "APIModels",
                "ArenaResources", "ContestModel",
                "BundleKit", "Sandbox", "AuditLog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationEssentialsCompat", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // A deterministic OpenAI-compatible model server for development, demos and tests.
        .executableTarget(
            name: "arena-model-stub",
            dependencies: [
                "ModelGateway", "BotProtocol",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "arena-worker",
            dependencies: ["MarketModel", "StrategyKit", "BotProtocol", "RulesHost"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "arena-bench",
            dependencies: [
                "MarketModel", "MarketEngine", "StrategyKit", "StrategyTestSupport", "BotProtocol", "AuditLog",
                "Sandbox",
                "ContestModel", "HeatRunner", "InProcessBots", "Integrity", "APIServer",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // Test support and tests
        // SyntheticMarket: StrategyKit's toy market for its tests and arena-bench (not the engine).
        .target(
            name: "StrategyTestSupport", dependencies: ["StrategyKit", "MarketModel"], swiftSettings: swiftSettings),
        .target(
            name: "TestSupport",
            dependencies: [
                "Storage", "LocalPostgres", "ArenaResources", .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // In-process rules bots as heat Workers (no processes): Integrity tests and arena-bench.
        .target(
            name: "InProcessBots",
            dependencies: ["HeatRunner", "Sandbox", "BotProtocol", "StrategyKit", "MarketModel", "RulesHost"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HeatRunnerTestSupport",
            dependencies: ["HeatRunner", "Sandbox", "BotProtocol", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HeatRunnerTests",
            dependencies: [
                "HeatRunner", "HeatRunnerTestSupport", "AuditLog", "BotProtocol", "ContestModel", "MarketEngine",
                "MarketModel", "Sandbox", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ModelGatewayTests",
            dependencies: [
                "ModelGateway", "HeatRunner", "HeatRunnerTestSupport", "AuditLog", "BotProtocol", "ContestModel",
                "Sandbox", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BundleKitTests",
            dependencies: [
                "BundleKit",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ArenaResourcesTests", dependencies: ["ArenaResources"], swiftSettings: swiftSettings),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "MarketModel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ContestModelTests", dependencies: ["ContestModel", "MarketEngine", "MarketModel"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "IntegrityTests",
            dependencies: [
                "Integrity", "InProcessBots", "AuditLog", "ContestModel", "HeatRunner", "MarketEngine", "MarketModel",
                "Sandbox", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "MarketModelTests", dependencies: ["MarketModel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MarketEngineTests", dependencies: ["MarketModel", "MarketEngine"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MarketBackgroundTests", dependencies: ["MarketModel", "MarketBackground", "MarketEngine"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MarketScenarioTests",
            dependencies: ["MarketScenario"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StrategyKitTests", dependencies: ["StrategyKit", "StrategyTestSupport", "MarketModel"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SandboxTests",
            dependencies: ["Sandbox", "BotProtocol", "MarketModel", .product(name: "Logging", package: "swift-log")],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BotProtocolTests", dependencies: ["BotProtocol", "MarketModel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AuditLogTests",
            dependencies: [
                "AuditLog", "MarketModel", "MarketEngine", "Scoring", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ArenaCLITests",
            dependencies: [
                "TestSupport", "Storage", "APIServer", "JobRunner", "HeatRunner", "BundleKit", "APIModels", "Sandbox",
                "AuditLog",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "APIServerTests",
            dependencies: [
                "APIServer", "APIModels", "BundleKit", "ContestModel", "Leaderboard", "Storage",
                "AuditLog", "MarketEngine", "MarketModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationEssentialsCompat", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "TestSupport", "Storage", "APIServer", "JobRunner", "HeatRunner", "ContestModel", "APIModels",
                "BundleKit",
                "Sandbox", "AuditLog", "MarketModel", "Integrity",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationEssentialsCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
