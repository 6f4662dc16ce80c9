import Foundation
import GRDB
import TariffExtraction
import Testing

@testable import FactStore

/// A state written before per-sink delivery and epochs: what was delivered stays delivered, what was
/// pending stays pending for both sinks, and its alert ids keep their old form (no epoch).
@Suite final class OutboxMigrationTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("factstore-migration-\(UUID())").path

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    @Test func anOlderStateKeepsItsIDsAndItsDeliveries() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        do {
            let pool = try DatabasePool(path: directory + "/tariffwatch.sqlite")
            try Schema.migrator.migrate(pool, upTo: "v2-source-counts")
            let fact = FactValue.tariff(
                TariffFact(imposer: "US", target: "CN", products: [], ratePct: 10, additional: false, status: .imposed, effectiveDate: nil))
            let alert = Alert(
                id: 0, factID: "f1", kind: .newTariff, createdAt: Date(timeIntervalSince1970: 0), current: fact, previous: nil,
                sourceFile: "/inbox/a.txt", evidence: "Tariffs.", sourceCount: 1)
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO facts (id, bucket, value, alertable, latest_reference_date, created_at, updated_at)
                        VALUES ('f1', 'b', ?, 1, '2026-05-04', 0, 0)
                        """, arguments: [try JSONText.encode(fact)])
                for delivered in [Date(timeIntervalSince1970: 5), nil] {
                    try db.execute(
                        sql: "INSERT INTO outbox (fact_id, kind, created_at, payload, delivered_at) VALUES ('f1', 'new_tariff', 0, ?, ?)",
                        arguments: [try JSONText.encode(alert), delivered])
                }
            }
        }

        let store = try FactStore(directory: directory)
        #expect(store.epoch == "")
        for sink in AlertSink.allCases {
            #expect(try store.pendingAlerts(for: sink, limit: 10).map(\.id) == [2])
        }
        #expect(try store.counts().alertsPending == 1)
        try store.markDelivered([2], to: .journal)
        #expect(try store.counts().alertsPending == 1, "delivered only once the feed has it too")
        try store.markDelivered([2], to: .feed)
        #expect(try store.counts().alertsPending == 0)

        // A new state gets an epoch of its own.
        let fresh = try FactStore(directory: directory + "/fresh")
        #expect(fresh.epoch.count == 16)
    }
}
