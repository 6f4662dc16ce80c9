import ArgumentParser
import FactStore
import Foundation
import SystemPackage
import TariffwatchDaemon

struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Counts from the state: files processed and rejected, facts, alerts delivered and pending.")

    @OptionGroup var location: StateLocation
    @Flag(help: "Print one JSON object.") var json = false

    func run() async throws {
        let queries = try StateQueries(directory: try await location.directory())
        let counts = try queries.counts()
        queries.keepUntilExit()
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
