// swift-tools-version: 6.1
import PackageDescription

// Entas: East Java's "four clusters, four strategies" poverty programme as
// message-driven services. See DESIGN notes in README.md and docs/.
/// What each cluster executable links: the shared runtime, and GRDB and Hummingbird for
/// its own records' tables and routes.
let clusterServiceDependencies: [Target.Dependency] = [
    "EntasCluster", "EntasService", "EntasDomain", "EntasStore",
    .product(name: "GRDB", package: "GRDB.swift"),
    .product(name: "Hummingbird", package: "hummingbird"),
]

let package = Package(
    name: "Entas",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "entas-social-aid", targets: ["SocialAid"]),
        .executable(name: "entas-empowerment", targets: ["CommunityEmpowerment"]),
        .executable(name: "entas-umkm", targets: ["Enterprise"]),
        .executable(name: "entas-low-cost", targets: ["LowCostPrograms"]),
        .executable(name: "entas-coordinator", targets: ["Coordinator"]),
        .executable(name: "entas", targets: ["CLI"]),
        .executable(name: "entas-load", targets: ["Load"]),
        .executable(name: "entas-bench", targets: ["Bench"]),
        .library(name: "EntasDomain", targets: ["EntasDomain"]),
        .library(name: "EntasKafka", targets: ["EntasKafka"]),
        .library(name: "EntasStore", targets: ["EntasStore"]),
        .library(name: "EntasService", targets: ["EntasService"]),
        .library(name: "EntasCluster", targets: ["EntasCluster"]),
        .library(name: "EntasAPI", targets: ["EntasAPI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // librdkafka, as Debian ships it (librdkafka-dev). Only EntasKafka imports it.
        .systemLibrary(
            name: "CRdKafka",
            path: "Shared/CRdKafka",
            pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]
        ),
        // The JSON answers of the coordinator's read API (and the household key they name households
        // by): the coordinator writes them, the CLI reads them; one copy.
        .target(name: "EntasAPI", dependencies: ["EntasDomain"], path: "Shared/EntasAPI"),
        // SQLite's process-wide options (`sqlite3_config`, which Swift cannot call): only EntasStore uses it.
        .target(
            name: "CSQLiteSettings", path: "Shared/CSQLiteSettings", linkerSettings: [.linkedLibrary("sqlite3")]),
        // Value types and rules, no I/O.
        .target(
            name: "EntasDomain",
            path: "Shared/EntasDomain",
            resources: [.copy("Resources")]
        ),
        // The only code that touches librdkafka.
        .target(
            name: "EntasKafka",
            dependencies: [
                "CRdKafka",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/EntasKafka"
        ),
        // GRDB: database opening, outbox, inbox, household replica.
        .target(
            name: "EntasStore",
            dependencies: [
                "EntasDomain", "CSQLiteSettings",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the hot path's statements (DirectStatement).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            path: "Shared/EntasStore"
        ),
        // What a service is made of: configuration, outbox relay, subscriptions, lifecycle.
        .target(
            name: "EntasService",
            dependencies: [
                "EntasDomain", "EntasKafka", "EntasStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Shared/EntasService"
        ),
        // The cluster service every agency runs: households, enrolments, commitments, referrals,
        // bulk lines and CSV import, and the extension point for each agency's own records.
        .target(
            name: "EntasCluster",
            dependencies: [
                "EntasAPI", "EntasService", "EntasDomain", "EntasStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Shared/EntasCluster"
        ),
        // One executable per cluster; each differs only in its ClusterDefinition.
        .executableTarget(name: "SocialAid", dependencies: clusterServiceDependencies, path: "Services/SocialAid"),
        .executableTarget(name: "CommunityEmpowerment", dependencies: clusterServiceDependencies, path: "Services/CommunityEmpowerment"),
        .executableTarget(name: "Enterprise", dependencies: clusterServiceDependencies, path: "Services/Enterprise"),
        .executableTarget(name: "LowCostPrograms", dependencies: clusterServiceDependencies, path: "Services/LowCostPrograms"),
        // The coordinator: consensus views over every topic, and its read API.
        .executableTarget(
            name: "Coordinator",
            dependencies: [
                "EntasAPI", "EntasService", "EntasDomain", "EntasStore", "EntasKafka",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Services/Coordinator"
        ),
        // `make load`: a fixed-rate load of registrations and reads against one service process.
        .executableTarget(
            name: "Load",
            dependencies: [
                "EntasDev", "EntasKafka",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/Load"
        ),
        // `make bench`: the benchmark figures, with the C limit and the Python peer beside them.
        .executableTarget(
            name: "Bench",
            dependencies: [
                "EntasKafka", "EntasDomain", "EntasDemo", "EntasDev", "EntasService",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/Bench"
        ),
        // What the test targets share: waiting, temporary folders, quiet loggers.
        .target(
            name: "EntasTestKit",
            dependencies: ["EntasCluster", "EntasDomain", "EntasDev", .product(name: "Logging", package: "swift-log")],
            path: "Tests/EntasTestKit"
        ),
        .testTarget(name: "EntasDomainTests", dependencies: ["EntasDomain"], path: "Tests/EntasDomainTests"),
        .testTarget(name: "EntasDemoTests", dependencies: ["EntasDemo", "EntasDomain"], path: "Tests/EntasDemoTests"),
        .testTarget(name: "EntasKafkaTests", dependencies: ["EntasTestKit", "EntasKafka"], path: "Tests/EntasKafkaTests"),
        .testTarget(
            name: "EntasStoreTests",
            dependencies: ["EntasTestKit", "EntasStore", "EntasDomain", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/EntasStoreTests"
        ),
        .testTarget(
            name: "EntasServiceTests",
            dependencies: [
                "EntasTestKit", "EntasService", "EntasKafka", "EntasStore", "EntasDomain",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/EntasServiceTests"
        ),
        // The deterministic Sumberjambe demo (PPLS 2008 figures) for `entas dev` and `entas seed`.
        .target(name: "EntasDemo", dependencies: ["EntasDomain"], path: "Tools/EntasDemo"),
        // `entas dev`: the whole system on one machine (embedded Kafka, five child processes).
        .target(
            name: "EntasDev",
            dependencies: [
                "EntasService", "EntasDomain", "EntasKafka", "EntasDemo",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tools/EntasDev"
        ),
        // The `entas` CLI: provincial overviews and the other read commands, watch, import, dev.
        .executableTarget(
            name: "CLI",
            dependencies: [
                "EntasAPI", "EntasService", "EntasDomain", "EntasKafka", "EntasDemo", "EntasDev",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/CLI"
        ),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "EntasTestKit", "CLI", "EntasAPI", "EntasCluster", "Coordinator", "EntasService", "EntasKafka", "EntasStore", "EntasDomain",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/CLITests"
        ),
        .testTarget(
            name: "CoordinatorTests",
            dependencies: [
                "EntasTestKit", "Coordinator", "EntasAPI", "EntasService", "EntasKafka", "EntasStore", "EntasDomain",
                // The programme-cycle scenario drives two cluster services' APIs.
                "EntasCluster", "SocialAid", "CommunityEmpowerment",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/CoordinatorTests"
        ),
        // The whole system: `entas dev` and the executables as real child processes.
        .testTarget(
            name: "SystemTests", dependencies: ["EntasTestKit", "EntasDev", "EntasKafka", .product(name: "GRDB", package: "GRDB.swift")], path: "Tests/SystemTests",
            exclude: ["RealBroker/kafka_python_client.py"]),
        .testTarget(
            name: "ClusterServiceTests",
            dependencies: [
                "EntasTestKit", "EntasCluster", "EntasService", "EntasKafka", "EntasStore", "EntasDomain",
                "SocialAid", "CommunityEmpowerment", "Enterprise", "LowCostPrograms",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/ClusterServiceTests"
        ),
        .testTarget(name: "DeployTests", dependencies: ["Coordinator", "EntasCluster", "EntasDev", "EntasService", "EntasDomain"], path: "Tests/DeployTests"),
        // Reliability and security (`make faults`): the real executables as child processes
        // over loopback, an embedded broker in the test process, faults injected from outside.
        .testTarget(
            name: "FaultTests",
            dependencies: [
                "EntasTestKit", "Coordinator", "EntasCluster", "EntasDev", "EntasService", "EntasKafka", "EntasStore", "EntasDomain",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/FaultTests"
        ),
    ]
)
