import GRDB
import TariffExtraction

/// Finds the deadline facts an observed deadline can merge with without reading its whole bucket.
///
/// A deadline bucket (`deadline:meeting`) holds every date of its kind the state has seen, and the merge
/// read every one of them within a year of the observed date, decoding each and comparing its subject's
/// words: with 2,036 deadline facts a lone file cost the daemon 13 to 17 ms of CPU, most of it there, and the
/// cost grew with every article kept. `FactMerger.decideDeadline` can only pick a fact that
/// - lies within the observed span or contains it, the wider spanning a week at most (`sameDeadline`): its
///   first day is then at most seven days before the observed span's first day and not after its last;
/// - or has the same subject (`sameSubject`): `s ≥ 2` content words shared and `s / (x + y − s) ≥ 0.6`, with
///   `x` and `y` the two subjects' word counts. As `s ≤ x`, that needs `5s ≥ 3y − 1`, so such a fact shares at
///   least `m = max(2, ⌈(3y − 1) / 5⌉)` of the observed subject's `y` words, and therefore at least one of any
///   `y − m + 1` of them: the rarest are asked (`deadline_word_counts`), so a word most subjects hold (`talks`,
///   `take`) is read only when the subject has nothing rarer.
/// `deadline_days` (each deadline fact's bucket and first day) and `deadline_words` (its subject's words) give
/// those facts by index; they are then read as before, in the same order and within the same years, so the
/// merge decides exactly what it decided from the whole bucket (`DeadlineIndexTests`).
enum DeadlineIndex {
    /// The tables and their indexes (migration `v9-deadline-index`).
    static let schema = """
        CREATE TABLE deadline_days (
            fact_id TEXT PRIMARY KEY NOT NULL REFERENCES facts(id), bucket TEXT NOT NULL, first_day INTEGER NOT NULL);
        CREATE INDEX deadline_days_by_start ON deadline_days(bucket, first_day);
        CREATE TABLE deadline_words (
            word TEXT NOT NULL, fact_id TEXT NOT NULL REFERENCES facts(id), PRIMARY KEY (word, fact_id)) WITHOUT ROWID;
        CREATE TABLE deadline_word_counts (word TEXT PRIMARY KEY NOT NULL, facts INTEGER NOT NULL) WITHOUT ROWID;
        """

    /// Indexes every deadline fact already stored: run once, by the migration that creates the tables.
    static func indexStoredFacts(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: #"SELECT id, bucket, value FROM facts WHERE value LIKE '{"deadline":%'"#)
        while let row = try rows.next() {
            // a value this build cannot read is left out: the merge could not read it as a candidate either
            guard case .deadline(let deadline)? = try? JSONText.decode(FactValue.self, row["value"] as String) else { continue }
            try insert(factID: row["id"], bucket: row["bucket"], deadline, in: db)
        }
    }

    /// Indexes a new deadline fact.
    static func insert(factID: String, bucket: String, _ deadline: DeadlineFact, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO deadline_days (fact_id, bucket, first_day) VALUES (?, ?, ?)")
            .execute(arguments: [factID, bucket, deadline.span.lowerBound.daysSinceEpoch])
        try add(FactMerger.subjectWords(deadline.subject), of: factID, in: db)
    }

    /// Indexes a deadline fact's new value: only what changed is written, so a corroboration that keeps the first
    /// day and the subject's words costs no write.
    static func update(factID: String, from old: DeadlineFact, to new: DeadlineFact, in db: Database) throws {
        let firstDay = new.span.lowerBound.daysSinceEpoch
        if firstDay != old.span.lowerBound.daysSinceEpoch {
            try db.cachedStatement(sql: "UPDATE deadline_days SET first_day = ? WHERE fact_id = ?").execute(arguments: [firstDay, factID])
        }
        let words = FactMerger.subjectWords(new.subject), oldWords = FactMerger.subjectWords(old.subject)
        guard words != oldWords else { return }
        let gone = oldWords.subtracting(words)
        let delete = try db.cachedStatement(sql: "DELETE FROM deadline_words WHERE word = ? AND fact_id = ?")
        let uncount = try db.cachedStatement(sql: "UPDATE deadline_word_counts SET facts = facts - 1 WHERE word = ?")
        for word in gone {
            try delete.execute(arguments: [word, factID])
            try uncount.execute(arguments: [word])
        }
        try add(words.subtracting(oldWords), of: factID, in: db)
    }

    private static func add(_ words: Set<String>, of factID: String, in db: Database) throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO deadline_words (word, fact_id) VALUES (?, ?)")
        let count = try db.cachedStatement(
            sql: "INSERT INTO deadline_word_counts (word, facts) VALUES (?, 1) ON CONFLICT(word) DO UPDATE SET facts = facts + 1")
        for word in words {
            try insert.execute(arguments: [word, factID])
            try count.execute(arguments: [word])
        }
    }

    /// The ids of the facts of `bucket` that `deadline` can match by its dates or its subject (see above).
    static func candidateIDs(for deadline: DeadlineFact, bucket: String, in db: Database) throws -> Set<String> {
        let span = deadline.span
        var ids = Set(
            try String.fetchAll(
                db.cachedStatement(sql: "SELECT fact_id FROM deadline_days WHERE bucket = ? AND first_day BETWEEN ? AND ?"),
                arguments: [bucket, span.lowerBound.daysSinceEpoch - 7, span.upperBound.daysSinceEpoch]))
        let words = FactMerger.subjectWords(deadline.subject)
        let shared = max(2, (3 * words.count - 1 + 4) / 5)  // ⌈(3y − 1) / 5⌉, and two at least
        guard shared <= words.count else { return ids }
        var frequency: [String: Int] = [:]
        let counts = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT word, facts FROM deadline_word_counts WHERE word IN (SELECT value FROM json_each(?))"),
            arguments: [try FactStore.jsonArray(words)])
        while let row = try counts.next() { frequency[row[0]] = row[1] }
        // a word no fact holds is the rarest of all: it is asked and finds nothing
        let rarest = words.sorted { (frequency[$0] ?? 0, $0) < (frequency[$1] ?? 0, $1) }.prefix(words.count - shared + 1)
        // `CROSS JOIN`: the words' postings first, each fact's bucket looked up by key. With a plain join SQLite
        // (no statistics kept) walked the whole bucket and looked each fact up in the postings.
        ids.formUnion(
            try String.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT DISTINCT w.fact_id FROM deadline_words w CROSS JOIN deadline_days d ON d.fact_id = w.fact_id
                        WHERE w.word IN (SELECT value FROM json_each(?)) AND d.bucket = ?
                        """),
                arguments: [try FactStore.jsonArray(Set(rarest)), bucket]))
        return ids
    }

    /// The facts of `ids` whose dates lie between `earliestYear` and `latestYear` (four digits): the columns
    /// `MergeTransaction.storedFactColumns`, oldest first, as the bucket's whole list gave them.
    static let candidates = """
        SELECT \(MergeTransaction.storedFactColumns) FROM facts WHERE id IN (SELECT value FROM json_each(?))
          AND substr(coalesce(json_extract(value, '$.deadline.end_date'), json_extract(value, '$.deadline.date')), 1, 4) >= ?
          AND substr(json_extract(value, '$.deadline.date'), 1, 4) <= ?
        ORDER BY created_at, id
        """
}
