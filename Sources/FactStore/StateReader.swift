public import Foundation
import GRDB
public import TariffExtraction

#if canImport(Glibc)
import Glibc
#endif

/// Read-only access to the state for processes that must never write it (`tariffwatch serve`).
///
/// Opens the database with `SQLITE_OPEN_READONLY` and runs no migration, so it works for a user that
/// may only read the state directory (a member of the `tariffwatch` group, or a unit with
/// `ReadOnlyPaths=`), while the daemon writes. Each call opens and closes its own connection: the
/// daemon may restart, or the state may be replaced, between two requests.
public struct StateReader: Sendable {
    public let path: String

    /// - Parameter directory: the state directory (`state.directory`).
    public init(directory: String) {
        path = (directory as NSString).appendingPathComponent("tariffwatch.sqlite")
    }

    /// Deadlines whose last day is on or after `day`, soonest first, with their evidence and sources.
    /// Only deadlines that alert are listed: past, historical and filtered facts are stored but never shown.
    /// - Throws: `FactStoreError` naming the database (missing, unreadable, permission denied).
    public func upcomingDeadlines(onOrAfter day: CalendarDate) throws(FactStoreError) -> [DeadlineRecord] {
        try read("list upcoming deadlines") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT f.id, f.value, f.source_count, f.created_at, f.updated_at,
                           (SELECT s.sentence FROM fact_sources s WHERE s.fact_id = f.id AND s.relation IN ('origin', 'changes')
                            ORDER BY s.id DESC LIMIT 1) AS evidence,
                           (SELECT s.path FROM fact_sources s WHERE s.fact_id = f.id AND s.relation IN ('origin', 'changes')
                            ORDER BY s.id DESC LIMIT 1) AS source
                    FROM facts f WHERE f.alertable AND f.value LIKE '{"deadline":%'
                    """)
            return try rows.compactMap { row -> DeadlineRecord? in
                guard case .deadline(let deadline) = try JSONText.decode(FactValue.self, row["value"]),
                    deadline.span.upperBound >= day
                else { return nil }
                return DeadlineRecord(
                    factID: row["id"], deadline: deadline, evidence: row["evidence"] ?? "", source: row["source"] ?? "",
                    sourceCount: row["source_count"], firstReported: row["created_at"], updated: row["updated_at"])
            }.sorted { ($0.deadline.date.firstDay, $0.factID) < ($1.deadline.date.firstDay, $1.factID) }
        }
    }

    private func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(FactStoreError) -> T {
        guard FileManager.default.fileExists(atPath: path) else {
            throw FactStoreError(path: path, operation: operation, underlying: "no state database here yet (has the daemon run?)")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        do {
            do {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                defer { try? queue.close() }
                return try queue.read(body)
            } catch let error as DatabaseError
                where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN
            {
                // A WAL database needs its -shm file; with the daemon stopped it is gone and a reader that
                // may not write the folder cannot make it. No -wal file means everything is in the main
                // file and nobody writes it: read that file as immutable.
                guard !FileManager.default.fileExists(atPath: path + "-wal") else { throw error }
                let queue = try DatabaseQueue(path: "file:\(path)?immutable=1", configuration: configuration)
                defer { try? queue.close() }
                return try queue.read(body)
            }
        } catch {
            let reason = access(path, R_OK) != 0 ? "permission denied (\(error))" : "\(error)"
            throw FactStoreError(path: path, operation: operation, underlying: reason)
        }
    }
}

/// An upcoming deadline as the calendar shows it.
public struct DeadlineRecord: Sendable, Hashable {
    public var factID: String
    public var deadline: DeadlineFact
    /// The sentence that stated the current date (the newest origin or change).
    public var evidence: String
    /// The article that stated it.
    public var source: String
    public var sourceCount: Int
    public var firstReported: Date
    /// When the fact last changed: a calendar's `DTSTAMP`/`LAST-MODIFIED`, stable between requests.
    public var updated: Date

    public init(
        factID: String, deadline: DeadlineFact, evidence: String, source: String, sourceCount: Int, firstReported: Date,
        updated: Date
    ) {
        self.factID = factID
        self.deadline = deadline
        self.evidence = evidence
        self.source = source
        self.sourceCount = sourceCount
        self.firstReported = firstReported
        self.updated = updated
    }
}

extension DeadlineFact {
    /// The first day and the last day (inclusive) the deadline covers: a range runs to its end's last
    /// day, a week or month covers all its days.
    public var days: ClosedRange<CalendarDate> { span }
}
