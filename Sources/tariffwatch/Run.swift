import ArgumentParser
import Logging
import Systemd
import SystemPackage
import TariffwatchDaemon

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon in the foreground (as systemd expects).")

    @Option(help: "The YAML configuration file (default: /etc/tariffwatch/tariffwatch.yaml when it exists).") var config: String?
    @Option(name: .customLong("watch-dir"), help: "The folder to watch (overrides watch.directory).") var watchDir: String?
    @Option(name: .customLong("state-dir"), help: "Where the state database lives (overrides state.directory).") var stateDir: String?
    @Option(help: "The JSON Feed file (overrides feed.path).") var feed: String?

    func run() async throws {
        Heap.limitArenas(to: 2)
        let overrides = SettingsOverrides(watchDirectory: watchDir, stateDirectory: stateDir, feedPath: feed)
        let configFile = Settings.configFile(explicit: config)
        let settings = try await Settings.load(file: configFile, overrides: overrides)
        JournalLogHandler.bootstrap(identifier: "tariffwatch", logLevel: settings.logLevel)
        let logger = Logger(label: "tariffwatch")
        if !EventLoopExecutor.isInstalled {
            logger.warning(
                "Swift concurrency runs on libdispatch: SwiftNIO's event loops could not be installed as its executor, so the idle daemon wakes once a second")
        }
        let application = try Application(settings: settings, configFile: configFile, overrides: overrides, logger: logger)
        try await application.run()
    }
}
