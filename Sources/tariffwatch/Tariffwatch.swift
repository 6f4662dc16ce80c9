import ArgumentParser

/// The `tariffwatch` command line; each subcommand only parses arguments and calls TariffwatchDaemon.
@main
struct Tariffwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Watch a folder of news articles and alert on new deadlines and tariff changes.",
        version: tariffwatchVersion,
        subcommands: [Run.self, Serve.self, Extract.self, Status.self, Facts.self, CheckConfig.self]
    )
}
