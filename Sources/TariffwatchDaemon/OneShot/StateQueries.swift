public import FactStore
import Foundation
public import SystemPackage
public import TariffExtraction

/// Read-only questions an operator asks of the state while the daemon runs (`status`, `facts`).
public struct StateQueries: Sendable {
    let store: FactStore

    /// Opens the state in `directory` read-only: the daemon may be running and owns the files.
    /// - Throws: `ApplicationError` saying whether the state is missing, not readable, or broken.
    public init(directory: FilePath) throws {
        let database = directory.appending("tariffwatch.sqlite")
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: directory.string, isDirectory: &isDirectory) else {
            throw ApplicationError(what: "no tariffwatch state in \(directory)", reason: "the directory does not exist")
        }
        guard isDirectory.boolValue else {
            throw ApplicationError(what: "no tariffwatch state in \(directory)", reason: "it is not a directory")
        }
        guard files.isReadableFile(atPath: directory.string), files.isExecutableFile(atPath: directory.string) else {
            throw ApplicationError(
                what: "cannot read the state in \(directory)",
                reason: "permission denied (members of the tariffwatch group may read it)")
        }
        guard files.fileExists(atPath: database.string) else {
            throw ApplicationError(
                what: "no tariffwatch state in \(directory)",
                reason: "\(database) does not exist (has the daemon run with this state directory?)")
        }
        guard files.isReadableFile(atPath: database.string) else {
            throw ApplicationError(
                what: "cannot read the state in \(directory)",
                reason: "permission denied on \(database) (members of the tariffwatch group may read it)")
        }
        do {
            store = try FactStore(directory: directory.string, readOnly: true)
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

    /// Keeps the state open until the process exits, for a command about to end (`FactStore.keepUntilExit`).
    public func keepUntilExit() {
        store.keepUntilExit()
    }

    /// Today in UTC, for `facts --upcoming`.
    public static var today: CalendarDate { CalendarDate.today() }
}
