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

    /// Deadlines whose last day is on or after `day`, soonest first, with their evidence and source, unless the state
    /// is still at `known` (then `deadlines` is nil: they are those read at `known`); `version` is nil for a state that
    /// keeps no count (`CalendarVersion`), whose deadlines are then always read. Version and deadlines come from one
    /// snapshot.
    /// - Throws: `FactStoreError` naming the database (missing, unreadable, permission denied).
    public func upcomingDeadlines(
        onOrAfter day: CalendarDate, unlessAt known: CalendarVersion?
    ) throws(FactStoreError) -> (version: CalendarVersion?, deadlines: [DeadlineRecord]?) {
        try open("list upcoming deadlines").upcomingDeadlines(onOrAfter: day, unlessAt: known)
    }

    /// The state's `CalendarVersion` (nil when it keeps none): one row read, which shows the state can be opened and read.
    public func calendarVersion() throws(FactStoreError) -> CalendarVersion? {
        let store = try open("read the state")
        return try store.read("read the state") { db in try CalendarVersion.read(db, epoch: store.epoch) }
    }

    private func open(_ operation: String) throws(FactStoreError) -> FactStore {
        let path = (directory as NSString).appendingPathComponent("tariffwatch.sqlite")
        guard FileManager.default.fileExists(atPath: path) else {
            throw FactStoreError(path: path, operation: operation, underlying: "no state database here yet (has the daemon run?)")
        }
        return try FactStore(directory: directory, readOnly: true)
    }
}

extension FactStore {
    /// Deadlines that alert and whose last day is on or after `day`, soonest first.
    /// Past, historical and filtered facts are stored but never shown.
    public func upcomingDeadlines(onOrAfter day: CalendarDate) throws(FactStoreError) -> [DeadlineRecord] {
        try upcomingDeadlines(onOrAfter: day, unlessAt: nil).deadlines ?? []
    }

    /// `StateReader.upcomingDeadlines(onOrAfter:unlessAt:)` on this store.
    public func upcomingDeadlines(
        onOrAfter day: CalendarDate, unlessAt known: CalendarVersion?
    ) throws(FactStoreError) -> (version: CalendarVersion?, deadlines: [DeadlineRecord]?) {
        try read("list upcoming deadlines") { db in
            let version = try CalendarVersion.read(db, epoch: epoch)
            if let version, version == known { return (version, nil) }
            // a state that keeps the count has each deadline's last day too (the same migration)
            let upcoming = try Self.alertableDeadlines(db, endingOnOrAfter: version == nil ? nil : day)
                .filter { $0.deadline.days.upperBound >= day }
                .sorted { ($0.deadline.date.firstDay, $0.factID) < ($1.deadline.date.firstDay, $1.factID) }
            return (version, upcoming)
        }
    }

    /// Every deadline fact that alerts, with the sentence and article that gave its current date; only those of the
    /// facts `only` names, when given (each looked up by its key). With `endingOnOrAfter`, of a state at `v12-calendar`
    /// (the daemon's, or one whose `CalendarVersion` was read), only those whose last day is that day or later, by
    /// index, and the few a build older than the column indexed with none: the caller still filters by the value.
    static func alertableDeadlines(_ db: Database, only: Set<String>? = nil, endingOnOrAfter day: CalendarDate? = nil) throws -> [DeadlineRecord] {
        var arguments: [any DatabaseValueConvertible] = []
        if let only { arguments.append(try Self.jsonArray(only)) }
        if let day { arguments.append(day.daysSinceEpoch) }
        // The source is `file` or `file#item`: its article row is (file, '') or (file, item).
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT f.id, f.value, f.source_count, f.created_at, f.updated_at, s.sentence AS evidence, s.path AS source,
                        coalesce(a.title, i.title) AS title, coalesce(a.url, i.url) AS url,
                        coalesce(a.published, i.published) AS published,
                        coalesce(a.reference_date_source, i.reference_date_source) AS reference_date_source,
                        i.item_key AS item
                    FROM facts f LEFT JOIN fact_sources s ON s.id = (
                        SELECT id FROM fact_sources WHERE fact_id = f.id AND relation IN ('origin', 'changes') ORDER BY id DESC LIMIT 1)
                    LEFT JOIN articles a ON a.path = s.path AND a.item_key = ''
                    LEFT JOIN articles i ON a.path IS NULL AND instr(s.path, '#') > 0
                        AND i.path = substr(s.path, 1, instr(s.path, '#') - 1) AND i.item_key = substr(s.path, instr(s.path, '#') + 1)
                    WHERE f.alertable AND f.value LIKE '{"deadline":%'
                    """ + (only == nil ? "" : " AND f.id IN (SELECT value FROM json_each(?))")
                    + (day == nil ? "" : " AND f.id IN (SELECT fact_id FROM deadline_days WHERE last_day >= ? OR last_day IS NULL)")),
            arguments: StatementArguments(arguments))
        return try rows.compactMap { row in
            guard case .deadline(let deadline) = try JSONText.decode(FactValue.self, row["value"]) else { return nil }
            var record = DeadlineRecord(
                factID: row["id"], deadline: deadline, evidence: row["evidence"] ?? "", source: row["source"] ?? "",
                sourceCount: row["source_count"], firstReported: try row.timestamp("created_at"), updated: try row.timestamp("updated_at"))
            if let source: String = row["reference_date_source"] {
                let article = ArticleProvenance(
                    title: row["title"], url: row["url"], published: (row["published"] as String?).flatMap { CalendarDate(iso: $0) },
                    referenceDateSource: source, item: row["item"])
                // As alerts do: a bare text file dated by its mtime has nothing to show beyond its name.
                if article.item != nil || article.title != nil || article.url != nil || article.published != nil || source != "mtime" {
                    record.article = article
                }
            }
            return record
        }
    }
}

/// An upcoming deadline as the calendar and the reminders show it.
public struct DeadlineRecord: Sendable, Hashable {
    public var factID: String
    public var deadline: DeadlineFact
    /// The sentence that stated the current date (the newest origin or change).
    public var evidence: String
    /// The article that stated it: `file` or `file#item`.
    public var source: String
    /// Its title, address and date, where its format gives them (nil for a bare text file, as in alerts).
    public var article: ArticleProvenance?
    public var sourceCount: Int
    /// When the fact was first recorded: reminders are for deadlines known before they fall due.
    public var firstReported: Date
    /// When the fact last changed: a calendar's `DTSTAMP`/`LAST-MODIFIED`, stable between requests.
    public var updated: Date

    public init(
        factID: String, deadline: DeadlineFact, evidence: String, source: String, sourceCount: Int, firstReported: Date,
        updated: Date, article: ArticleProvenance? = nil
    ) {
        self.factID = factID
        self.deadline = deadline
        self.evidence = evidence
        self.source = source
        self.sourceCount = sourceCount
        self.firstReported = firstReported
        self.updated = updated
        self.article = article
    }
}

extension DeadlineFact {
    /// The first day and the last day (inclusive) the deadline covers: a range runs to its end's last
    /// day, a week or month covers all its days.
    public var days: ClosedRange<CalendarDate> { span }
}
