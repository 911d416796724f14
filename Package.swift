// swift-tools-version: 6.1
import PackageDescription

import class Foundation.ProcessInfo

let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "switchboard", targets: ["switchboard"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        .systemLibrary(name: "CWidth", path: "Sources/CWidth"),
        // Width and sanitising of untrusted text, for the console and the headless commands alike (no ncurses).
        .target(name: "SwitchboardText", dependencies: ["CWidth"]),
        .target(
            name: "SwitchboardEngine",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Every format the commands write: JSON, CSV, summaries, progress lines, the pending table.
        .target(name: "SwitchboardOutput", dependencies: ["SwitchboardEngine", "SwitchboardText"]),
        .target(
            name: "SwitchboardSimulator",
            dependencies: [
                "SwitchboardEngine",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "SwitchboardConsole",
            dependencies: [
                "CNCurses", "SwitchboardEngine", "SwitchboardOutput", "SwitchboardText",
                .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .executableTarget(
            name: "switchboard",
            dependencies: [
                "SwitchboardEngine",
                "SwitchboardSimulator",
                "SwitchboardConsole",
                "SwitchboardOutput",
                "SwitchboardText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["VersionStamp"]
        ),
        // The fuzz harnesses: the properties Fuzz/run.sh's libFuzzer targets check, replayed by `swift test`.
        .target(
            name: "SwitchboardFuzzHarnesses",
            dependencies: ["SwitchboardEngine", "SwitchboardConsole", "SwitchboardText"],
            path: "Fuzz/Harnesses"
        ),
        // `git describe` at build time, for `switchboard --version` (SwitchboardVersion.swift).
        .plugin(name: "VersionStamp", capability: .buildTool()),
        // A real PostgreSQL for the tests that need one (the store suite, the CLI races).
        .target(
            name: "SwitchboardTestSupport",
            dependencies: [
                "SwitchboardEngine", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/SwitchboardTestSupport"
        ),
        .testTarget(
            name: "SwitchboardEngineTests",
            dependencies: [
                "SwitchboardEngine", "SwitchboardFuzzHarnesses", "SwitchboardTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "SwitchboardSimulatorTests",
            dependencies: [
                "SwitchboardEngine", "SwitchboardSimulator", "SwitchboardTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .testTarget(
            name: "SwitchboardConsoleTests",
            dependencies: [
                "SwitchboardConsole", "SwitchboardFuzzHarnesses", "SwitchboardOutput", "SwitchboardText",
                "SwitchboardTestSupport",
            ]
        ),
        .testTarget(name: "SwitchboardOutputTests", dependencies: ["SwitchboardOutput", "SwitchboardEngine"]),
        .testTarget(
            name: "SwitchboardCLITests",
            dependencies: [
                "switchboard", "SwitchboardSimulator", "SwitchboardEngine", "SwitchboardConsole",
                "SwitchboardOutput", "SwitchboardText", "SwitchboardTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Benchmarks (ordo-one/benchmark) are built only when asked for, so `swift build` and CI stay fast:
//   SWITCHBOARD_BENCHMARKS=1 swift package --scratch-path .build-benchmarks benchmark --target ConsoleBenchmarks
if ProcessInfo.processInfo.environment["SWITCHBOARD_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]))
    package.targets.append(
        .executableTarget(
            name: "ConsoleBenchmarks",
            dependencies: [
                "SwitchboardConsole", "SwitchboardEngine", "SwitchboardText", .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ConsoleBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ))
}
