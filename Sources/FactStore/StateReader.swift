public import Foundation
import GRDB
public import TariffExtraction

/// Read-only access to the state for a process that must never write it (`tariffwatch serve`).
///
/// Each call opens the database read-only (`FactStore(readOnly:)`: no migration, no `-shm` to create
/// when the daemon is stopped) and closes it again, so the daemon may start, stop or restart between
/// two requests and the next request sees its latest commit.
public struct StateReader: Sendable {
    public let directory: String

    /// - Parameter directory: the state directory (`state.directory`).
    public init(directory: String) {
        self.directory = directory
    }

    /// Deadlines whose last day is on or after `day`, soonest first, with their evidence and source.
    /// - Throws: `FactStoreError` naming the database (missing, unreadable, permission denied).
    public func upcomingDeadlines(onOrAfter day: CalendarDate) throws(FactStoreError) -> [DeadlineRecord] {
        let path = (directory as NSString).appendingPathComponent("tariffwatch.sqlite")
        guard FileManager.default.fileExists(atPath: path) else {
            throw FactStoreError(
                path: path, operation: "list upcoming deadlines", underlying: "no state database here yet (has the daemon run?)")
        }
        return try FactStore(directory: directory, readOnly: true).upcomingDeadlines(onOrAfter: day)
    }
}

extension FactStore {
    /// Deadlines that alert and whose last day is on or after `day`, soonest first.
    /// Past, historical and filtered facts are stored but never shown.
    public func upcomingDeadlines(onOrAfter day: CalendarDate) throws(FactStoreError) -> [DeadlineRecord] {
        try read("list upcoming deadlines") { db in
            try Self.alertableDeadlines(db).filter { $0.deadline.days.upperBound >= day }
                .sorted { ($0.deadline.date.firstDay, $0.factID) < ($1.deadline.date.firstDay, $1.factID) }
        }
    }

    /// Every deadline fact that alerts, with the sentence and article that gave its current date.
    static func alertableDeadlines(_ db: Database) throws -> [DeadlineRecord] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT f.id, f.value, f.source_count, f.created_at, f.updated_at, s.sentence AS evidence, s.path AS source
                FROM facts f LEFT JOIN fact_sources s ON s.id = (
                    SELECT id FROM fact_sources WHERE fact_id = f.id AND relation IN ('origin', 'changes') ORDER BY id DESC LIMIT 1)
                WHERE f.alertable AND f.value LIKE '{"deadline":%'
                """)
        return try rows.compactMap { row in
            guard case .deadline(let deadline) = try JSONText.decode(FactValue.self, row["value"]) else { return nil }
            return DeadlineRecord(
                factID: row["id"], deadline: deadline, evidence: row["evidence"] ?? "", source: row["source"] ?? "",
                sourceCount: row["source_count"], firstReported: row["created_at"], updated: row["updated_at"])
        }
    }
}

/// An upcoming deadline as the calendar and the reminders show it.
public struct DeadlineRecord: Sendable, Hashable {
    public var factID: String
    public var deadline: DeadlineFact
    /// The sentence that stated the current date (the newest origin or change).
    public var evidence: String
    /// The article that stated it.
    public var source: String
    public var sourceCount: Int
    /// When the fact was first recorded: reminders are for deadlines known before they fall due.
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
