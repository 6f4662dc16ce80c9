import Foundation
import GRDB
import Testing

@testable import FactStore

/// The WAL of a transaction reaches the file in one write at its commit, and SQLite reads what it wrote
/// whatever the size of the transaction or of its page cache.
@Suite final class WALFrameBatchingTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wal-frames-\(UUID())").path

    init() throws {
        try WALFrameBatching.installation.get()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    private func openPool(_ name: String, cachePages: Int? = nil) throws -> DatabasePool {
        var configuration = Configuration()
        if let cachePages {
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = \(cachePages)") }
        }
        let pool = try DatabasePool(path: "\(directory)/\(name).sqlite", configuration: configuration)
        try pool.write { db in try db.execute(sql: "CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB NOT NULL)") }
        return pool
    }

    private static func body(_ n: Int, bytes: Int) -> Data {
        Data((0..<bytes).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ n) })
    }

    /// Every row as written, seen by a connection of its own, and SQLite's own check of the file.
    private func expectIntact(_ pool: DatabasePool, rows: Int, bytes: Int, salt: Int = 0) throws {
        let samples = [0, rows / 2, rows - 1]
        let (count, bodies, check) = try pool.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rows"),
                try samples.map { try Data.fetchOne(db, sql: "SELECT body FROM rows WHERE id = ?", arguments: [$0]) },
                try String.fetchOne(db, sql: "PRAGMA integrity_check")
            )
        }
        #expect(count == rows)
        #expect(bodies == samples.map { Self.body($0 + salt, bytes: bytes) })
        #expect(check == "ok")
    }

    @Test func aTransactionsFramesReachTheLogInFarFewerWritesThanSQLiteMakes() throws {
        let pool = try openPool("few-writes")
        // Counted on the writer's thread, from before the transaction to after its commit: other suites writing
        // meanwhile in this process count on their own threads.
        let (requested, issued) = try pool.writeWithoutTransaction { db in
            let before = WALFrameBatching.counts
            // About a hundred pages in one commit: two hundred frame writes asked for.
            try db.inTransaction {
                for n in 0..<200 { try db.execute(sql: "INSERT INTO rows VALUES (?, ?)", arguments: [n, Self.body(n, bytes: 2_000)]) }
                return .commit
            }
            let after = WALFrameBatching.counts
            return (after.requested - before.requested, after.issued - before.issued)
        }
        #expect(requested >= 200, "SQLite wrote each frame as a header and a page")
        #expect(issued * 10 < requested, "\(issued) writes reached the file for \(requested) asked for")
        try expectIntact(pool, rows: 200, bytes: 2_000)
    }

    @Test func aTransactionLargerThanWhatIsHeldIsWrittenAsItGoes() throws {
        let pool = try openPool("large")
        // Six megabytes in one commit, past the four held at most.
        try pool.write { db in
            for n in 0..<96 { try db.execute(sql: "INSERT INTO rows VALUES (?, ?)", arguments: [n, Self.body(n, bytes: 64_000)]) }
        }
        try expectIntact(pool, rows: 96, bytes: 64_000)
    }

    @Test func pagesSpilledFromASmallCacheAreReadBackWithinTheTransaction() throws {
        // A ten-page cache spills the transaction's pages to the log before its commit, and reads them back
        // from there when the same rows change again.
        let pool = try openPool("spill", cachePages: 10)
        try pool.write { db in
            for n in 0..<300 { try db.execute(sql: "INSERT INTO rows VALUES (?, ?)", arguments: [n, Self.body(n, bytes: 1_500)]) }
            for n in 0..<300 { try db.execute(sql: "UPDATE rows SET body = ? WHERE id = ?", arguments: [Self.body(n + 7, bytes: 1_500), n]) }
        }
        try expectIntact(pool, rows: 300, bytes: 1_500, salt: 7)
    }

    @Test func aRolledBackTransactionLeavesTheCommittedOnes() throws {
        let pool = try openPool("rollback")
        try pool.write { db in
            for n in 0..<50 { try db.execute(sql: "INSERT INTO rows VALUES (?, ?)", arguments: [n, Self.body(n, bytes: 1_000)]) }
        }
        struct Abandon: Error {}
        #expect(throws: Abandon.self) {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM rows")
                throw Abandon()
            }
        }
        try expectIntact(pool, rows: 50, bytes: 1_000)
        // A later commit after the rollback, and a connection opened afresh (which replays the log), agree.
        try pool.write { db in try db.execute(sql: "INSERT INTO rows VALUES (50, ?)", arguments: [Self.body(50, bytes: 1_000)]) }
        let reopened = try DatabaseQueue(path: "\(directory)/rollback.sqlite")
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rows") } == 51)
    }
}
