import ArgumentParser
import FeedServer
import Logging
import Systemd
import SystemPackage
import TariffwatchDaemon

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON Feed and a calendar of upcoming deadlines over HTTP (read-only on the state).",
        discussion: """
            Listens on the socket systemd passes (tariffwatch-http.socket, or \
            systemd-socket-activate -l 127.0.0.1:8723 -- tariffwatch serve), else on --listen. \
            Routes: /feed.json, /deadlines.ics, /healthz.
            """)

    @Option(help: "The YAML configuration file (default: /etc/tariffwatch/tariffwatch.yaml when it exists).") var config: String?
    @Option(name: .customLong("state-dir"), help: "The state directory (overrides state.directory).") var stateDir: String?
    @Option(help: "The JSON Feed file (overrides feed.path).") var feed: String?
    @Option(help: "Bind ADDR:PORT (like 127.0.0.1:8723) instead of taking a socket from systemd.") var listen: String?

    func run() async throws {
        let settings = try await Settings.load(
            file: Settings.configFile(explicit: config), overrides: SettingsOverrides(stateDirectory: stateDir, feedPath: feed))
        JournalLogHandler.bootstrap(identifier: "tariffwatch-http", logLevel: settings.logLevel)
        let logger = Logger(label: "tariffwatch.serve")
        try await FeedHTTPServer(
            listen: try ListenTarget.choose(activated: ServiceManager.listenFileDescriptors(), listen: listen),
            routes: FeedRoutes(
                feedPath: settings.feedPath, stateDirectory: settings.stateDirectory,
                calendar: DeadlineCalendar(remindDays: settings.remindDays)),
            logger: logger
        ).runUntilTerminated()
    }
}
