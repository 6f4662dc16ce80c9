// swift-tools-version: 6.2
import PackageDescription

/// Every target is Swift 6 language mode with the upcoming features our style guide asks for.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let serviceLifecycle = Target.Dependency.product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let serviceLifecycleTestKit = Target.Dependency.product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle")
let unixSignals = Target.Dependency.product(name: "UnixSignals", package: "swift-service-lifecycle")
let systemPackage = Target.Dependency.product(name: "SystemPackage", package: "swift-system")
let configuration = Target.Dependency.product(name: "Configuration", package: "swift-configuration")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let grdbSQLite = Target.Dependency.product(name: "GRDBSQLite", package: "GRDB.swift")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let compressNIO = Target.Dependency.product(name: "CompressNIO", package: "compress-nio")
let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioPosix = Target.Dependency.product(name: "NIOPosix", package: "swift-nio")
let nioExtras = Target.Dependency.product(name: "NIOExtras", package: "swift-nio-extras")
let yams = Target.Dependency.product(name: "Yams", package: "Yams")

let package = Package(
    name: "tariffwatch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tariffwatch", targets: ["tariffwatch"]),
        .executable(name: "extraction-benchmark", targets: ["ExtractionBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(
            url: "https://github.com/apple/swift-configuration",
            from: "1.4.0",
            traits: [.defaults, "YAML"]
        ),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        // Already in the graph through swift-configuration's YAML trait; used directly for line numbers.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries opened with dlopen when first needed (`dlopen`/`dlsym` wrapped once), not linked.
        .target(name: "SharedLibraries", swiftSettings: strictSettings),
        // C: the function types of libsystemd, not linked: `Systemd` loads it when the daemon first talks to
        // systemd, so `tariffwatch extract` maps neither it nor the six libraries under it.
        .systemLibrary(name: "CSystemd"),
        // Thin safe layer over libsystemd: journal send, sd_notify, watchdog, listen fds; the service manager's
        // signals (SIGTERM, SIGHUP) read without libdispatch.
        .target(
            name: "Systemd", dependencies: ["CSystemd", "SharedLibraries", systemPackage, logging, serviceLifecycle],
            swiftSettings: strictSettings),
        // C: the types and function types of libxml2 (HTML pages, RSS/Atom), not linked: ArticleFormats
        // loads it with dlopen when the first page or feed arrives, so `extract` on text maps neither it nor ICU.
        .systemLibrary(name: "CLibXML2"),
        // C: the function types of poppler-glib (PDF) and GMime (e-mail), not linked: ArticleFormats
        // loads them with dlopen when the first PDF or e-mail arrives, so an idle daemon maps neither.
        .systemLibrary(name: "CGLibFormats"),
        // C: the address of the Swift runtime's global-executor hook, where the runtime is linked statically.
        .systemLibrary(name: "CConcurrencyHook"),
        // C: Linux file calls Swift's Glibc module does not declare (renameat2, for the feed's atomic swap).
        .systemLibrary(name: "CFileCalls"),
        // Articles as they arrive: format detection, text decoding, HTML, e-mail, JSON, feeds and PDF to
        // plain text with title, URL and publication date.
        .target(
            name: "ArticleFormats",
            dependencies: ["CLibXML2", "CGLibFormats", "SharedLibraries", "TariffExtraction"],
            swiftSettings: strictSettings
        ),
        // The engine's largest word tables, computed when the code was written (`make word-tables`).
        // (DWARF 4 like the Swift modules' debug information: valgrind 3.19, which the speed scripts run, cannot read
        // clang's default DWARF 5 and gives up on the whole binary)
        .target(name: "CWordTables", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        // The pure extraction engine: UTF-8 text in, deadlines and tariff changes out. No I/O, no Glibc.
        .target(name: "TariffExtraction", dependencies: ["CWordTables"], swiftSettings: strictSettings),
        // inotify folder watching and safe reading of the files that land there.
        .target(name: "ArticleWatcher", dependencies: ["ArticleFormats", systemPackage, logging], swiftSettings: strictSettings),
        // C: an SQLite VFS over the default one that writes a transaction's WAL frames in one write.
        .target(name: "CWALFrameBatching", dependencies: [grdbSQLite], cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        // SQLite state: files seen, merged facts with their sources, the alert outbox.
        .target(
            name: "FactStore", dependencies: ["TariffExtraction", "CWALFrameBatching", grdb, grdbSQLite],
            swiftSettings: strictSettings),
        // How alerts read: one set of words for the journal, the feed and the calendar. Pure.
        .target(name: "AlertWording", dependencies: ["FactStore", "TariffExtraction"], swiftSettings: strictSettings),
        // Where alerts go: the systemd journal and the JSON Feed file.
        .target(
            name: "AlertDelivery",
            dependencies: ["FactStore", "AlertWording", "Systemd", "CFileCalls", systemPackage, logging],
            swiftSettings: strictSettings
        ),
        // The daemon's parts wired together: settings, services, the processing pipeline.
        .target(
            name: "TariffwatchDaemon",
            dependencies: [
                "TariffExtraction", "ArticleWatcher", "FactStore", "AlertWording", "AlertDelivery", "Systemd",
                configuration, serviceLifecycle, unixSignals, logging, systemPackage, yams, nioCore, nioPosix,
            ],
            swiftSettings: strictSettings
        ),
        // `tariffwatch serve`: the feed and a deadline calendar over HTTP (Hummingbird), read-only on the state.
        .target(
            name: "FeedServer",
            dependencies: [
                "FactStore", "AlertWording", "TariffExtraction", "Systemd", hummingbird, compressNIO, nioCore, nioPosix, nioExtras,
                serviceLifecycle, unixSignals, logging, systemPackage,
            ],
            swiftSettings: strictSettings
        ),
        // The command line only: parses arguments and calls into TariffwatchDaemon.
        .executableTarget(
            name: "tariffwatch",
            dependencies: [
                "TariffwatchDaemon", "ArticleWatcher", "FeedServer", "TariffExtraction", "FactStore", "Systemd", argumentParser, logging,
                nioCore, nioPosix, "CConcurrencyHook",
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ExtractionBenchmark",
            dependencies: ["TariffExtraction", "ArticleFormats"],
            swiftSettings: strictSettings
        ),

        .testTarget(name: "ArticleFormatsTests", dependencies: ["ArticleFormats", "SharedLibraries"], swiftSettings: strictSettings),
        .testTarget(name: "TariffExtractionTests", dependencies: ["TariffExtraction"], swiftSettings: strictSettings),
        .testTarget(name: "ArticleWatcherTests", dependencies: ["ArticleWatcher"], swiftSettings: strictSettings),
        .testTarget(name: "FactStoreTests", dependencies: ["FactStore", grdbSQLite], swiftSettings: strictSettings),
        .testTarget(name: "AlertWordingTests", dependencies: ["AlertWording", "FactStore", "TariffExtraction"], swiftSettings: strictSettings),
        .testTarget(
            name: "AlertDeliveryTests",
            dependencies: ["AlertDelivery", "FactStore"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "SystemdTests", dependencies: ["Systemd", "SharedLibraries"], swiftSettings: strictSettings),
        .testTarget(
            name: "FeedServerTests",
            dependencies: ["FeedServer", "FactStore", "TariffExtraction", serviceLifecycle, logging, nioCore],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TariffwatchDaemonTests",
            dependencies: ["TariffwatchDaemon", "AlertWording", serviceLifecycleTestKit],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "TariffwatchCommandTests", dependencies: ["tariffwatch", argumentParser], swiftSettings: strictSettings),
    ]
)
