public import FactStore
import Foundation
public import SystemPackage
public import TariffExtraction

/// Read-only questions an operator asks of the state while the daemon runs (`status`, `facts`).
public struct StateQueries: Sendable {
    let store: FactStore

    /// Opens the state in `directory`.
    /// - Throws: `ApplicationError` when there is no state there yet or it cannot be opened.
    public init(directory: FilePath) throws {
        let database = directory.appending("tariffwatch.sqlite")
        guard FileManager.default.fileExists(atPath: database.string) else {
            throw ApplicationError(what: "no tariffwatch state in \(directory)", reason: "\(database) does not exist")
        }
        do {
            store = try FactStore(directory: directory.string)
        } catch {
            throw ApplicationError(what: "cannot open the state in \(directory)", reason: "\(error)")
        }
    }

    public func counts() throws -> StoreCounts {
        try store.counts()
    }

    public func facts(upcomingOnOrAfter day: CalendarDate?) throws -> [FactSummary] {
        try store.facts(upcomingOnOrAfter: day)
    }

    /// Today in UTC, for `facts --upcoming`.
    public static var today: CalendarDate { CalendarDate.today() }
}
