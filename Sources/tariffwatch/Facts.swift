import ArgumentParser
import FactStore
import Foundation
import SystemPackage
import TariffwatchDaemon

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
