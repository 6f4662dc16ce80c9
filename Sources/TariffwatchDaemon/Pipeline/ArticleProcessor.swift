public import AlertDelivery
public import ArticleWatcher
public import FactStore
public import Logging
public import SystemPackage
public import TariffExtraction

/// One file through the pipeline: read it safely, skip it if already processed, extract, store.
///
/// Bad files are rejected with one journal error naming the file and the reason; they are recorded
/// so an unchanged bad file is not reported again after a restart.
public struct ArticleProcessor: Sendable {
    /// What happened to one file.
    public enum Outcome: Sendable, Equatable {
        case processed(alerts: Int)
        case unchanged
        case rejected(reason: String)
        case ignored
    }

    let reader: ArticleReader
    let store: FactStore
    let extractor = Extractor()
    var policy: AlertPolicy
    let events: OperationalEvents
    let logger: Logger
    /// Today in UTC; injected by tests that pin the clock.
    let today: @Sendable () -> CalendarDate

    public init(
        reader: ArticleReader, store: FactStore, policy: AlertPolicy, events: OperationalEvents, logger: Logger,
        today: (@Sendable () -> CalendarDate)? = nil
    ) {
        self.reader = reader
        self.store = store
        self.policy = policy
        self.events = events
        self.logger = logger
        self.today = today ?? { CalendarDate.today() }
    }

    /// Processes the file at `path`.
    /// - Throws: only when the state database fails (disk full, corrupt): the caller stops or retries;
    ///   problems with the file itself are outcomes, not errors.
    public func process(_ path: FilePath) throws -> Outcome {
        try process(batch: [Item(path)])[0]
    }

    /// Looks again at a file whose metadata changed (`touch -d`, `chmod`), if it was rejected and is still there:
    /// the change may have fixed it. Any other file is left to its writer's close; a deleted one (unlink also
    /// changes metadata) is not reported as vanished.
    public func reconsider(_ path: FilePath) throws -> Outcome {
        try process(batch: [.init(path, reconsidering: true)])[0]
    }

    /// One file of a batch; `reconsidering`: only if it was rejected before (see `reconsider`).
    public struct Item: Sendable, Equatable {
        public var path: FilePath
        public var reconsidering: Bool

        public init(_ path: FilePath, reconsidering: Bool = false) {
            self.path = path
            self.reconsidering = reconsidering
        }
    }

    /// Processes files in order and stores all they leave in one transaction (one commit for the batch),
    /// reporting each file (journal error, info line) only once that commit succeeded. Reading and
    /// extraction run before the write lock is taken and stop once `budget` is spent, so a batch is
    /// bounded in time as well as by the caller's count; a path that comes twice ends the batch before its
    /// second time, which must be compared with the state the first one leaves.
    /// - Returns: the outcomes of the files processed, a prefix of `items` (at least one); the caller
    ///   passes the rest again.
    /// - Throws: only when the state database fails: nothing of the batch is stored, all of it can be retried.
    public func process(batch items: [Item], budget: Duration = .milliseconds(20)) throws -> [Outcome] {
        let clock = ContinuousClock()
        let started = clock.now
        var prepared: [Prepared] = []
        var seen = Set<FilePath>()
        for item in items {
            if !prepared.isEmpty && (seen.contains(item.path) || clock.now - started >= budget) { break }
            seen.insert(item.path)
            prepared.append(try prepare(item))
        }
        let alerts = try store.apply(prepared.compactMap(\.change))
        var stored = alerts.makeIterator()
        return prepared.map { file -> Outcome in
            switch file.change {
            case nil:
                return file.outcome
            case .rejected(let path, _, let reason):
                _ = stored.next()
                events.fileRejected(path: path, reason: reason)
                return file.outcome
            case .processed(_, let extraction, _):
                let count = stored.next()?.count ?? 0
                // One line per file at info level, so an operator following the journal sees every file
                // that was taken in, including the ones that raise nothing.
                let path = file.path
                let found = "\(extraction.deadlines.count) deadline(s), \(extraction.tariffChanges.count) tariff change(s)"
                logger.info(
                    "processed \(path): \(found), \(count == 0 ? "no new facts" : "\(count) alert(s)")",
                    metadata: [
                        "file": "\(path)", "deadlines": "\(extraction.deadlines.count)",
                        "tariffs": "\(extraction.tariffChanges.count)", "alerts": "\(count)",
                    ])
                return .processed(alerts: count)
            }
        }
    }

    /// One file read, looked up and extracted, with what it leaves in the state (nil: nothing).
    private struct Prepared {
        var path: FilePath
        var outcome: Outcome
        var change: StateChange?
    }

    private func prepare(_ item: Item) throws -> Prepared {
        let path = item.path
        if item.reconsidering {
            guard reader.identity(of: path) != nil, try store.hasRejection(path: path.string) else {
                return Prepared(path: path, outcome: .ignored)
            }
        }
        let article: Article
        do {
            article = try reader.read(path)
        } catch .stillBeingWritten {
            // Its writer is not done: the close that ends the write reports the file again.
            logger.debug("file changed while being read; waiting for its writer", metadata: ["file": "\(path)"])
            return Prepared(path: path, outcome: .ignored)
        } catch {
            return try rejectOnce(path: path, identity: reader.identity(of: path), reason: error.description)
        }
        var record = FileRecord(article: article)
        switch try store.disposition(of: record) {
        case .unchanged:
            return Prepared(path: path, outcome: .unchanged)
        case .new, .changed:
            switch ModificationDay.check(article, today: today()) {
            case .success(let day): record.referenceDate = day
            case .failure(let error): return try rejectOnce(path: path, identity: article.identity, reason: error.description)
            }
            let extraction = extractor.extract(article.text, referenceDate: record.referenceDate)
            return Prepared(path: path, outcome: .processed(alerts: 0), change: .processed(record, extraction, policy: policy))
        }
    }

    /// A bad file to record and report, unless this very version of it (same identity) was reported already.
    private func rejectOnce(path: FilePath, identity: FileIdentity?, reason: String) throws -> Prepared {
        if try store.isRejected(path: path.string, identity: identity?.key) { return Prepared(path: path, outcome: .unchanged) }
        return Prepared(
            path: path, outcome: .rejected(reason: reason),
            change: .rejected(path: path.string, identity: identity?.key, reason: reason))
    }
}

extension FileIdentity {
    /// Device, inode, size and modification time as one comparable string.
    var key: String { "\(device):\(inode):\(size):\(modificationTimeNanoseconds)" }
}

extension FileRecord {
    init(article: Article) {
        self.init(
            path: article.path.string, device: article.identity.device, inode: article.identity.inode,
            size: article.identity.size, modificationTimeNanoseconds: article.identity.modificationTimeNanoseconds,
            contentHash: article.contentHash,
            referenceDate: article.modificationDay)
    }
}
