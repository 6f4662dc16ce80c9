public import Foundation
import GRDB
public import TariffExtraction

/// The daemon's state in SQLite: files seen, merged facts with their sources, and the alert outbox.
///
/// Facts and the alerts they raise are written in one transaction, so a crash at any moment leaves
/// either both or neither; delivery marks alerts afterwards. WAL mode lets `tariffwatch status` read
/// while the daemon writes. `synchronous=NORMAL`: a killed process loses nothing committed; a power
/// cut may lose the last transactions, whose files are then simply processed again.
public final class FactStore: Sendable {
    let pool: DatabasePool
    public let path: String
    /// The folder holding the database, for messages.
    public var directory: String { (path as NSString).deletingLastPathComponent }
    /// Random per database (see `Alert.stateEpoch`): alert ids from a wiped state never equal old ones.
    public let epoch: String
    /// What this process wrote to the outbox last, so delivery need not decode it again. The delivery
    /// lanes run a few dozen alerts behind the ingest under a 20,000-file burst; 2,048 alerts held 1.8 MB
    /// of a burst's peak RSS, half of which bought nothing.
    let recentAlerts = RecentAlerts(capacity: 1024)
    /// Which facts gained sources in the last commits, so a feed delivery reads only those counts.
    let sourceCounts = FactChangeLog(capacity: 1024)
    /// Which deadline facts the last commits wrote, so the reminder look after a file reads only those.
    let deadlineChanges = FactChangeLog(capacity: 1024)
    /// Candidate facts' values, decoded once for the store's life (only the writer uses it).
    let factValues = FactValueCache()
    /// One reader at a time. GRDB's reader pool guards its connections with concurrent dispatch queues
    /// (`ReadWriteLock`, `Pool.barrierQueue`); when two lanes read at once, the waiter is handed to a
    /// libdispatch global queue, whose first worker arms the once-a-second pool monitor and starts the event
    /// thread at nice -4 (`Failed to set thread priority … errno=13` in an unprivileged unit, and a wake-up
    /// every second from then on). The daemon's reads are a few rows each, so taking turns costs nothing
    /// that shows, and GRDB's queues are never contended.
    private let readTurn = NSLock()
    /// The connection `read` uses when this process owns the state (nil when read-only): reads take turns
    /// anyway, and checking one of GRDB's pooled readers out and back in (dispatch barriers, a semaphore and
    /// a `PRAGMA schema_version` per read) was a third of what a read cost beyond its own queries at 1 file/s
    /// (`perf record --call-graph dwarf`). Opened read-only: it can never write.
    private let reader: DatabaseQueue?
    /// Runs the writer's WAL checkpoints off the write path (nil when read-only).
    let checkpointer: WALCheckpointer?

    /// Opens (creating if needed) `tariffwatch.sqlite` in `directory` and brings its schema up to date.
    /// - Parameter readOnly: open an existing database for queries only, creating and migrating nothing,
    ///   so members of the state's group can ask questions while the daemon owns the files.
    /// - Throws: `FactStoreError` naming the database file.
    public init(directory: String, readOnly: Bool = false) throws(FactStoreError) {
        path = (directory as NSString).appendingPathComponent("tariffwatch.sqlite")
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.readonly = readOnly
        // GRDB's queues default to user-initiated QoS, which libdispatch on Linux turns into nice -4,
        // a priority a background daemon has no claim to (and an unprivileged unit is refused).
        configuration.qos = .default
        let checkpointer = readOnly ? nil : WALCheckpointer(path: path)
        self.checkpointer = checkpointer
        if !readOnly {
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // So the counting triggers (`store_counts`) see a row an `INSERT OR REPLACE` removes.
                if !db.configuration.readonly { try db.execute(sql: "PRAGMA recursive_triggers = ON") }
                // The writer's checkpoints run on a connection of their own, after the commit (see `WALCheckpointer`).
                // The closure holds it too, so it lives as long as the pool's writer connection.
                if !db.configuration.readonly { checkpointer?.install(on: db) }
                // Readers look up a few rows each (a file, the pending ids, an alert): SQLite's default
                // 2 MB page cache per connection, times the pool's readers, was a third of a burst's
                // live heap. The writer keeps the default.
                if db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -512") }
            }
        }
        do {
            if !readOnly {
                // Before the first connection: the writer's commits go through it (see `WALFrameBatching`).
                try WALFrameBatching.installation.get()
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            pool = try readOnly ? Self.openReadOnly(path, configuration) : DatabasePool(path: path, configuration: configuration)
            if !readOnly {
                try Schema.migrator.migrate(pool)
                // Created by root for a state folder someone else owns: theirs (SQLite then gives later `-wal`
                // and `-shm` files the database's owner itself).
                for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
                    StateOwnership.adopt(path: file)
                }
            }
            if readOnly {
                reader = nil
            } else {
                var readerConfiguration = configuration
                readerConfiguration.readonly = true  // and so the small page cache of `prepareDatabase`
                reader = try DatabaseQueue(path: path, configuration: readerConfiguration)
            }
            // A read-only look at a state the daemon has not upgraded yet has no epoch (the old id form).
            epoch = try pool.read { db in
                try db.tableExists("state_meta")
                    ? String.fetchOne(db, sql: "SELECT value FROM state_meta WHERE key = 'epoch'") ?? "" : ""
            }
        } catch {
            throw FactStoreError(path: path, operation: "open the state database", underlying: "\(error)")
        }
    }

    /// A reader that may not write the folder cannot create the `-shm` file WAL mode needs. While the
    /// daemon runs, its `-wal` and `-shm` exist and are shared; when it is stopped they are gone and
    /// nothing writes, so the file is opened as immutable (no locks, no `-shm`).
    private static func openReadOnly(_ path: String, _ configuration: Configuration) throws -> DatabasePool {
        let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        let immutable = "file:\(escaped)?immutable=1"
        guard FileManager.default.fileExists(atPath: path + "-wal") else {
            return try DatabasePool(path: immutable, configuration: configuration)
        }
        do {
            return try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN {
            // A `-wal` and `-shm` the reader cannot use with no daemon to share them: left behind when the
            // daemon's last connection did not close (its close removes them); the systemd end-to-end test
            // met one 65 ms after a clean stop. Nothing writes then, so the main file is read as it is, and a
            // commit still in that `-wal` shows once the daemon has run again. (While the daemon runs the
            // reader shares its `-shm`, and this error does not arise for a member of the state's group.)
            return try DatabasePool(path: immutable, configuration: configuration)
        }
    }

    /// Whether `file` needs processing: unchanged content at the same path is skipped.
    public func disposition(of file: FileRecord) throws(FactStoreError) -> FileDisposition {
        try read("look up \(file.path)") { db in FileDisposition(of: file, stored: try Self.storedHash(of: file.path, in: db)) }
    }

    /// The content hash the state holds for each of `paths` that it has processed: what `disposition(of:)`
    /// compares, for a whole batch in one look-up. A read per file (a reader taken from the pool, two
    /// dispatch hops, a transaction) cost a twentieth of a burst's CPU for a single-row look-up.
    ///
    /// Read on the writer's connection, between its write transactions: the ingest lane calls this and is the
    /// only writer of `files`, so the writer's page cache is current, where a pool reader re-reads its
    /// pages after every commit (0.4 ms of a lone file's 2 ms to the journal, `perf record` at 1 file/s).
    public func contentHashes(of paths: [String]) throws(FactStoreError) -> [String: String] {
        guard !paths.isEmpty else { return [:] }
        return try readOnWriter("look up \(paths.count) files") { db in
            var hashes: [String: String] = [:]
            for path in paths where hashes[path] == nil {
                if let hash = try Self.storedHash(of: path, in: db) { hashes[path] = hash }
            }
            return hashes
        }
    }

    /// The content hash recorded for `path`, nil when it was never processed there (one prepared statement).
    private static func storedHash(of path: String, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT content_hash FROM files WHERE path = ?"), arguments: [path])
    }

    /// Records a processed one-article file and merges what it says, in one transaction.
    /// - Returns: the alerts it raised, already in the outbox.
    public func record(_ file: FileRecord, extraction: Extraction, policy: AlertPolicy = .init(), now: Date = Date())
        throws(FactStoreError) -> [Alert]
    {
        let article = ArticleRecord(
            itemKey: nil, contentHash: file.contentHash, referenceDate: file.referenceDate,
            provenance: ArticleProvenance(title: nil, url: nil, published: nil, referenceDateSource: "mtime"), extraction: extraction)
        return try record(file, articles: [article], policy: policy, now: now)
    }

    /// Records a processed file and merges what each of its articles says, in one transaction.
    ///
    /// An item of a multi-article file whose text is unchanged since it was last processed at this
    /// path is skipped, so a feed file that is downloaded again alerts only for its new items. Each
    /// item is its own source (`path#item`): two items stating a fact are two sources.
    /// - Parameter inboxAction: `watch.after_processing`, queued in the same transaction, so the file is moved or
    ///   deleted only once its facts are committed and a crash before that is finished at the next start.
    /// - Returns: the alerts raised, already in the outbox.
    public func record(
        _ file: FileRecord, articles: [ArticleRecord], policy: AlertPolicy = .init(), now: Date = Date(),
        inboxAction: InboxAction? = nil
    ) throws(FactStoreError) -> [Alert] {
        try apply([.processed(file, articles, policy: policy, inboxAction: inboxAction)], now: now)[0]
    }

    /// Records a file that could not be used, so it is counted and not reported again until it changes.
    public func recordRejection(path: String, identity: String?, reason: String, now: Date = Date()) throws(FactStoreError) {
        _ = try apply([.rejected(path: path, identity: identity, reason: reason)], now: now)
    }

    /// Stores what many files left in one transaction: one commit (one WAL write) for a whole batch
    /// instead of one per file, which is what lets a burst of small files go at thousands a second.
    /// All or none is stored, so a failure (disk full) leaves every file of the batch to be retried.
    /// - Returns: for each change, the alerts it raised, already in the outbox (none for a rejection).
    public func apply(_ changes: [StateChange], now: Date = Date()) throws(FactStoreError) -> [[Alert]] {
        guard !changes.isEmpty else { return [] }
        let operation = changes.count == 1 ? changes[0].operation : "record \(changes.count) files"
        let epoch = self.epoch
        let (alerts, counted, deadlines) = try write(operation) { db -> ([[Alert]], Set<String>, Set<String>) in
            let values = factValues
            var counted: Set<String> = [], deadlines: Set<String> = []
            var calendarChanged = false
            let alerts = try changes.map { change -> [Alert] in
                switch change {
                case .processed(let file, let articles, let policy, let inboxAction):
                    if let inboxAction {
                        try Self.insert(PendingInboxAction(inboxAction, for: file), db: db, now: now)
                    }
                    return try Self.record(
                        file, articles: articles, policy: policy, now: now, values: values, counted: &counted,
                        deadlines: &deadlines, calendarChanged: &calendarChanged, in: db
                    ).map { alert in
                        var alert = alert
                        alert.stateEpoch = epoch
                        return alert
                    }
                case .rejected(let path, let identity, let reason):
                    try db.cachedStatement(
                        sql: """
                            INSERT INTO rejections (path, identity, reason, rejected_at) VALUES (?, ?, ?, ?)
                            ON CONFLICT(path) DO UPDATE SET identity = excluded.identity, reason = excluded.reason,
                                rejected_at = excluded.rejected_at
                            """
                    ).execute(arguments: [path, identity, reason, DatabaseTimestamp.value(of: now)])
                    return []
                }
            }
            // once for the batch, whatever it wrote (`CalendarVersion`)
            if calendarChanged { try db.cachedStatement(sql: CalendarVersion.counted).execute() }
            return (alerts, counted, deadlines)
        }
        sourceCounts.add(counted)
        deadlineChanges.add(deadlines)
        recentAlerts.add(alerts.flatMap { $0 })
        return alerts
    }

    private static func record(
        _ file: FileRecord, articles: [ArticleRecord], policy: AlertPolicy, now: Date, values: FactValueCache,
        counted: inout Set<String>, deadlines: inout Set<String>, calendarChanged: inout Bool, in db: Database
    ) throws -> [Alert] {
        let stamp = DatabaseTimestamp.value(of: now)
        try db.cachedStatement(
            sql: """
                INSERT INTO files (path, device, inode, size, mtime_ns, content_hash, reference_date, processed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET device = excluded.device, inode = excluded.inode,
                    size = excluded.size, mtime_ns = excluded.mtime_ns, content_hash = excluded.content_hash,
                    reference_date = excluded.reference_date, processed_at = excluded.processed_at
                """
        ).execute(arguments: [
            file.path, Int64(bitPattern: file.device), Int64(bitPattern: file.inode), file.size,
            file.modificationTimeNanoseconds, file.contentHash, file.referenceDate.description, stamp,
        ])
        try db.cachedStatement(sql: "DELETE FROM rejections WHERE path = ?").execute(arguments: [file.path])
        var alerts: [Alert] = []
        for article in articles {
            let key = article.itemKey ?? ""
            if article.itemKey != nil,
                try String.fetchOne(
                    db.cachedStatement(sql: "SELECT content_hash FROM articles WHERE path = ? AND item_key = ?"),
                    arguments: [file.path, key]) == article.contentHash
            {
                continue
            }
            let provenance = article.provenance
            try db.cachedStatement(
                sql: """
                    INSERT INTO articles (path, item_key, content_hash, reference_date, reference_date_source, title, url,
                        published, processed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(path, item_key) DO UPDATE SET content_hash = excluded.content_hash,
                        reference_date = excluded.reference_date, reference_date_source = excluded.reference_date_source,
                        title = excluded.title, url = excluded.url, published = excluded.published,
                        processed_at = excluded.processed_at
                    """
            ).execute(arguments: [
                file.path, key, article.contentHash, article.referenceDate.description, provenance.referenceDateSource,
                provenance.title, provenance.url, provenance.published?.description, stamp,
            ])
            var dated = file
            dated.referenceDate = article.referenceDate
            var merge = MergeTransaction(db: db, file: dated, policy: policy, now: now, values: values)
            merge.sourceKey = article.itemKey.map { "\(file.path)#\($0)" } ?? file.path
            merge.provenance = article.itemKey == nil && provenance.title == nil && provenance.url == nil
                && provenance.published == nil && provenance.referenceDateSource == "mtime" ? nil : provenance
            for observation in Observation.observations(in: article.extraction) {
                try merge.apply(observation)
            }
            alerts += merge.alerts
            counted.formUnion(merge.counted)
            deadlines.formUnion(merge.deadlines)
            calendarChanged = calendarChanged || merge.calendarChanged
        }
        return alerts
    }

    /// True when this path was rejected with this identity (same device, inode, size, mtime) before.
    public func isRejected(path: String, identity: String?) throws(FactStoreError) -> Bool {
        guard let identity else { return false }
        return try read("look up the rejection of \(path)") { db in
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT 1 FROM rejections WHERE path = ? AND identity = ?"),
                arguments: [path, identity]) ?? false
        }
    }

    /// True when this path's last outcome was a rejection, whatever version of the file it was.
    public func hasRejection(path: String) throws(FactStoreError) -> Bool {
        try read("look up the rejection of \(path)") { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM rejections WHERE path = ?"), arguments: [path]) ?? false
        }
    }

    /// Alerts not yet delivered to every sink, oldest first.
    public func pendingAlerts(limit: Int) throws(FactStoreError) -> [Alert] {
        try alerts("read the outbox", where: "delivered_at IS NULL", after: 0, limit: limit)
    }

    /// Alerts not yet delivered to `sink`, oldest first, with ids above `after`.
    public func pendingAlerts(for sink: AlertSink, after: Int64 = 0, limit: Int) throws(FactStoreError) -> [Alert] {
        try alerts("read the \(sink.rawValue) outbox", where: "\(sink.column) IS NULL", after: after, limit: limit)
    }

    /// The newest undelivered id for `sink`, or nil when nothing waits for it.
    public func newestPendingID(for sink: AlertSink) throws(FactStoreError) -> Int64? {
        try read("read the \(sink.rawValue) outbox") { db in try Self.newestPendingID(for: sink, db) }
    }

    static func newestPendingID(for sink: AlertSink, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(id) FROM outbox WHERE \(sink.column) IS NULL"))
    }

    /// The highest id up to which nothing waits for `sink`: the oldest pending id less one, else the newest
    /// id (0 for an empty outbox). Ids grow by one per alert (`AUTOINCREMENT`, and a rolled-back batch
    /// gives its ids back), so the next alert this process raises is this plus one when nothing waits.
    public func settledThrough(for sink: AlertSink) throws(FactStoreError) -> Int64 {
        try read("read the \(sink.rawValue) outbox") { db in
            if let oldest = try Int64.fetchOne(db.cachedStatement(sql: "SELECT MIN(id) FROM outbox WHERE \(sink.column) IS NULL")) {
                return oldest - 1
            }
            return try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(id) FROM outbox")) ?? 0
        }
    }

    /// Marks alerts delivered to `sink`; an alert delivered to every sink is delivered (`delivered_at`).
    public func markDelivered(_ ids: [Int64], to sink: AlertSink, at date: Date = Date()) throws(FactStoreError) {
        guard !ids.isEmpty else { return }
        try write("mark \(ids.count) alerts delivered to the \(sink.rawValue)") { db in
            let update = try db.cachedStatement(sql: "\(Self.markSQL(sink)) WHERE id = ? AND \(sink.column) IS NULL")
            let stamp = DatabaseTimestamp.value(of: date)
            for id in ids { try update.execute(arguments: [stamp, stamp, id]) }
        }
    }

    /// Marks every alert still pending for `sink` up to and including `newest` in one statement (the
    /// feed, whose file holds them all once written): no read of their ids first.
    /// - Returns: how many were marked.
    @discardableResult
    public func markDelivered(through newest: Int64, to sink: AlertSink, at date: Date = Date()) throws(FactStoreError) -> Int {
        try write("mark the alerts up to \(newest) delivered to the \(sink.rawValue)") { db in
            let stamp = DatabaseTimestamp.value(of: date)
            try db.cachedStatement(sql: "\(Self.markSQL(sink)) WHERE \(sink.column) IS NULL AND id <= ?")
                .execute(arguments: [stamp, stamp, newest])
            return db.changesCount
        }
    }

    /// `UPDATE … SET` marking `sink` done, its two `?` the time; every SET expression sees the old row,
    /// so the CASE asks whether the other sinks are done.
    private static func markSQL(_ sink: AlertSink) -> String {
        let others = AlertSink.allCases.filter { $0 != sink }.map { "\($0.column) IS NOT NULL" }
        return "UPDATE outbox SET \(sink.column) = ?, delivered_at = CASE WHEN \(others.joined(separator: " AND ")) THEN ? END"
    }

    /// Marks alerts delivered to every sink (what older tests and tools expect).
    public func markDelivered(_ ids: [Int64], at date: Date = Date()) throws(FactStoreError) {
        for sink in AlertSink.allCases { try markDelivered(ids, to: sink, at: date) }
    }

    /// `condition` is one of a few fixed texts; `after` and `limit` are bound, never written into the SQL:
    /// each distinct text is a statement GRDB caches for the connection's life, and the journal lane's
    /// `after` changes at every round (at 200 files/s the cache grew by 200 statements a second, and
    /// copying it became a sixth of the daemon's CPU).
    private func alerts(_ operation: String, where condition: String, after: Int64, limit: Int) throws(FactStoreError) -> [Alert] {
        let ids = try read(operation) { db in
            try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT id FROM outbox WHERE \(condition) AND id > ? ORDER BY id LIMIT ?"),
                arguments: [after, limit])
        }
        return try alerts(ids: ids, operation)
    }

    /// The outbox rows with these ids, in this order (an id without a row is left out): from
    /// `recentAlerts` when this process wrote them, else decoded from the row.
    func alerts(ids: [Int64], _ operation: String, on connection: ReadConnection = .reader) throws(FactStoreError) -> [Alert] {
        var alerts = ids.map { recentAlerts.alert(id: $0) }
        let missing = zip(ids, alerts).filter { $0.1 == nil }.map(\.0)
        guard !missing.isEmpty else { return alerts.compactMap { $0 } }
        let epoch = self.epoch
        let decoded = try read(operation, on: connection) { db in
            let statement = try db.cachedStatement(sql: "SELECT id, payload FROM outbox WHERE id = ?")
            var decoded: [Int64: Alert] = [:]
            for id in missing {
                if let row = try Row.fetchOne(statement, arguments: [id]) { decoded[id] = try Alert(row: row, epoch: epoch) }
            }
            return decoded
        }
        for index in alerts.indices where alerts[index] == nil { alerts[index] = decoded[ids[index]] }
        return alerts.compactMap { $0 }
    }

    /// The reader closes first, so the pool's writer is the last connection: it checkpoints and removes the
    /// `-wal`, which a read-only connection closing last could not, and a stopped daemon leaves none behind.
    deinit {
        try? reader?.close()
    }

    /// `texts` as a JSON array of strings, for `json_each`: one bound argument however many there are.
    static func jsonArray(_ texts: Set<String>) throws -> String {
        String(decoding: try JSONEncoder().encode(texts.sorted()), as: UTF8.self)
    }

    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(FactStoreError) -> T {
        readTurn.lock()
        defer { readTurn.unlock() }
        do { return try reader?.read(body) ?? pool.read(body) } catch {
            throw FactStoreError(path: path, operation: operation, underlying: "\(error)")
        }
    }

    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(FactStoreError) -> T {
        do { return try pool.write(body) } catch { throw FactStoreError(path: path, operation: operation, underlying: "\(error)") }
    }

    /// Reads on `connection`.
    func read<T>(_ operation: String, on connection: ReadConnection, _ body: (Database) throws -> T) throws(FactStoreError) -> T {
        switch connection {
        case .reader: try read(operation, body)
        case .writer: try readOnWriter(operation, body)
        }
    }

    /// Reads on the writer's connection, between its write transactions, for what only the writer's own
    /// lane changes: its page cache is current, where a pool reader re-reads its pages after every commit.
    /// All of `body`'s statements share one read transaction (or the one `readingTogether` holds open): a
    /// statement on its own takes and releases the WAL's read lock itself, two `fcntl`s each (ten for a lone
    /// file's feed item, two for every file of a batch's look-up).
    func readOnWriter<T>(_ operation: String, _ body: (Database) throws -> T) throws(FactStoreError) -> T {
        do {
            return try pool.unsafeReentrantWrite { db in try Self.inReadTransaction(db) { try body(db) } }
        } catch {
            throw FactStoreError(path: path, operation: operation, underlying: "\(error)")
        }
    }

    /// Runs `body`, whose reads on `connection` then share one read transaction when it is the writer's
    /// (a reader's reads each take their own, as before): the several reads of one feed publication.
    public func readingTogether<T>(on connection: ReadConnection, _ body: () throws -> T) throws -> T {
        guard connection == .writer else { return try body() }
        do {
            return try pool.unsafeReentrantWrite { db in try Self.inReadTransaction(db, body) }
        } catch let error as DatabaseError {
            // Beginning or ending the transaction; `body`'s own errors pass as they are.
            throw FactStoreError(path: path, operation: "read on the writer", underlying: "\(error)")
        }
    }

    /// `body` inside a deferred transaction, or inside the one already open.
    private static func inReadTransaction<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        if db.isInsideTransaction { return try body() }
        var result: T?
        try db.inTransaction(.deferred) {
            result = try body()
            return .commit
        }
        return result!
    }
}

/// Which connection a read of the feed's rows uses.
public enum ReadConnection: Sendable {
    /// The reader's, which never waits for a write: for the delivery lanes.
    case reader
    /// The writer's, between its write transactions: for the ingest lane, the writer of alerts, right after its
    /// commit. Its page cache holds what that commit wrote, where the reader's first read after a commit
    /// finds the WAL changed, drops its whole cache and reads every page it needs again (seven `pread`s
    /// of the WAL for a lone file's feed item).
    case writer
}

/// What one file leaves in the state, gathered before the write so that extraction runs outside the
/// write lock and a batch of files is stored in one transaction (`FactStore.apply`).
public enum StateChange: Sendable {
    /// A file read and extracted: record it and merge what each of its articles says under `policy`;
    /// `inboxAction` (`watch.after_processing`) is queued in the same transaction, so the file is moved or
    /// deleted only once its facts are committed.
    case processed(FileRecord, [ArticleRecord], policy: AlertPolicy, inboxAction: InboxAction? = nil)
    /// A file that could not be used: record why, so it is not reported again until it changes.
    case rejected(path: String, identity: String?, reason: String)

    var operation: String {
        switch self {
        case .processed(let file, _, _, _): "record \(file.path)"
        case .rejected(let path, _, _): "record the rejection of \(path)"
        }
    }
}

/// The state database failed: which database, doing what, and SQLite's reason (a full disk shows here).
public struct FactStoreError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var underlying: String
    public var description: String { "cannot \(operation) in \(path): \(underlying)" }
}
