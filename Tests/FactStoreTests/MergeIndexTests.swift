import Foundation
import GRDB
import TariffExtraction
import Testing

@testable import FactStore

/// `DeadlineIndex` and `TariffIndex`: the merge reads only the facts an observation can match, and decides exactly
/// what it decided from every fact of the bucket.
@Suite final class MergeIndexTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("merge-index-\(UUID())").path

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A random deadline of a state where dates, spans and subjects collide often: days, weeks, months and
    /// ranges over two and a half years, subjects of two to four words from ten.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }

        static let words = ["steel", "grain", "talks", "summit", "review", "tariff", "vote", "panel", "chip", "deal"]
        static let first = CalendarDate(iso: "2026-01-01")!

        mutating func deadline() -> Deadline {
            let day = Self.first.adding(days: next(900))
            let date: TemporalValue
            var end: TemporalValue?
            switch next(6) {
            case 0: date = .week(containing: day)
            case 1: date = .month(year: day.year, month: day.month)
            case 2:
                date = .day(day)
                end = .day(day.adding(days: 1 + next(9)))
            default: date = .day(day)
            }
            let subject = (0..<(next(4) == 0 ? 0 : 2 + next(3))).map { _ in Self.words[next(Self.words.count)] }.joined(separator: " ")
            let kinds: [DeadlineKind] = [.meeting, .effective, .deadline]
            return Deadline(
                date: date, endDate: end, kind: kinds[next(kinds.count)], upcoming: true, subject: subject, text: "t",
                sentence: "A dated sentence.", start: 0, end: 1)
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func theIndexedCandidatesDecideWhatTheWholeBucketDecides(seed: UInt64) throws {
        var random = Generator(state: seed &* 0x9E37_79B9_7F4A_7C15)
        let store = try FactStore(directory: directory)
        var decisions: [String: Int] = [:]
        for n in 0..<400 {
            let reference = Generator.first.adding(days: n)
            let extraction = Extraction(deadlines: (0..<(1 + random.next(2))).map { _ in random.deadline() })
            let file = FileRecord(
                path: "/inbox/\(n).txt", device: 1, inode: UInt64(n), size: 1, modificationTimeNanoseconds: 1, contentHash: "\(n)",
                referenceDate: reference)
            try decideBothWays(extraction, of: file, in: store, counting: &decisions)
            _ = try store.record(file, extraction: extraction, now: Date())
        }
        // the index is the facts': a day row per deadline fact, each word counted as often as it is held
        try store.read("check the index") { db in
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM deadline_days")
                    == Int.fetchOne(db, sql: #"SELECT count(*) FROM facts WHERE value LIKE '{"deadline":%'"#))
            let held = try Row.fetchAll(db, sql: "SELECT word, count(*) FROM deadline_words GROUP BY word ORDER BY word").map { "\($0[0] as String) \($0[1] as Int)" }
            let counted = try Row.fetchAll(db, sql: "SELECT word, facts FROM deadline_word_counts WHERE facts > 0 ORDER BY word").map { "\($0[0] as String) \($0[1] as Int)" }
            #expect(held == counted && !held.isEmpty)
            // and each fact's days are its value's, after every change of date
            for row in try Row.fetchAll(db, sql: "SELECT d.first_day, d.last_day, f.value FROM deadline_days d JOIN facts f ON f.id = d.fact_id") {
                guard case .deadline(let deadline) = try JSONText.decode(FactValue.self, row["value"] as String) else { continue }
                #expect(row["first_day"] == deadline.span.lowerBound.daysSinceEpoch && row["last_day"] == deadline.span.upperBound.daysSinceEpoch)
            }
        }
        // the state had every kind of decision to get right
        #expect(decisions["new", default: 0] > 50 && decisions["corroborates", default: 0] > 20 && decisions["changes", default: 0] > 20)
    }

    /// Tariffs between three pairs, some with a party missing, products from a few words or none, four rates or
    /// none, every status, some dated: the party pair's bucket gets crowded with facts that differ in one field.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func theIndexedTariffCandidatesDecideWhatTheWholeBucketDecides(seed: UInt64) throws {
        var random = Generator(state: seed &* 0x9E37_79B9_7F4A_7C15)
        let store = try FactStore(directory: directory)
        let pairs: [(String?, String?)] = [
            ("US", "CN"), ("US", "CN"), ("EU", "US"), ("US", "MX"), ("EU", "CN"), ("US", nil), ("US", nil), (nil, "CN"), (nil, "CN"), ("EU", nil),
        ]
        let products = [[], [], ["steel"], ["steel", "aluminum"], ["autos"], ["auto parts"], ["solar panels"], ["chips"]]
        let rates: [Double?] = [nil, 10, 25, 50, 100]
        var decisions: [String: Int] = [:]
        for n in 0..<400 {
            // articles of any day in a few months, in no order: older reports conflict
            let reference = Generator.first.adding(days: random.next(120))
            let changes = (0..<(1 + random.next(2))).map { _ in
                let (imposer, target) = pairs[random.next(pairs.count)]
                return TariffChange(
                    imposer: imposer, target: target, products: products[random.next(products.count)], ratePct: rates[random.next(rates.count)],
                    status: TariffStatus.allCases[random.next(TariffStatus.allCases.count)],
                    effectiveDate: random.next(3) == 0 ? .day(Generator.first.adding(days: random.next(60))) : nil,
                    text: "t", sentence: "A tariff sentence.", start: 0, end: 1, aggregate: random.next(10) == 0)
            }
            let extraction = Extraction(tariffChanges: changes)
            let file = FileRecord(
                path: "/inbox/\(n).txt", device: 1, inode: UInt64(n), size: 1, modificationTimeNanoseconds: 1, contentHash: "\(n)",
                referenceDate: reference)
            try decideBothWays(extraction, of: file, in: store, counting: &decisions)
            _ = try store.record(file, extraction: extraction, now: Date())
        }
        let (indexed, stored) = try store.read("check the index") { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM tariff_index"),
             try Int.fetchOne(db, sql: #"SELECT count(*) FROM facts WHERE value LIKE '{"tariff":%'"#))
        }
        #expect(indexed == stored)
        #expect(decisions["new", default: 0] > 30 && decisions["corroborates", default: 0] > 50)
        #expect(decisions["changes", default: 0] > 10 && decisions["conflicts", default: 0] > 5)
        #expect(decisions["by a party", default: 0] >= 5)
    }

    /// The reads of a report missing a party go through the side indexes (an index on an expression is used only for
    /// a query that states the same expression): a plan that scanned every tariff fact would still decide right.
    @Test func theSideLookUpsUseTheSideIndexes() throws {
        let store = try FactStore(directory: directory)
        let plans = try store.read("explain the side look-ups") { db in
            try [FactMerger.PartyBuckets.imposedBy("US"), .targeting("CN"), .exactly("tariff:US:?")].flatMap { buckets in
                try [25, nil].map { (rate: Double?) in
                    let tariff = TariffFact(imposer: "US", target: nil, products: ["steel"], ratePct: rate, status: .threatened)
                    let (sql, arguments) = try TariffIndex.partyCandidates(for: tariff, in: buckets, other: "tariff:US:?")
                    return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
                        .joined(separator: "; ")
                }
            }
        }
        #expect(plans.count == 6)
        for (plan, index) in zip(plans, ["by_imposer", "by_imposer", "by_target", "by_target", "by_rate", "by_rate"]) {
            #expect(plan.contains("USING INDEX tariff_index_\(index)") && !plan.contains("SCAN tariff_index"), "\(plan)")
        }
        // and the count that decides whether to read a side whole
        let counts = try store.read("explain the side counts") { db in
            try [FactMerger.PartyBuckets.imposedBy("US"), .targeting("CN")].map { buckets in
                let (sql, side) = TariffIndex.held(in: buckets)
                return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: [side, 65]).map { $0["detail"] as String }
                    .joined(separator: "; ")
            }
        }
        for (plan, index) in zip(counts, ["by_imposer", "by_target"]) {
            #expect(plan.contains("SEARCH tariff_index USING INDEX tariff_index_\(index)"), "\(plan)")
        }
    }

    /// Decides each observation of `extraction` from the indexes' candidates (every bucket through its index) and from
    /// the whole bucket, before `file` is stored, expecting the same decision, and counts the decisions by kind.
    private func decideBothWays(
        _ extraction: Extraction, of file: FileRecord, in store: FactStore, counting decisions: inout [String: Int]
    ) throws {
        try store.write("compare the candidates") { db in
            var merge = MergeTransaction(db: db, file: file, policy: AlertPolicy(), now: Date())
            merge.smallBucket = 0
            for observation in Observation.observations(in: extraction) {
                let bucket = FactMerger.bucket(of: observation)
                var party: [StoredFact] = [], wholeParty: [StoredFact] = []
                for buckets in FactMerger.partyBuckets(of: observation) {
                    guard case .tariff(let tariff) = observation.value else { continue }
                    party += try merge.partyFacts(in: buckets, for: tariff, other: bucket)
                    wholeParty += try merge.facts(in: buckets, other: bucket)
                }
                #expect(Set(party).isSubset(of: wholeParty))
                let indexed = try merge.candidates(in: bucket, for: observation)
                let whole = try merge.unindexedCandidates(in: bucket, for: observation)
                #expect(Set(indexed).isSubset(of: whole))
                let decision = FactMerger.decide(observation, referenceDate: file.referenceDate, candidates: indexed, partyCandidates: party)
                #expect(decision == FactMerger.decide(observation, referenceDate: file.referenceDate, candidates: whole, partyCandidates: wholeParty))
                decisions["\(decision)".prefix { $0 != "(" }.description, default: 0] += 1
                // a decision the other side's facts made: a report missing a party that corroborates one of them
                if decision != FactMerger.decide(observation, referenceDate: file.referenceDate, candidates: whole) {
                    decisions["by a party", default: 0] += 1
                }
            }
        }
    }

    @Test func anUpgradedStateIndexesItsFacts() throws {
        let path = (directory as NSString).appendingPathComponent("tariffwatch.sqlite")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // a state written before the index: its migrations up to v8, two deadline facts and a tariff
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v8-store-counts")
            try queue.write { db in
                for (id, value) in [
                    ("d1", #"{"deadline":{"date":"2026-03-10","end_date":null,"kind":"meeting","subject":"steel talks"}}"#),
                    ("d2", #"{"deadline":{"date":"2026-04","end_date":null,"kind":"meeting","subject":""}}"#),
                    ("t1", String(decoding: try JSONEncoder().encode(FactValue.tariff(TariffFact(imposer: "US", target: "CN", ratePct: 25, status: .threatened))), as: UTF8.self)),
                ] {
                    try db.execute(
                        sql: """
                            INSERT INTO facts (id, bucket, value, alertable, latest_reference_date, created_at, updated_at)
                            VALUES (?, ?, ?, 1, '2026-03-01', '2026-03-01 00:00:00.000', '2026-03-01 00:00:00.000')
                            """, arguments: [id, id.hasPrefix("d") ? "deadline:meeting" : "tariff:US:CN", value])
                }
            }
        }
        let store = try FactStore(directory: directory)
        let tariffs = try store.read("read the index") { db in
            try Row.fetchAll(db, sql: "SELECT fact_id, bucket, product_key, stage, rate FROM tariff_index").map { "\($0[0] as String) \($0[1] as String) '\($0[2] as String)' \($0[3] as Int) \($0[4] as Double)" }
        }
        #expect(tariffs == ["t1 tariff:US:CN '' 0 25.0"])
        let days = try store.read("read the index") { db in
            try Row.fetchAll(db, sql: "SELECT fact_id, bucket, first_day, last_day FROM deadline_days ORDER BY fact_id")
                .map {
                    "\($0["fact_id"] as String) \($0["bucket"] as String) \(CalendarDate(daysSinceEpoch: $0["first_day"]))"
                        + " \(CalendarDate(daysSinceEpoch: $0["last_day"]))"
                }
        }
        // v12 gives each its last day (a month runs to its end)
        #expect(days == ["d1 deadline:meeting 2026-03-10 2026-03-10", "d2 deadline:meeting 2026-04-01 2026-04-30"])
        let words = try store.read("read the index") { db in
            try Row.fetchAll(db, sql: "SELECT w.word, c.facts FROM deadline_words w JOIN deadline_word_counts c USING (word) ORDER BY w.word")
                .map { "\($0[0] as String) \($0[1] as Int)" }
        }
        #expect(words == ["steel 1", "talk 1"])
        // and a report of the same talks on another day changes that fact
        let alerts = try store.record(
            FileRecord(path: "/inbox/a.txt", device: 1, inode: 1, size: 1, modificationTimeNanoseconds: 1, contentHash: "a", referenceDate: CalendarDate(iso: "2026-03-02")!),
            extraction: Extraction(deadlines: [
                Deadline(date: .day(CalendarDate(iso: "2026-03-20")!), kind: .meeting, upcoming: true, subject: "steel talks", text: "t", sentence: "s", start: 0, end: 1)
            ]))
        #expect(alerts.map(\.kind) == [.changedDeadline] && alerts.first?.factID == "d1")
    }
}
