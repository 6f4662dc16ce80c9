import ArgumentParser
import FactStore
import Foundation
import SystemPackage
import TariffwatchDaemon

struct Facts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "List the facts in the state by date: deadlines and tariff changes with their source counts.")

    @OptionGroup var location: StateLocation
    @Flag(help: "Only deadlines and tariff changes dated today or later.") var upcoming = false
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let queries = try StateQueries(directory: try await location.directory())
        let facts = FactListing.sorted(try queries.facts(upcomingOnOrAfter: upcoming ? StateQueries.today : nil))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            print(String(decoding: try encoder.encode(facts.map(FactListing.Entry.init)), as: UTF8.self))
        } else {
            for fact in facts { print(FactListing.line(fact)) }
            if facts.isEmpty { print("no facts") }
        }
        queries.keepUntilExit()
    }
}
