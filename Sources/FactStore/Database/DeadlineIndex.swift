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
/// merge decides exactly what it decided from the whole bucket (`MergeIndexTests`).
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

    /// Each deadline fact's last day (migration `v12-calendar`), so the calendar and the health check read the
    /// upcoming deadlines by index, not every deadline the state has kept (`StateReader`). Empty for a fact indexed
    /// by a build older than the column (it is then read with the upcoming ones, and filtered by its value).
    static let lastDaySchema = """
        ALTER TABLE deadline_days ADD COLUMN last_day INTEGER;
        CREATE INDEX deadline_days_by_end ON deadline_days(last_day);
        """

    /// Indexes every deadline fact already stored: run once, by the migration that creates the tables (`v9`, before
    /// `last_day` was there).
    static func indexStoredFacts(_ db: Database) throws {
        try forEachStored(in: db) { id, bucket, deadline in
            try db.cachedStatement(sql: "INSERT INTO deadline_days (fact_id, bucket, first_day) VALUES (?, ?, ?)")
                .execute(arguments: [id, bucket, deadline.span.lowerBound.daysSinceEpoch])
            try add(FactMerger.subjectWords(deadline.subject), of: id, in: db)
        }
    }

    /// Gives every deadline fact already stored its last day: run once, by the migration that adds it (`v12`).
    static func fillLastDays(_ db: Database) throws {
        try forEachStored(in: db) { id, _, deadline in
            try db.cachedStatement(sql: "UPDATE deadline_days SET last_day = ? WHERE fact_id = ?")
                .execute(arguments: [deadline.span.upperBound.daysSinceEpoch, id])
        }
    }

    /// Each stored deadline fact's id, bucket and value. A value this build cannot read is left out: the merge could
    /// not read it as a candidate either.
    private static func forEachStored(in db: Database, _ body: (String, String, DeadlineFact) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: #"SELECT id, bucket, value FROM facts WHERE value LIKE '{"deadline":%'"#)
        while let row = try rows.next() {
            guard case .deadline(let deadline)? = try? JSONText.decode(FactValue.self, row["value"] as String) else { continue }
            try body(row["id"], row["bucket"], deadline)
        }
    }

    /// Indexes a new deadline fact.
    static func insert(factID: String, bucket: String, _ deadline: DeadlineFact, in db: Database) throws {
        let span = deadline.span
        try db.cachedStatement(sql: "INSERT INTO deadline_days (fact_id, bucket, first_day, last_day) VALUES (?, ?, ?, ?)")
            .execute(arguments: [factID, bucket, span.lowerBound.daysSinceEpoch, span.upperBound.daysSinceEpoch])
        try add(FactMerger.subjectWords(deadline.subject), of: factID, in: db)
    }

    /// Indexes a deadline fact's new value: only what changed is written, so a corroboration that keeps the days
    /// and the subject's words costs no write.
    static func update(factID: String, from old: DeadlineFact, to new: DeadlineFact, in db: Database) throws {
        let span = new.span, oldSpan = old.span
        if span != oldSpan {
            try db.cachedStatement(sql: "UPDATE deadline_days SET first_day = ?, last_day = ? WHERE fact_id = ?")
                .execute(arguments: [span.lowerBound.daysSinceEpoch, span.upperBound.daysSinceEpoch, factID])
        }
        // most updates are corroborations that keep the subject: its words are not worked out again
        guard new.subject != old.subject else { return }
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

    /// The facts of `bucket` that `deadline` can match (see above), within the years `earliestYear` to `latestYear`
    /// (four digits): the columns `MergeTransaction.storedFactColumns`, oldest first, as the bucket's whole list gave
    /// them. One statement: the rarest words are chosen by SQLite (`rare`), where separate look-ups (with the subject
    /// words worked out again on every corroboration) cost a burst of 20,000 files a fifth of its rate.
    static let candidates = """
        WITH rare(word) AS (
            SELECT w.value FROM json_each(?4) w LEFT JOIN deadline_word_counts c ON c.word = w.value
            ORDER BY coalesce(c.facts, 0), w.value LIMIT ?5)
        SELECT \(MergeTransaction.storedFactColumns) FROM facts WHERE id IN (
            SELECT fact_id FROM deadline_days WHERE bucket = ?1 AND first_day BETWEEN ?2 AND ?3
            UNION
            SELECT d.fact_id FROM rare r CROSS JOIN deadline_words w ON w.word = r.word
                CROSS JOIN deadline_days d ON d.fact_id = w.fact_id
            WHERE d.bucket = ?1)
          AND substr(coalesce(json_extract(value, '$.deadline.end_date'), json_extract(value, '$.deadline.date')), 1, 4) >= ?6
          AND substr(json_extract(value, '$.deadline.date'), 1, 4) <= ?7
        ORDER BY created_at, id
        """

    /// The arguments of `candidates` for `deadline` in `bucket`.
    static func arguments(for deadline: DeadlineFact, bucket: String, earliestYear: String, latestYear: String) throws -> StatementArguments {
        let span = deadline.span
        let words = FactMerger.subjectWords(deadline.subject)
        // a fact with the same subject shares `shared` of the `words`, so one of any `words.count - shared + 1` of them
        let shared = max(2, (3 * words.count - 1 + 4) / 5)  // ⌈(3y − 1) / 5⌉, and two at least
        let asked = shared <= words.count ? words.count - shared + 1 : 0
        return [
            bucket, span.lowerBound.daysSinceEpoch - 7, span.upperBound.daysSinceEpoch, try FactStore.jsonArray(words), asked,
            earliestYear, latestYear,
        ]
    }
}
