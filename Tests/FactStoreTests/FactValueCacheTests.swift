import Foundation
import Testing
import TariffExtraction

@testable import FactStore

/// The decoded fact values a store keeps for its life.
extension FactStoreTests {
    @Test func decodedValuesOutliveTheTransactionThatReadThem() throws {
        let store = try FactStore(directory: directory)
        _ = try store.record(file("a.txt"), extraction: Extraction(tariffChanges: [tariff("US", "CN", 100)]))
        #expect(store.factValues.count == 0, "a new fact is written, not decoded")
        // Each file is its own transaction: the second reads the fact, the third finds it decoded.
        _ = try store.record(file("b.txt"), extraction: Extraction(tariffChanges: [tariff("US", "CN", 100)]))
        let afterSecond = store.factValues.count
        #expect(afterSecond >= 1)
        let third = try store.record(file("c.txt"), extraction: Extraction(tariffChanges: [tariff("US", "CN", 125)]))
        #expect(third.map(\.kind) == [.changedTariff], "a cached value still compares like a decoded one")
        #expect(try store.feedItems(limit: 10).first?.sourceCount == 3)
    }

    @Test func aFullCacheStartsAgainAndStillDecodesRight() throws {
        let cache = FactValueCache(capacity: 2)
        let values = [100.0, 25, 50].map { rate in
            FactValue.tariff(TariffFact(imposer: "US", target: "CN", products: [], ratePct: rate, status: .imposed))
        }
        let texts = try values.map { try cache.encode($0) }
        for (text, value) in zip(texts, values) { #expect(try cache.decode(text) == value) }
        #expect(cache.count == 1, "the third value started a fresh cache")
        for (text, value) in zip(texts, values) { #expect(try cache.decode(text) == value) }
    }
}

import GRDB
import GRDBSQLite

extension FactStoreTests {
    /// Every `after` a delivery lane reads from is a bound value: SQL text made from it would be a new
    /// statement in GRDB's per-connection cache each time, kept for the connection's life.
    @Test func readingPendingAlertsAfterManyIdsPreparesOneStatement() throws {
        let store = try FactStore(directory: directory)
        for n in 0..<3 {
            _ = try store.record(file("\(n).txt"), extraction: Extraction(tariffChanges: [tariff("US", "C\(n)", Double(10 + n))]))
        }
        func preparedStatements() throws -> Int {
            try store.read("count statements") { db in
                var count = 0
                var statement = sqlite3_next_stmt(db.sqliteConnection, nil)
                while statement != nil {
                    count += 1
                    statement = sqlite3_next_stmt(db.sqliteConnection, statement)
                }
                return count
            }
        }
        _ = try store.pendingAlerts(for: .journal, after: 0, limit: 1)
        let first = try preparedStatements()
        for after in Int64(1)..<200 { _ = try store.pendingAlerts(for: .journal, after: after, limit: 1) }
        #expect(try preparedStatements() <= first + 2, "one statement for every after")
    }
}
