import ArgumentParser
import FactStore
import Foundation
import SystemPackage
import TariffwatchDaemon

/// Where the state is: `--state-dir`, else the configuration's `state.directory`.
struct StateLocation: ParsableArguments {
    @Option(name: .customLong("state-dir"), help: "The state directory (default: from the configuration, else ./state).")
    var stateDir: String?
    @Option(help: "The YAML configuration file.") var config: String?

    func directory() async throws -> FilePath {
        if let stateDir { return FilePath(stateDir) }
        return try await Settings.load(file: config.map { FilePath($0) }).stateDirectory
    }
}

struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Counts from the state: files processed and rejected, facts, alerts delivered and pending.")

    @OptionGroup var location: StateLocation
    @Flag(help: "Print one JSON object.") var json = false

    func run() async throws {
        let counts = try StateQueries(directory: try await location.directory()).counts()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(counts), as: UTF8.self))
        } else {
            print("files processed:  \(counts.filesProcessed)")
            print("files rejected:   \(counts.filesRejected)")
            print("facts:            \(counts.facts)")
            print("alerts delivered: \(counts.alertsDelivered)")
            print("alerts pending:   \(counts.alertsPending)")
        }
    }
}

struct Facts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the facts in the state: deadlines and tariff changes with their source counts.")

    @OptionGroup var location: StateLocation
    @Flag(help: "Only deadlines and tariff changes dated today or later.") var upcoming = false
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let queries = try StateQueries(directory: try await location.directory())
        let facts = try queries.facts(upcomingOnOrAfter: upcoming ? StateQueries.today : nil)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            print(String(decoding: try encoder.encode(facts), as: UTF8.self))
        } else {
            for fact in facts { print(fact.line) }
            if facts.isEmpty { print("no facts") }
        }
    }
}

struct CheckConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config", abstract: "Validate the configuration file and environment; print the result.")

    @Option(help: "The YAML configuration file.") var config: String?

    func run() async throws {
        do {
            let settings = try await Settings.load(file: config.map { FilePath($0) })
            print(settings.summary)
            print("configuration OK")
        } catch {
            FileHandle.standardError.write(Data("tariffwatch: configuration error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
