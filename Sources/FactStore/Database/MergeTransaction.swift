import Foundation
import Synchronization
import GRDB
import TariffExtraction

/// Applies the merge rules to one file's observations inside its transaction.
struct MergeTransaction {
    let db: Database
    let file: FileRecord
    let policy: AlertPolicy
    let now: Date
    /// `now` as SQLite stores it, formatted once per merge: GRDB formats a `Date` with a `DateFormatter`
    /// at every binding, and a merge binds it to every fact, source and alert it writes.
    let stamp: DatabaseValue
    let values: FactValueCache
    /// What `fact_sources.path` records: the file, or `file#item` for an item of a multi-article file.
    var sourceKey: String
    /// The article's title, URL and date, carried into the alerts it raises.
    var provenance: ArticleProvenance?
    private(set) var alerts: [Alert] = []
    /// The facts whose `source_count` this merge raised (`FactStore.sourceCounts`).
    private(set) var counted: Set<String> = []
    /// The deadline facts this merge wrote, new or updated (`FactStore.deadlineChanges`).
    private(set) var deadlines: Set<String> = []
    /// Whether this merge wrote anything of a deadline fact that its calendar event shows (a new fact, a new value or
    /// time, one more source): the transaction then counts one `CalendarVersion` change.
    private(set) var calendarChanged = false

    init(db: Database, file: FileRecord, policy: AlertPolicy, now: Date, values: FactValueCache = FactValueCache()) {
        self.db = db
        self.file = file
        self.policy = policy
        self.now = now
        stamp = DatabaseTimestamp.value(of: now)
        self.values = values
        self.sourceKey = file.path
    }

    mutating func apply(_ observation: Observation) throws {
        let bucket = FactMerger.bucket(of: observation)
        let candidates = try candidates(in: bucket, for: observation)
        var partyCandidates: [StoredFact] = []
        if case .tariff(let tariff) = observation.value {
            for buckets in FactMerger.partyBuckets(of: observation) {
                partyCandidates += try partyFacts(in: buckets, for: tariff, other: bucket)
            }
        }
        let decision = FactMerger.decide(
            observation, referenceDate: file.referenceDate, candidates: candidates, partyCandidates: partyCandidates)
        switch decision {
        case .new:
            let id = try uniqueID(FactMerger.identity(of: observation))
            try db.cachedStatement(
                sql: """
                    INSERT INTO facts (id, bucket, value, alertable, latest_reference_date, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).execute(
                arguments: [id, bucket, try values.encode(observation.value), observation.alertable, file.referenceDate.description, stamp, stamp])
            switch observation.value {
            case .deadline(let deadline):
                try DeadlineIndex.insert(factID: id, bucket: bucket, deadline, in: db)
                deadlines.insert(id)
                calendarChanged = true
            case .tariff(let tariff):
                try TariffIndex.insert(factID: id, bucket: bucket, tariff, in: db)
            }
            try addSource(factID: id, observation: observation, relation: "origin")
            if observation.alertable && admits(observation.value) && policy.admits(confidence: observation.confidence) {
                try raise(observation.isTariff ? .newTariff : .newDeadline, factID: id, current: observation.value, previous: nil, observation: observation)
            }
        case .corroborates(let fact, let refined):
            try update(fact, to: refined, alertable: fact.alertable)
            try addSource(factID: fact.id, observation: observation, relation: "corroborates")
        case .changes(let fact, let changed):
            try update(fact, to: changed, alertable: fact.alertable || observation.alertable)
            let isNewSource = try addSource(factID: fact.id, observation: observation, relation: "changes")
            if isNewSource && observation.alertable && admitsChange(from: fact.value, to: changed) && policy.admits(confidence: observation.confidence) {
                try raise(observation.isTariff ? .changedTariff : .changedDeadline, factID: fact.id, current: changed, previous: fact.value, observation: observation)
            }
        case .conflicts(let fact):
            // Kept beside the fact, not overwriting it. It alerts once per disagreeing value, and only
            // when no source ever said something compatible: an old article repeating the state before
            // a change (or a rewritten copy of a file already counted) is history, not a conflict.
            let stated = try String.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT value FROM fact_sources WHERE fact_id = ?"), arguments: [fact.id])
                .map { try values.decode($0) }
            let seen = stated.contains { FactMerger.agree($0, observation.value) }
            try addSource(factID: fact.id, observation: observation, relation: "conflicts")
            if !seen && observation.alertable && admits(observation.value) && policy.admits(confidence: observation.confidence) {
                try raise(.conflictingReport, factID: fact.id, current: observation.value, previous: fact.value, observation: observation)
            }
        }
    }

    /// The facts of `bucket` the rules could match, oldest first. A deadline bucket holds every date of its kind ever
    /// seen: only those within a year of the observed date count (a deadline moved by more than a year is a new one).
    /// A bucket of up to `smallBucket` facts is read whole, one statement (none when it holds none); of a larger one only
    /// the facts `DeadlineIndex` or `TariffIndex` find are read (their statements cost a burst of 20,000 files, whose buckets
    /// are small, a fifth of its rate when asked for every bucket).
    func candidates(in bucket: String, for observation: Observation) throws -> [StoredFact] {
        let held = try factsHeld(Self.heldInBucket, bucket)
        guard held > 0 else { return [] }
        guard held > smallBucket else { return try unindexedCandidates(in: bucket, for: observation) }
        switch observation.value {
        case .tariff(let tariff):
            let (sql, arguments) = try TariffIndex.candidates(for: tariff, alertable: observation.alertable, bucket: bucket)
            return try storedFacts(sql, arguments)
        case .deadline(let deadline):
            let (earliestYear, latestYear) = Self.years(around: deadline)
            return try storedFacts(
                DeadlineIndex.candidates,
                DeadlineIndex.arguments(for: deadline, bucket: bucket, earliestYear: earliestYear, latestYear: latestYear))
        }
    }

    /// How many facts a bucket holds, counted no further than the second argument.
    static let heldInBucket = "SELECT count(*) FROM (SELECT 1 FROM facts WHERE bucket = ? LIMIT ?)"

    /// Up to this many facts a bucket is read whole (the tests ask the indexes of every bucket with 0).
    var smallBucket = 64

    /// How many facts a counting statement (`heldInBucket`, `TariffIndex.held`) finds for `key`, no further than one
    /// past `smallBucket`: through an index, whatever the state holds.
    private func factsHeld(_ sql: String, _ key: String) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: sql), arguments: [key, smallBucket + 1]) ?? 0
    }

    /// The years a deadline's candidates may lie in, four digits: the year before its first to the year after its last.
    private static func years(around deadline: DeadlineFact) -> (earliest: String, latest: String) {
        (fourDigitYear(deadline.span.lowerBound.year - 1), fourDigitYear(deadline.span.upperBound.year + 1))
    }

    /// Every fact of the bucket (of a deadline bucket, within the years `candidates` reads): what a small bucket gives,
    /// and what the tests compare the indexes' candidates with.
    func unindexedCandidates(in bucket: String, for observation: Observation) throws -> [StoredFact] {
        guard case .deadline(let deadline) = observation.value else { return try storedFacts(Self.inBucket, [bucket]) }
        let (earliestYear, latestYear) = Self.years(around: deadline)
        return try storedFacts(Self.inBucketWithinYears, [bucket, earliestYear, latestYear])
    }

    /// The facts of `buckets` outside the observation's own `bucket` that a report of `tariff` missing a party may
    /// corroborate, oldest first: those `TariffIndex` finds on the other side, not every fact of that side. As for a
    /// bucket, up to `smallBucket` facts are read whole, and none are looked for when one count finds none (most
    /// reports name both parties, whose `tariff:US:?` and `tariff:?:CN` hold nothing: the indexed statements cost a
    /// burst of 20,000 such files a sixth of its rate).
    func partyFacts(in buckets: FactMerger.PartyBuckets, for tariff: TariffFact, other bucket: String) throws -> [StoredFact] {
        let (countSQL, side) = TariffIndex.held(in: buckets)
        let held = try factsHeld(countSQL, side)
        guard held > 0 else { return [] }
        guard held > smallBucket else { return try facts(in: buckets, other: bucket) }
        let (sql, arguments) = try TariffIndex.partyCandidates(for: tariff, in: buckets, other: bucket)
        return try storedFacts(sql, arguments)
    }

    /// Every fact of `buckets` outside the observation's own `bucket`, oldest first: what the tests compare
    /// `partyFacts` with. Each form is a look-up or a range of the bucket index: no pattern matching, which SQLite
    /// cannot keep prepared.
    func facts(in buckets: FactMerger.PartyBuckets, other bucket: String) throws -> [StoredFact] {
        switch buckets {
        case .exactly(let name):
            guard name != bucket else { return [] }
            return try storedFacts(Self.inBucket, [name])
        case .imposedBy(let imposer):
            let prefix = "tariff:\(imposer):"
            return try storedFacts(Self.inBucketRange, [prefix, Self.upperBound(ofBucketsStartingWith: prefix), bucket])
        case .targeting(let target):
            // `tariff:` and the suffix may not overlap: `tariff:X` does not end in `:X` in this sense.
            let suffix = ":\(target)"
            return try storedFacts(Self.inTariffBucketsEnding, [bucket, suffix, suffix, suffix])
        }
    }

    /// What `StoredFact` needs, in the order `storedFacts` reads it. Only these columns: a batch reads
    /// the same candidate facts for every observation, and `SELECT *` copied eight columns (texts
    /// allocated) into each row before four were used.
    static let storedFactColumns = "id, value, alertable, latest_reference_date"
    private static let inBucket = "SELECT \(storedFactColumns) FROM facts WHERE bucket = ? ORDER BY created_at, id"
    private static let inBucketWithinYears = """
        SELECT \(storedFactColumns) FROM facts WHERE bucket = ?
          AND substr(coalesce(json_extract(value, '$.deadline.end_date'), json_extract(value, '$.deadline.date')), 1, 4) >= ?
          AND substr(json_extract(value, '$.deadline.date'), 1, 4) <= ?
        ORDER BY created_at, id
        """
    private static let inBucketRange = """
        SELECT \(storedFactColumns) FROM facts WHERE bucket >= ? AND bucket < ? AND bucket <> ?
        ORDER BY created_at, id
        """
    private static let inTariffBucketsEnding = """
        SELECT \(storedFactColumns) FROM facts WHERE bucket >= 'tariff:' AND bucket < 'tariff;' AND bucket <> ?
          AND length(bucket) >= length('tariff:') + length(?) AND substr(bucket, -length(?)) = ?
        ORDER BY created_at, id
        """

    /// The facts a `SELECT storedFactColumns` statement gives, read straight from the statement (no
    /// copied rows), the values through the transaction's cache.
    private func storedFacts(_ sql: String, _ arguments: StatementArguments) throws -> [StoredFact] {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        var facts: [StoredFact] = []
        while let row = try rows.next() {
            facts.append(
                StoredFact(
                    id: row[0], value: try values.decode(row[1]), alertable: row[2],
                    latestReferenceDate: CalendarDate(iso: row[3] as String) ?? CalendarDate(daysSinceEpoch: 0)))
        }
        return facts
    }

    /// The smallest text above every text starting with `prefix` (SQLite compares text bytewise): the
    /// prefix with its last byte raised by one. Bucket prefixes end in `:`, so the last byte is ASCII.
    static func upperBound(ofBucketsStartingWith prefix: String) -> String {
        var bytes = Array(prefix.utf8)
        precondition(bytes.last.map { $0 < 0x7F } == true, "a bucket prefix ends in an ASCII character")
        bytes[bytes.count - 1] += 1
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A year as the four digits dates are stored with (`0999`, `9999`), clamped to them: text order is then
    /// year order, also at the ends dates saturate to.
    static func fourDigitYear(_ year: Int) -> String {
        let digits = String(min(max(year, 0), 9999))
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    private func admits(_ value: FactValue) -> Bool {
        switch value {
        case .tariff(let tariff): policy.admits(tariff)
        case .deadline(let deadline): policy.admits(deadline)
        }
    }

    private func admitsChange(from old: FactValue, to new: FactValue) -> Bool {
        if case .tariff(let a) = old, case .tariff(let b) = new { return policy.admits(change: b, from: a) }
        return admits(new)
    }

    private mutating func update(_ fact: StoredFact, to value: FactValue, alertable: Bool) throws {
        let latest = max(fact.latestReferenceDate, file.referenceDate)
        try db.cachedStatement(
            sql: "UPDATE facts SET value = ?, alertable = ?, latest_reference_date = ?, updated_at = ? WHERE id = ?").execute(
            arguments: [try values.encode(value), alertable, latest.description, stamp, fact.id])
        switch (fact.value, value) {
        case (.deadline(let old), .deadline(let new)):
            try DeadlineIndex.update(factID: fact.id, from: old, to: new, in: db)
            calendarChanged = true  // its `updated_at` at least, the event's `DTSTAMP`
            // what a reminder reads of it: a corroboration that changes neither asks the reminder look nothing new
            if new != old || alertable != fact.alertable { deadlines.insert(fact.id) }
        case (.tariff(let old), .tariff(let new)):
            try TariffIndex.update(factID: fact.id, from: old, to: new, in: db)
        default:
            break
        }
    }

    /// Adds this file as a source; false when it already stated exactly this (a rewritten file).
    @discardableResult
    private mutating func addSource(factID: String, observation: Observation, relation: String) throws -> Bool {
        let knownPath = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM fact_sources WHERE fact_id = ? AND path = ? LIMIT 1"), arguments: [factID, sourceKey]) ?? false
        try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO fact_sources (fact_id, path, reference_date, sentence, value, relation, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(
            arguments: [factID, sourceKey, file.referenceDate.description, observation.sentence, try values.encode(observation.value), relation, stamp])
        let inserted = db.changesCount > 0
        if inserted && !knownPath {
            try db.cachedStatement(sql: "UPDATE facts SET source_count = source_count + 1 WHERE id = ?").execute(arguments: [factID])
            counted.insert(factID)
            if case .deadline = observation.value { calendarChanged = true }
        }
        return inserted
    }

    private mutating func raise(_ kind: AlertKind, factID: String, current: FactValue, previous: FactValue?, observation: Observation) throws {
        let sources = try Int.fetchOne(db.cachedStatement(sql: "SELECT source_count FROM facts WHERE id = ?"), arguments: [factID]) ?? 1
        var alert = Alert(
            id: 0, factID: factID, kind: kind, createdAt: now, current: current, previous: previous,
            sourceFile: file.path, evidence: observation.sentence, sourceCount: sources, provenance: provenance,
            confidence: observation.confidence < 1 ? observation.confidence : nil)
        try db.cachedStatement(
            sql: "INSERT INTO outbox (fact_id, kind, created_at, payload) VALUES (?, ?, ?, ?)").execute(
            arguments: [factID, kind.rawValue, stamp, try alert.payloadJSON])
        alert.id = db.lastInsertedRowID
        alerts.append(alert)
    }

    /// The identity, or the identity with a suffix when an unrelated fact already has it.
    private func uniqueID(_ base: String) throws -> String {
        var id = base
        var n = 1
        while try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM facts WHERE id = ?"), arguments: [id]) ?? false {
            n += 1
            id = "\(base)-\(n)"
        }
        return id
    }
}

extension Observation {
    var isTariff: Bool {
        if case .tariff = value { return true }
        return false
    }
}

/// Fact values decoded from their JSON text: a merge reads the same candidate facts again and again,
/// and decoding (`JSONDecoder`) was its largest cost. Keyed by the exact text, so an updated fact (new
/// text) is decoded afresh and nothing needs invalidating, not even after a rolled-back transaction:
/// the store keeps one for its life (`FactStore.factValues`), so a file arriving alone does not decode
/// its bucket's facts again either (a third of a one-file merge before). Values are written with
/// `CanonicalJSON`, which costs less than a look-up here would.
final class FactValueCache: Sendable {
    /// Past this many values the cache starts again (about 1 KB each, text and value).
    let capacity: Int
    private let decoded = Mutex<[String: FactValue]>([:])

    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    func encode(_ value: FactValue) throws -> String {
        try value.canonicalJSON
    }

    func decode(_ text: String) throws -> FactValue {
        if let value = decoded.withLock({ $0[text] }) { return value }
        let value = try JSONText.decode(FactValue.self, text)
        decoded.withLock { decoded in
            if decoded.count >= capacity { decoded.removeAll(keepingCapacity: true) }
            decoded[text] = value
        }
        return value
    }

    /// How many values it holds (tests).
    var count: Int { decoded.withLock { $0.count } }
}

extension Alert {
    /// An outbox row: the payload holds everything but the row id and the state's epoch.
    init(row: Row, epoch: String) throws {
        self = try JSONText.decode(Alert.self, row["payload"])
        id = row["id"]
        stateEpoch = epoch
    }
}

/// Canonical JSON for stored values: sorted keys, so equal values are equal text. The store writes it
/// with `CanonicalJSON`, without `JSONEncoder`; `encode` is the definition that writer is tested
/// against (`CanonicalJSONTests`), and `decode` reads what either wrote.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return encoder
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return try decoder.decode(type, from: Data(text.utf8))
    }
}
