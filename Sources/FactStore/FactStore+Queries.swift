import GRDB
public import TariffExtraction

extension FactStore {
    /// The newest alerts, delivered or pending, each with the fact's corroboration now.
    public func feedItems(limit: Int) throws(FactStoreError) -> [FeedEntry] {
        let epoch = self.epoch
        return try read("read the feed items") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY id DESC LIMIT ?", arguments: [limit]).map { row in
                try FeedEntry(alert: Alert(row: row, epoch: epoch), db: db)
            }
        }
    }

    /// The feed items with these ids (any order), each with the fact's corroboration now.
    public func feedItems(ids: [Int64], on connection: ReadConnection = .reader) throws(FactStoreError) -> [FeedEntry] {
        guard !ids.isEmpty else { return [] }
        let operation = "read \(ids.count) feed items"
        let alerts = try alerts(ids: ids, operation, on: connection)
        return try read(operation, on: connection) { db in
            // A fact changed many times has an item per change: its corroboration is read once.
            var corroboration: [String: (count: Int, sources: [String])] = [:]
            return try alerts.map { alert in
                if let known = corroboration[alert.factID] {
                    return FeedEntry(alert: alert, sourceCount: known.count, sources: known.sources)
                }
                let entry = try FeedEntry(alert: alert, db: db)
                corroboration[alert.factID] = (entry.sourceCount, entry.sources)
                return entry
            }
        }
    }

    /// The first sources of each of these facts (`FeedEntry.sources`), by fact id.
    public func feedSources(factIDs: [String], on connection: ReadConnection = .reader) throws(FactStoreError) -> [String: [String]] {
        guard !factIDs.isEmpty else { return [:] }
        return try read("read the sources of \(factIDs.count) facts", on: connection) { db in
            var sources: [String: [String]] = [:]
            for id in factIDs { sources[id] = try FeedEntry.firstSources(of: id, db: db) }
            return sources
        }
    }

    /// What the newest `limit` feed items are and how many sources their facts have now, newest first:
    /// cheap (ids and a count per item), so a writer that keeps rendered items re-renders only what changed.
    public func feedRevisions(limit: Int) throws(FactStoreError) -> [FeedRevision] {
        try feedRevisions(limit: limit, after: nil).items
    }

    /// `feedRevisions(limit:)` brought up to date from `previous`, what this store returned last time:
    /// only the outbox rows added since and the facts counted since (`FactChangeLog`) are read, not a
    /// join of every item with `facts`, and `previous` is edited in place (pass the only copy). Without a
    /// usable `previous` (none, another store or limit, or one older than the log keeps) every item is read.
    public func feedRevisions(
        limit: Int, after previous: consuming FeedRevisions?, on connection: ReadConnection = .reader
    ) throws(FactStoreError) -> FeedRevisions {
        // Taken before the read: a commit logged after it is looked at again next time.
        let generation = sourceCounts.generation
        let log = sourceCounts
        guard var revisions = consume previous, revisions.log === log, revisions.limit == limit,
            let counted = log.facts(after: revisions.generation)
        else {
            return try read("read the feed revisions", on: connection) { db in
                FeedRevisions(
                    items: try Self.revisions(db, after: 0, limit: limit), newestPending: try Self.newestPendingID(for: .feed, db),
                    limit: limit, generation: generation, log: log)
            }
        }
        let shown = counted.filter(revisions.shows)
        let after = revisions.newestAlertID
        let (fresh, counts, newestPending) = try read("read the feed revisions", on: connection) { db in
            let fresh = try Self.revisions(db, after: after, limit: limit)
            let count = try db.cachedStatement(sql: "SELECT source_count FROM facts WHERE id = ?")
            var counts: [String: Int] = [:]
            for fact in shown { counts[fact] = try Int.fetchOne(count, arguments: [fact]) ?? 0 }
            return (fresh, counts, try Self.newestPendingID(for: .feed, db))
        }
        revisions.advance(fresh: fresh, counts: counts, newestPending: newestPending, generation: generation)
        return revisions
    }

    /// The newest `limit` outbox rows with an id above `id`, newest first, with their facts' counts.
    private static func revisions(_ db: Database, after id: Int64, limit: Int) throws -> [FeedRevision] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT o.id, o.fact_id, COALESCE(f.source_count, 0) AS sources FROM outbox o LEFT JOIN facts f ON f.id = o.fact_id
                    WHERE o.id > ? ORDER BY o.id DESC LIMIT ?
                    """), arguments: [id, limit]
        ).map { FeedRevision(alertID: $0["id"], factID: $0["fact_id"], sourceCount: $0["sources"]) }
    }

    /// What the state holds, from the counts its triggers keep (`store_counts`): one row, whatever the state's
    /// size. A state the daemon has not upgraded yet (looked at read-only) is counted table by table.
    public func counts() throws(FactStoreError) -> StoreCounts {
        try read("count") { db in
            let kept = try db.tableExists("store_counts")
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: kept
                        ? "SELECT files, rejections AS rejected, facts, delivered, pending FROM store_counts"
                        : """
                            SELECT (SELECT COUNT(*) FROM files) AS files, (SELECT COUNT(*) FROM rejections) AS rejected,
                                   (SELECT COUNT(*) FROM facts) AS facts,
                                   (SELECT COUNT(*) FROM outbox WHERE delivered_at IS NOT NULL) AS delivered,
                                   (SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL) AS pending
                            """))!
            return StoreCounts(
                filesProcessed: row["files"], filesRejected: row["rejected"], facts: row["facts"],
                alertsDelivered: row["delivered"], alertsPending: row["pending"])
        }
    }

    /// Every fact, or only those dated on or after `day` (deadlines, and tariffs by effective date).
    public func facts(upcomingOnOrAfter day: CalendarDate?) throws(FactStoreError) -> [FactSummary] {
        try read("list facts") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT f.id, f.value, f.alertable,
                           f.source_count AS sources,
                           (SELECT path FROM fact_sources s WHERE s.fact_id = f.id ORDER BY s.id LIMIT 1) AS first
                    FROM facts f ORDER BY f.created_at, f.id
                    """)
            return try rows.map { row in
                FactSummary(
                    id: row["id"], value: try JSONText.decode(FactValue.self, row["value"]), alertable: row["alertable"],
                    sourceCount: row["sources"], firstSource: row["first"] ?? "")
            }.filter { summary in
                guard let day else { return true }
                switch summary.value {
                case .deadline(let d): return (d.endDate ?? d.date).lastDay >= day
                case .tariff(let t): return t.status != .historical && (t.effectiveDate.map { $0.lastDay >= day } ?? true)
                }
            }
        }
    }
}

extension FeedEntry {
    /// The alert with its fact's sources now.
    init(alert: Alert, db: Database) throws {
        let count = try Int.fetchOne(db.cachedStatement(sql: "SELECT source_count FROM facts WHERE id = ?"), arguments: [alert.factID]) ?? 0
        self.init(alert: alert, sourceCount: count, sources: try Self.firstSources(of: alert.factID, db: db))
    }

    /// The first `maxSources` distinct files that state the fact, read from the oldest rows only.
    static func firstSources(of factID: String, db: Database) throws -> [String] {
        var sources: [String] = []
        let paths = try String.fetchCursor(
            db.cachedStatement(sql: "SELECT path FROM fact_sources WHERE fact_id = ? ORDER BY id"), arguments: [factID])
        while sources.count < maxSources, let path = try paths.next() {
            if !sources.contains(path) { sources.append(path) }
        }
        return sources
    }
}
