import ArgumentParser

/// The `tariffwatch` command line; each subcommand only parses arguments and calls TariffwatchDaemon.
@main
struct Tariffwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        // Every command names itself: ArgumentParser otherwise derives each name with `String(describing:)` of
        // the type, run-time conformance searches that were a fifth of a one-file `extract` (callgrind).
        commandName: "tariffwatch",
        abstract: "Watch a folder of news articles and alert on new deadlines and tariff changes.",
        version: tariffwatchVersion,
        subcommands: [Run.self, Serve.self, Extract.self, Status.self, Facts.self, CheckConfig.self]
    )

    /// ArgumentParser's own `main`, except that every async command runs on SwiftNIO's event loops
    /// (`EventLoopExecutor`), installed before the first task is created.
    static func main() async {
        do {
            if let extract = Extract.plainInvocation(Array(CommandLine.arguments.dropFirst())) {
                try extract.run()
                return
            }
            var command = try parseAsRoot()
            if let extract = command as? Extract {
                // `extract` creates no task: installing the loops (NIO's singletons, their type metadata) is not paid.
                // Tested first, by its type: asking whether it conforms to `AsyncParsableCommand` scanned every
                // conformance record of the process (0.7 M instructions, callgrind).
                try extract.run()
            } else if var command = command as? any AsyncParsableCommand {
                _ = EventLoopExecutor.isInstalled  // the first read installs the loops
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
