import ArgumentParser

/// The `tariffwatch` command line; each subcommand only parses arguments and calls TariffwatchDaemon.
@main
struct Tariffwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Watch a folder of news articles and alert on new deadlines and tariff changes.",
        version: tariffwatchVersion,
        subcommands: [Run.self, Serve.self, Extract.self, Status.self, Facts.self, CheckConfig.self]
    )

    /// ArgumentParser's own `main`, except that the daemon and the server get an executor that idles
    /// without a timer (`EventLoopExecutor`). Parsing is synchronous, so the choice is made on the main
    /// thread before the first task exists; the one-shot commands keep the default and start faster.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if command is Run || command is Serve { EventLoopExecutor.install() }
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
