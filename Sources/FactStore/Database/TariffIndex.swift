import GRDB

/// Finds the tariff facts an observed tariff can merge with without reading its whole party pair's bucket.
///
/// A bucket (`tariff:US:CN`) holds every tariff between two parties the state has seen: a year of news about one
/// pair is thousands of facts, and the merge read and compared them all for every tariff of every file (with 3,000
/// in one bucket the daemon fell seconds behind at 200 files/s, `bench-latency.py --articles pair`). What
/// `FactMerger` can pick from its own bucket:
/// - `decideTariff`: a fact with the same products (`productKey`), or one `compatible` with it: the same stage, and
///   the same rate when both state one;
/// - `decideRecord` (a record that never alerts): a fact with the same rate, or both without one.
/// `tariff_index` keeps each tariff fact's bucket, product key, stage and rate, indexed for both questions; the facts
/// are then read as before, in the same order, so the merge decides exactly what it decided from the whole bucket.
/// (An observation without a rate still reads every fact of its stage.)
enum TariffIndex {
    /// The table and its indexes (migration `v10-tariff-index`).
    static let schema = """
        CREATE TABLE tariff_index (
            fact_id TEXT PRIMARY KEY NOT NULL REFERENCES facts(id), bucket TEXT NOT NULL,
            product_key TEXT NOT NULL, stage INTEGER NOT NULL, rate REAL);
        CREATE INDEX tariff_index_by_products ON tariff_index(bucket, product_key);
        CREATE INDEX tariff_index_by_rate ON tariff_index(bucket, stage, rate);
        """

    /// Indexes every tariff fact already stored: run once, by the migration that creates the table.
    static func indexStoredFacts(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: #"SELECT id, bucket, value FROM facts WHERE value LIKE '{"tariff":%'"#)
        while let row = try rows.next() {
            // a value this build cannot read is left out: the merge could not read it as a candidate either
            guard case .tariff(let tariff)? = try? JSONText.decode(FactValue.self, row["value"] as String) else { continue }
            try insert(factID: row["id"], bucket: row["bucket"], tariff, in: db)
        }
    }

    /// Indexes a new tariff fact.
    static func insert(factID: String, bucket: String, _ tariff: TariffFact, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO tariff_index (fact_id, bucket, product_key, stage, rate) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [factID, bucket, FactMerger.productKey(tariff.products), tariff.status.stage, tariff.ratePct])
    }

    /// Indexes a tariff fact's new value; nothing is written when products, stage and rate stay.
    static func update(factID: String, from old: TariffFact, to new: TariffFact, in db: Database) throws {
        guard new.products != old.products || new.status.stage != old.status.stage || new.ratePct != old.ratePct else { return }
        let products = FactMerger.productKey(new.products)
        try db.cachedStatement(sql: "UPDATE tariff_index SET product_key = ?, stage = ?, rate = ? WHERE fact_id = ?")
            .execute(arguments: [products, new.status.stage, new.ratePct, factID])
    }

    /// The facts of `bucket` that an alertable tariff can match (`decideTariff`): `?2` its product key, `?3` its stage,
    /// `?4` its rate (`ratedCandidates`; `ratelessCandidates` for one without). The columns
    /// `MergeTransaction.storedFactColumns`, oldest first, as the bucket's list gave them; one statement, so a small
    /// bucket costs what reading it whole did.
    static let ratedCandidates = """
        SELECT \(MergeTransaction.storedFactColumns) FROM facts WHERE id IN (
            SELECT fact_id FROM tariff_index WHERE bucket = ?1 AND product_key = ?2
            UNION
            SELECT fact_id FROM tariff_index WHERE bucket = ?1 AND stage = ?3 AND rate = ?4
            UNION
            SELECT fact_id FROM tariff_index WHERE bucket = ?1 AND stage = ?3 AND rate IS NULL)
        ORDER BY created_at, id
        """
    static let ratelessCandidates = """
        SELECT \(MergeTransaction.storedFactColumns) FROM facts WHERE id IN (
            SELECT fact_id FROM tariff_index WHERE bucket = ?1 AND product_key = ?2
            UNION
            SELECT fact_id FROM tariff_index WHERE bucket = ?1 AND stage = ?3)
        ORDER BY created_at, id
        """

    /// The facts of `bucket` that a record (a tariff that never alerts, `decideRecord`) can match: the same rate `?2`,
    /// or both without one.
    static let recordCandidates = """
        SELECT \(MergeTransaction.storedFactColumns) FROM facts WHERE id IN (
            SELECT fact_id FROM tariff_index WHERE bucket = ?1 AND rate IS ?2)
        ORDER BY created_at, id
        """

    /// The statement that finds the candidates of `tariff` in `bucket`, and its arguments.
    static func candidates(for tariff: TariffFact, alertable: Bool, bucket: String) -> (sql: String, arguments: StatementArguments) {
        guard alertable else { return (recordCandidates, [bucket, tariff.ratePct]) }
        let products = FactMerger.productKey(tariff.products), stage = tariff.status.stage
        guard let rate = tariff.ratePct else { return (ratelessCandidates, [bucket, products, stage]) }
        return (ratedCandidates, [bucket, products, stage, rate])
    }
}
