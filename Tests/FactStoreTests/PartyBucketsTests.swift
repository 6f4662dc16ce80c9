import Foundation
import GRDB
import TariffExtraction
import Testing

@testable import FactStore

/// The facts a report missing a party is compared with are found by bucket look-ups and index ranges;
/// they are exactly the facts the GLOB patterns used before found, in the same order.
@Suite final class PartyBucketsTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("factstore-party-\(UUID())").path

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    static let buckets = [
        "tariff:US:?", "tariff:US:CN", "tariff:?:CN", "tariff:US:MX", "tariff:USA:CN", "tariff:EU:CN", "tariff:?:MX",
        "tariff:?:?", "tariff-record:US:CN:imposed:false", "tariffs:US:CN", "tariff:US:CNX", "tariff:XCN:?", "tariff:é:CN",
        "tariff:US:é", "tariff:U:S:CN", "tariff:CN", "tariff::CN", "tariff:US:", "deadline:meeting", "tariff:US;:CN",
    ]

    /// What `FactMerger` gave before: GLOB patterns, `[?]` a literal `?`.
    static func globPatterns(imposer: String?, target: String?) -> [String] {
        switch (imposer, target) {
        case (let imposer?, let target?): ["tariff:\(imposer):[?]", "tariff:[?]:\(target)"]
        case (let imposer?, nil): ["tariff:\(imposer):*"]
        case (nil, let target?): ["tariff:*:\(target)"]
        case (nil, nil): []
        }
    }

    @Test func theLookUpsFindWhatTheGLOBPatternsFound() throws {
        let store = try FactStore(directory: directory)
        let value = try FactValue.tariff(TariffFact(imposer: "US", target: "CN", ratePct: 25, status: .imposed)).canonicalJSON
        try store.pool.write { db in
            // Two facts per bucket, created at different times, so the order within a bucket is tested too.
            for (index, bucket) in Self.buckets.enumerated() {
                for copy in 0..<2 {
                    try db.execute(
                        sql: """
                            INSERT INTO facts (id, bucket, value, alertable, latest_reference_date, created_at, updated_at)
                            VALUES (?, ?, ?, 1, '2026-01-01', ?, ?)
                            """,
                        arguments: ["f\(index)-\(copy)", bucket, value, Date(timeIntervalSince1970: Double(100 - index + copy * 1000)), Date()])
                }
            }
        }
        let parties: [(String?, String?)] = [
            ("US", "CN"), ("US", nil), (nil, "CN"), ("é", nil), (nil, "é"), (nil, "S:CN"), ("U", nil), ("EU", "MX"), (nil, "MX"), ("US;", nil),
        ]
        var found = 0
        for (imposer, target) in parties {
            let observation = Observation(
                value: .tariff(TariffFact(imposer: imposer, target: target, ratePct: 25, status: .imposed)), alertable: true,
                sentence: "s")
            let bucket = FactMerger.bucket(of: observation)
            let (glob, lookedUp) = try store.pool.write { db -> ([String], [String]) in
                let glob = try Self.globPatterns(imposer: imposer, target: target).flatMap { pattern in
                    try String.fetchAll(
                        db, sql: "SELECT id FROM facts WHERE bucket GLOB ? AND bucket <> ? ORDER BY created_at, id", arguments: [pattern, bucket])
                }
                let merge = MergeTransaction(db: db, file: Self.file, policy: .init(), now: Date())
                let lookedUp = try FactMerger.partyBuckets(of: observation).flatMap { try merge.facts(in: $0, other: bucket) }.map(\.id)
                return (glob, lookedUp)
            }
            #expect(lookedUp == glob, "\(imposer ?? "?") on \(target ?? "?")")
            found += glob.count
        }
        #expect(found > 20)  // the table is not trivially empty for these parties
    }

    static let file = FileRecord(
        path: "/in/a", device: 1, inode: 1, size: 1, modificationTimeNanoseconds: 1, contentHash: "h",
        referenceDate: CalendarDate(year: 2026, month: 3, day: 1)!)
}
