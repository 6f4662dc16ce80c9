import Foundation
import GRDB
import TariffExtraction
import Testing

@testable import FactStore

/// What `tariffwatch serve`'s calendar reads (`StateReader`): the upcoming deadlines by their last day's index, and a
/// version that moves with every change the calendar shows and with nothing else it could skip.
@Suite final class CalendarVersionTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("calendar-version-\(UUID())").path
    let first = CalendarDate(iso: "2026-01-01")!

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The upcoming deadlines read through `deadline_days.last_day` are those every alertable deadline gives, in the
    /// same order, on every day of a state of spans, ranges, weeks and months whose dates the merge moved.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func theIndexedUpcomingDeadlinesAreThoseOfEveryFact(seed: UInt64) throws {
        var random = MergeIndexTests.Generator(state: seed &* 0x9E37_79B9_7F4A_7C15)
        let store = try FactStore(directory: directory)
        for n in 0..<300 {
            let extraction = Extraction(deadlines: (0..<(1 + random.next(2))).map { _ in random.deadline() })
            _ = try store.record(file(n, reference: first.adding(days: n)), extraction: extraction)
        }
        // a fact indexed by a build older than the column has no last day: it is read with the upcoming ones
        try store.write("forget some last days") { db in try db.execute(sql: "UPDATE deadline_days SET last_day = NULL WHERE rowid % 7 = 0") }
        var listed = 0
        for offset in stride(from: -30, through: 960, by: 45) {
            let day = first.adding(days: offset)
            let indexed = try store.upcomingDeadlines(onOrAfter: day)
            let everyFact = try store.read("list every deadline") { db in
                try FactStore.alertableDeadlines(db).filter { $0.deadline.days.upperBound >= day }
                    .sorted { ($0.deadline.date.firstDay, $0.factID) < ($1.deadline.date.firstDay, $1.factID) }
            }
            // (a `Bool`: printed, two lists of records would fill the screen)
            let same = indexed == everyFact
            #expect(same, "on \(day): \(indexed.count) listed by the index, \(everyFact.count) by every fact")
            listed += indexed.count
        }
        #expect(listed > 100)
    }

    /// The statement searches the index: a scan would list the same deadlines, only slower as the state grows.
    @Test func theUpcomingDeadlinesAreFoundByTheirLastDaysIndex() throws {
        let store = try FactStore(directory: directory)
        let plan = try store.read("explain") { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT fact_id FROM deadline_days WHERE last_day >= 20000 OR last_day IS NULL")
                .map { $0["detail"] as String }.joined(separator: "; ")
        }
        #expect(plan.contains("deadline_days_by_end"), "\(plan)")
        #expect(!plan.contains("SCAN deadline_days"), "\(plan)")
    }

    /// Each change the calendar shows moves the version; what it does not show leaves it, so a poll after a tariff
    /// or a rejected file is still answered from the calendar made before.
    @Test func theVersionMovesWithWhatTheCalendarShows() throws {
        let store = try FactStore(directory: directory)
        let today = first
        var known = try #require(try store.upcomingDeadlines(onOrAfter: today, unlessAt: nil).version)
        /// Whether the calendar must be made again: the deadlines are read when the version moved.
        func changed() throws -> Bool {
            let read = try store.upcomingDeadlines(onOrAfter: today, unlessAt: known)
            let version = try #require(read.version)
            #expect((read.deadlines == nil) == (version == known))
            defer { known = version }
            return version != known
        }
        #expect(try !changed())
        _ = try store.record(file(1), extraction: Extraction(deadlines: [deadline("2026-03-10", "steel talks")]))
        #expect(try changed(), "a new deadline")
        _ = try store.record(file(2), extraction: Extraction(deadlines: [deadline("2026-03-10", "steel talks")]))
        #expect(try changed(), "a second report: the event's source count")
        _ = try store.record(file(3), extraction: Extraction(tariffChanges: [
            TariffChange(imposer: "US", target: "CN", ratePct: 25, status: .threatened, text: "25%", sentence: "s", start: 0, end: 1)
        ]))
        #expect(try !changed(), "a tariff")
        try store.recordRejection(path: "/inbox/bad.bin", identity: nil, reason: "binary")
        #expect(try !changed(), "a rejected file")
        _ = try store.record(file(4), extraction: Extraction(deadlines: [deadline("2026-03-12", "steel talks")]))
        #expect(try changed(), "a new date")
        // an item of a feed downloaded again under a new title: only its article row changes
        let item = { (title: String, hash: String) in
            ArticleRecord(
                itemKey: "item-1", contentHash: hash, referenceDate: self.first,
                provenance: ArticleProvenance(title: title, url: "https://example.org/1", published: self.first, referenceDateSource: "published"),
                extraction: Extraction(deadlines: [self.deadline("2026-05-01", "grain review")]))
        }
        _ = try store.record(file(5), articles: [item("Grain review set", "h1")])
        #expect(try changed())
        _ = try store.record(file(5), articles: [item("Grain review set for May", "h2")])
        #expect(try changed(), "a new title of the article an event quotes")
        _ = try store.record(file(5), articles: [item("Grain review set for May", "h2")])
        #expect(try !changed(), "the same item again")
        // the article rows' own trigger, whatever path writes them: what the calendar shows of them, and nothing else
        try store.write("retitle") { db in try db.execute(sql: "UPDATE articles SET title = 'Grain review in May' WHERE item_key = 'item-1'") }
        #expect(try changed(), "an article's title")
        try store.write("touch") { db in try db.execute(sql: "UPDATE articles SET processed_at = '2026-01-02 00:00:00.000'") }
        #expect(try !changed(), "an article's processing time")
        try store.write("forget a source") { db in try db.execute(sql: "DELETE FROM fact_sources WHERE path = '/inbox/4.txt'") }
        #expect(try changed(), "a source removed")
        #expect(try store.upcomingDeadlines(onOrAfter: today).count == 2)
    }

    /// A state made anew starts its count again, under a new epoch: its first version is not the old state's.
    @Test func aStateMadeAnewHasAnotherVersion() throws {
        let old = try #require(try FactStore(directory: directory).upcomingDeadlines(onOrAfter: first, unlessAt: nil).version)
        try FileManager.default.removeItem(atPath: directory)
        let new = try #require(try FactStore(directory: directory).upcomingDeadlines(onOrAfter: first, unlessAt: nil).version)
        #expect(old.changes == new.changes && old != new)
    }

    /// A state the daemon has not upgraded keeps no count: no version, and its deadlines are read every time, from
    /// every fact (it has no last days either).
    @Test func aStateBeforeTheCountHasNoVersion() throws {
        let path = (directory as NSString).appendingPathComponent("tariffwatch.sqlite")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v11-tariff-sides")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO facts (id, bucket, value, alertable, latest_reference_date, created_at, updated_at)
                    VALUES ('d1', 'deadline:meeting', ?, 1, '2026-01-01', '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')
                    """, arguments: [#"{"deadline":{"date":"2026-03-10","end_date":null,"kind":"meeting","subject":"steel talks"}}"#])
        }
        try queue.close()
        let reader = StateReader(directory: directory)
        #expect(try reader.calendarVersion() == nil)
        let read = try reader.upcomingDeadlines(onOrAfter: first, unlessAt: nil)
        #expect(read.version == nil && read.deadlines?.map(\.factID) == ["d1"])
    }

    func file(_ n: Int, reference: CalendarDate? = nil) -> FileRecord {
        FileRecord(
            path: "/inbox/\(n).txt", device: 1, inode: UInt64(n), size: 1, modificationTimeNanoseconds: 1, contentHash: "\(n)",
            referenceDate: reference ?? first)
    }

    func deadline(_ date: String, _ subject: String) -> Deadline {
        Deadline(
            date: TemporalValue(iso: date)!, kind: .meeting, upcoming: true, subject: subject, text: date,
            sentence: "The \(subject) are on \(date).", start: 0, end: 1)
    }
}
