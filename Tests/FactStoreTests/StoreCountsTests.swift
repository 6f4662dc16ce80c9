import Foundation
import GRDB
import Testing
import TariffExtraction

@testable import FactStore

/// `counts()` reads the counts the state's triggers keep: they must stay what counting the tables gives, through
/// every way the store writes (new, corroborated and changed facts, a file processed again, rejections coming
/// and going, delivery to one sink then the other) and raw SQL the store does not use today (a replace, deletes).
@Suite final class StoreCountsTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("storecounts-\(UUID())").path
    let day = CalendarDate(year: 2026, month: 3, day: 2)!

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func file(_ name: String, hash: String) -> FileRecord {
        FileRecord(
            path: "/inbox/\(name)", device: 1, inode: 7, size: 100, modificationTimeNanoseconds: 1, contentHash: hash,
            referenceDate: day)
    }

    private func tariff(_ target: String, _ rate: Double) -> TariffChange {
        TariffChange(
            imposer: "US", target: target, products: [], ratePct: rate, additional: false, status: .threatened,
            effectiveDate: nil, text: "t", sentence: "a sentence about \(rate)", start: 0, end: 1, aggregate: false)
    }

    /// The counts as the tables give them.
    private func counted(_ store: FactStore) throws -> StoreCounts {
        try store.pool.read { db in
            StoreCounts(
                filesProcessed: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM files")!,
                filesRejected: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rejections")!,
                facts: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM facts")!,
                alertsDelivered: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NOT NULL")!,
                alertsPending: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL")!)
        }
    }

    @Test func theKeptCountsAreTheTablesCountsThroughEveryWrite() throws {
        let store = try FactStore(directory: directory)
        var random = SystemRandomNumberGenerator()
        let targets = ["CN", "MX", "CA", "JP", "IN"]
        for round in 0..<120 {
            let name = "f\(Int.random(in: 0..<25, using: &random)).txt"
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<6:
                // A new fact, the same fact again (corroborated) or a new rate (changed), in a new or known file.
                let change = tariff(targets.randomElement(using: &random)!, Double(Int.random(in: 1...4, using: &random) * 25))
                _ = try store.record(file(name, hash: "\(round)"), extraction: Extraction(tariffChanges: [change]))
            case 6..<8:
                try store.recordRejection(path: "/inbox/\(name)", identity: "\(round)", reason: "binary")
            default:
                let pending = try store.pendingAlerts(for: Bool.random(using: &random) ? .journal : .feed, limit: 5)
                if let last = pending.last {
                    _ = try store.markDelivered(through: last.id, to: .journal)
                    if Bool.random(using: &random) { _ = try store.markDelivered(through: last.id, to: .feed) }
                }
            }
            #expect(try store.counts() == (try counted(store)), "round \(round)")
        }
        // Writes the store makes no use of today: a replaced row, deleted rows.
        try store.pool.write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO files (path, device, inode, size, mtime_ns, content_hash, reference_date, processed_at)
                    SELECT path, device, inode, size, mtime_ns, 'replaced', reference_date, processed_at FROM files LIMIT 1
                    """)
            try db.execute(sql: "DELETE FROM rejections")
            try db.execute(sql: "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox ORDER BY id LIMIT 3)")
        }
        #expect(try store.counts() == (try counted(store)))
        let final = try store.counts()
        #expect(final.filesProcessed > 0 && final.facts > 0 && final.alertsDelivered + final.alertsPending > 0)
    }

    /// A state written before the counts were kept gets them from its tables when it is upgraded.
    @Test func anUpgradedStateStartsFromItsTablesCounts() throws {
        do {
            let store = try FactStore(directory: directory)
            _ = try store.record(file("a.txt", hash: "a"), extraction: Extraction(tariffChanges: [tariff("CN", 50), tariff("MX", 25)]))
            try store.recordRejection(path: "/inbox/b.txt", identity: "1", reason: "binary")
            let pending = try store.pendingAlerts(for: .journal, limit: 1)
            try store.markDelivered(pending.map(\.id))
            // As the last version left it: no kept counts, and the migration not yet run.
            try store.pool.write { db in
                try db.execute(sql: "DROP TABLE store_counts")
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v8-store-counts'")
                for trigger in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") {
                    try db.execute(sql: "DROP TRIGGER \(trigger)")
                }
            }
            // A read-only look before the upgrade counts the tables.
            let before = try FactStore(directory: directory, readOnly: true).counts()
            #expect(try before == counted(store))
        }
        let upgraded = try FactStore(directory: directory)
        let counts = try upgraded.counts()
        #expect(try counts == counted(upgraded))
        #expect(counts.filesProcessed == 1 && counts.filesRejected == 1 && counts.alertsDelivered == 1)
    }
}
