import GRDB

/// Finds the tariff facts an observed tariff can merge with without reading its whole party pair's bucket.
///
/// A bucket (`tariff:US:CN`) holds every tariff between two parties the state has seen: a year of news about one
/// pair is thousands of facts, and the merge read and compared them all for every tariff of every file (with 3,000
/// in one bucket the daemon fell seconds behind at 200 files/s, `bench-latency.py --articles pair`). What
/// `FactMerger` can pick from its own bucket:
/// - `decideTariff`: a fact with the same products (`productKey`), or one `compatible` with it (the same stage, and
///   the same rate when both state one) whose products may overlap (`overlapping`);
/// - `decideRecord` (a record that never alerts): a fact with the same rate, or both without one, whose products may
///   overlap.
/// `tariff_index` keeps each tariff fact's bucket, product key, stage and rate, indexed for both questions; the facts
/// are then read as before, in the same order, so the merge decides exactly what it decided from the whole bucket.
/// (An observation without a rate still reads every fact of its stage whose products may overlap, all of them when it
/// names none.)
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
    /// `?4` its rate (`ratedCandidates`; `ratelessCandidates` for one without), `?5` its product words
    /// (`overlapping`). One statement, so a small bucket costs what reading it whole did.
    static let ratedCandidates = factsOf([
        "bucket = ?1 AND product_key = ?2",
        "bucket = ?1 AND stage = ?3 AND rate = ?4 AND \(overlapping("?5"))",
        "bucket = ?1 AND stage = ?3 AND rate IS NULL AND \(overlapping("?5"))",
    ])
    static let ratelessCandidates = factsOf([
        "bucket = ?1 AND product_key = ?2",
        "bucket = ?1 AND stage = ?3 AND \(overlapping("?5"))",
    ])

    /// The facts of `bucket` that a record (a tariff that never alerts, `decideRecord`) can match: the same rate `?2`,
    /// or both without one, on products `?3` may overlap.
    static let recordCandidates = factsOf(["bucket = ?1 AND rate IS ?2 AND \(overlapping("?3"))"])

    /// The statement that finds the candidates of `tariff` in `bucket`, and its arguments.
    static func candidates(for tariff: TariffFact, alertable: Bool, bucket: String) throws -> (sql: String, arguments: StatementArguments) {
        let products = FactMerger.productKey(tariff.products)
        let words = try productWords(products)
        guard alertable else { return (recordCandidates, [bucket, tariff.ratePct, words]) }
        let stage = tariff.status.stage
        guard let rate = tariff.ratePct else { return (ratelessCandidates, [bucket, products, stage, nil, words]) }
        return (ratedCandidates, [bucket, products, stage, rate, words])
    }

    /// The facts whose index rows one of `conditions` finds: the columns `MergeTransaction.storedFactColumns`, oldest
    /// first, as a bucket's whole list gives them.
    private static func factsOf(_ conditions: [String]) -> String {
        """
        SELECT \(MergeTransaction.storedFactColumns) FROM facts WHERE id IN (
        \(conditions.map { "SELECT fact_id FROM tariff_index WHERE \($0)" }.joined(separator: "\nUNION\n")))
        ORDER BY created_at, id
        """
    }

    // MARK: One party missing

    /// Where the facts a report missing one party may corroborate sit (`FactMerger.partyBuckets`): one bucket
    /// (`tariff:US:?`), or every alertable bucket of one imposer (`tariff:US:…`) or of one target (`tariff:…:CN`).
    /// The last two grow with every pair the state has seen of that party, and were read whole for every such report;
    /// `imposerOfBucket` and `targetOfBucket` index the facts by either side (migration `v11-tariff-sides`).
    /// Expressions of the bucket, not columns: nothing more to write or keep, and SQLite uses an index on an
    /// expression for a query that states the same expression.
    static let imposerOfBucket = """
        CASE WHEN bucket >= 'tariff:' AND bucket < 'tariff;' AND instr(substr(bucket, 8), ':') > 0 \
        THEN substr(bucket, 8, instr(substr(bucket, 8), ':') - 1) END
        """
    static let targetOfBucket = """
        CASE WHEN bucket >= 'tariff:' AND bucket < 'tariff;' AND instr(substr(bucket, 8), ':') > 0 \
        THEN substr(bucket, 8 + instr(substr(bucket, 8), ':')) END
        """

    /// The indexes on either side (migration `v11-tariff-sides`). A side is the text between the bucket's first two
    /// colons, or after the second: party codes hold no colon (`CountryGazetteer`'s letters), so `tariff:US:CN` is the
    /// only bucket of `US` on `CN`.
    static let sidesSchema = """
        CREATE INDEX tariff_index_by_imposer ON tariff_index(\(imposerOfBucket), stage, rate);
        CREATE INDEX tariff_index_by_target ON tariff_index(\(targetOfBucket), stage, rate);
        """

    /// The facts outside the observation's own bucket `?2` that a report missing a party can corroborate
    /// (`FactMerger.decideTariff`, `compatible` and overlapping products): of the side `?1` names, the stage `?3`, the
    /// same rate `?4` or none, products `?5` may overlap. One statement for each side, with a rate and without.
    private struct SideStatements {
        let bucket: String, imposer: String, target: String

        init(rated: Bool) {
            func statement(_ side: String) -> String {
                let rest = "AND bucket <> ?2 AND \(overlapping("?5"))"
                return factsOf(
                    rated ? ["\(side) = ?1 AND stage = ?3 AND rate = ?4 \(rest)", "\(side) = ?1 AND stage = ?3 AND rate IS NULL \(rest)"]
                        : ["\(side) = ?1 AND stage = ?3 \(rest)"])
            }
            (bucket, imposer, target) = (statement("bucket"), statement(imposerOfBucket), statement(targetOfBucket))
        }
    }

    private static let ratedSides = SideStatements(rated: true), ratelessSides = SideStatements(rated: false)

    /// The statement that finds the facts of `buckets`, outside `bucket`, that a report of `tariff` missing a party
    /// can corroborate, and its arguments. A superset: the merge then applies its rules to what it reads.
    static func partyCandidates(
        for tariff: TariffFact, in buckets: FactMerger.PartyBuckets, other bucket: String
    ) throws -> (sql: String, arguments: StatementArguments) {
        let statements = tariff.ratePct == nil ? ratelessSides : ratedSides
        let arguments: StatementArguments = [
            bucket, tariff.status.stage, tariff.ratePct, try productWords(FactMerger.productKey(tariff.products)),
        ]
        switch buckets {
        case .exactly(let name): return (statements.bucket, [name] + arguments)
        case .imposedBy(let imposer): return (statements.imposer, [imposer] + arguments)
        case .targeting(let target): return (statements.target, [target] + arguments)
        }
    }

    /// A statement counting the facts `buckets` holds, up to its second argument (the first: what `held` returns with
    /// it, the bucket or the side's party), through the bucket index or a side index.
    static func held(in buckets: FactMerger.PartyBuckets) -> (sql: String, argument: String) {
        switch buckets {
        case .exactly(let name): (MergeTransaction.heldInBucket, name)
        case .imposedBy(let imposer): (heldByImposer, imposer)
        case .targeting(let target): (heldByTarget, target)
        }
    }

    private static let heldByImposer = "SELECT count(*) FROM (SELECT 1 FROM tariff_index WHERE \(imposerOfBucket) = ? LIMIT ?)"
    private static let heldByTarget = "SELECT count(*) FROM (SELECT 1 FROM tariff_index WHERE \(targetOfBucket) = ? LIMIT ?)"

    // MARK: Products

    /// A condition that holds for every indexed fact whose products may overlap those whose words are the JSON array
    /// `parameter` (`FactMerger.productsOverlap`): none given on either side (all goods), or a word in common. A
    /// product key that is empty may also mean products without a content word, which overlap nothing: kept, the
    /// merge's own test turns them away.
    private static func overlapping(_ parameter: String) -> String {
        """
        (\(parameter) = '[]' OR product_key = '' OR EXISTS (
            SELECT 1 FROM json_each(\(parameter)) AS word WHERE instr(' ' || product_key || ' ', ' ' || word.value || ' ') > 0))
        """
    }

    /// The words of a product key (`FactMerger.productKey`) as a JSON array, `[]` for none.
    private static func productWords(_ key: String) throws -> String {
        try FactStore.jsonArray(Set(key.split(separator: " ").map(String.init)))
    }
}
