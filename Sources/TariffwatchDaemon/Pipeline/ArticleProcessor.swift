public import AlertDelivery
import ArticleFormats
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
    /// What one article may cost to extract; past it the file is rejected as too complex.
    var limits = ExtractionLimits.standard
    var policy: AlertPolicy
    /// `watch.after_processing`: nil (or `keep`) leaves processed files where they are.
    var housekeeper: InboxHousekeeper?
    let events: OperationalEvents
    let logger: Logger
    /// Sends each alert's journal entry right after the commit that raised it, from this lane
    /// (`AlertDispatcher.sendToJournalAtOnce`), and for a file that came alone publishes the feed too
    /// (`AlertDispatcher.publishFeedAtOnce`); nil leaves every alert to the delivery lanes.
    public var dispatcher: AlertDispatcher?
    /// Called on this lane right after a commit that raised alerts, before their journal entries and
    /// the files' log lines: the feed's delivery starts rendering while this lane sends to the journal.
    /// For a file that came alone, called only if this lane could not publish the feed itself.
    public var raisedAlerts: (@Sendable () -> Void)?
    /// Called on this lane when it published the feed for a file that came alone: the feed's delivery owes
    /// only the sync and the marks, after its linger (`DeliveryTrigger.signalFeedPublished`).
    public var publishedFeed: (@Sendable () -> Void)?
    /// Today in UTC; injected by tests that pin the clock.
    let today: @Sendable () -> CalendarDate

    public init(
        reader: ArticleReader, store: FactStore, policy: AlertPolicy, events: OperationalEvents, logger: Logger,
        today: (@Sendable () -> CalendarDate)? = nil
    ) {
        precondition(reader.hashesContent, "the state compares content hashes to skip known files: the reader must make them")
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
    public func process(batch items: [Item], budget: Duration = .milliseconds(50)) throws -> [Outcome] {
        let clock = ContinuousClock()
        let started = clock.now
        var prepared: [Prepared] = []
        var seen = Set<FilePath>()
        // What the state holds for the batch's paths, in one read: only this lane writes `files`, and the
        // batch's own rows are written after every file is prepared, so this is what each file's own
        // look-up would have read. A path that comes twice ends the batch before its second time.
        let storedHashes = try store.contentHashes(of: items.map(\.path.string))
        for item in items {
            if !prepared.isEmpty && (seen.contains(item.path) || clock.now - started >= budget) { break }
            seen.insert(item.path)
            prepared.append(try prepare(item, storedHash: storedHashes[item.path.string]))
        }
        let alerts = try store.apply(prepared.compactMap(\.change))
        let raised = alerts.contains { !$0.isEmpty }
        // A file that came alone (nothing else was waiting when the batch began): its feed item goes out
        // from this lane too, and the feed lane, told afterwards, only syncs it. Under a burst the feed lane
        // renders once for many files instead, starting while this lane sends to the journal.
        let alone = raised && items.count == 1 && dispatcher != nil
        if raised && !alone { raisedAlerts?() }
        // Before the per-file log lines: an analyst following the journal sees the alert first.
        dispatcher?.sendToJournalAtOnce(alerts.flatMap { $0 }, today: today())
        if alone {
            if dispatcher?.publishFeedAtOnce() == true { publishedFeed?() } else { raisedAlerts?() }
        }
        var stored = alerts.makeIterator()
        let outcomes = prepared.map { file -> Outcome in
            switch file.change {
            case nil:
                return file.outcome
            case .rejected(let path, _, let reason):
                _ = stored.next()
                events.fileRejected(path: path, reason: reason)
                return file.outcome
            case .processed:
                let count = stored.next()?.count ?? 0
                let summary = file.summary
                // One line per file at info level, so an operator following the journal sees every file
                // that was taken in, including the ones that raise nothing. Written after the commit: a
                // batch that fails to store is retried, and its files must not be reported twice.
                let path = file.path
                let articles = summary.articles == 1 ? "" : "\(summary.articles) articles, "
                let found = "\(articles)\(summary.deadlines) deadline(s), \(summary.tariffs) tariff change(s)"
                logger.info(
                    "processed \(path): \(found), \(count == 0 ? "no new facts" : "\(count) alert(s)")",
                    metadata: [
                        "file": "\(path)", "format": "\(summary.format.rawValue)", "articles": "\(summary.articles)",
                        "deadlines": "\(summary.deadlines)", "tariffs": "\(summary.tariffs)", "alerts": "\(count)",
                    ])
                return .processed(alerts: count)
            }
        }
        // `watch.after_processing`, only now that the batch is committed (its actions were queued with it).
        if let housekeeper, let action = housekeeper.action {
            for case .processed(let record, _, _, _) in prepared.compactMap(\.change) {
                try housekeeper.finish(PendingInboxAction(action, for: record))
            }
        }
        return outcomes
    }

    /// One file read, looked up and extracted, with what it leaves in the state (nil: nothing).
    private struct Prepared {
        var path: FilePath
        var outcome: Outcome
        var change: StateChange?
        var summary = Summary()
    }

    /// What a processed file held, for its info line.
    private struct Summary {
        var format = DocumentFormat.text
        var articles = 0
        var deadlines = 0
        var tariffs = 0
    }

    /// Reads, looks up and extracts one file: everything but the write, which the batch shares.
    /// `storedHash`: the content hash the state holds for its path (`FactStore.contentHashes`).
    private func prepare(_ item: Item, storedHash: String?) throws -> Prepared {
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
        if FileDisposition(of: record, stored: storedHash) == .unchanged {
            // Known already (a rescan, a restart, the same file dropped again): its facts are committed long ago.
            try housekeeper?.finishKnown(record)
            return Prepared(path: path, outcome: .unchanged)
        }
        let dated = DatedArticle.articles(of: article)
        // The modification time must be believable only when an article's dates are read against it;
        // an article that states its own publication date does not depend on it.
        if dated.isEmpty || dated.contains(where: { $0.referenceDateSource == .mtime }) {
            if case .failure(let error) = ModificationDay.check(article, today: today()) {
                return try rejectOnce(path: path, identity: article.identity, reason: error.description)
            }
        }
        record.referenceDate = dated.first?.referenceDate ?? article.modificationDay
        if !article.decoded.notes.isEmpty {
            logger.info(
                "reading \(path) as \(article.format.name): \(article.decoded.notes.joined(separator: "; "))",
                metadata: ["file": "\(path)", "format": "\(article.format.rawValue)"])
        }
        var records: [ArticleRecord] = []
        var summary = Summary(format: article.format, articles: dated.count)
        for item in dated {
            if let distrusted = item.distrusted {
                logger.warning("\(path): \(distrusted)", metadata: ["file": "\(path)", "item": "\(item.document.itemKey ?? "")"])
            }
            let extraction: Extraction
            do {
                extraction = try extractor.extract(item.document.text, referenceDate: item.referenceDate, limits: limits)
            } catch {
                // Too complex to read within its budget: one rejection for the file, not again at every restart.
                return try rejectOnce(path: path, identity: article.identity, reason: "skipped \(path): \(error)")
            }
            for note in extraction.notes {
                logger.warning("\(path): \(note)", metadata: ["file": "\(path)", "note": "\(note)"])
            }
            summary.deadlines += extraction.deadlines.count
            summary.tariffs += extraction.tariffChanges.count
            records.append(ArticleRecord(item, extraction: extraction))
        }
        return Prepared(
            path: path, outcome: .processed(alerts: 0), change: .processed(record, records, policy: policy, inboxAction: housekeeper?.action), summary: summary)
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
            contentHash: article.contentHash ?? "",  // never nil: `ArticleProcessor.init` requires a hashing reader
            referenceDate: article.modificationDay)
    }
}

extension ArticleRecord {
    /// What the state keeps of one dated article.
    init(_ item: DatedArticle, extraction: Extraction) {
        let document = item.document
        self.init(
            itemKey: document.itemKey, contentHash: document.contentHash, referenceDate: item.referenceDate,
            provenance: ArticleProvenance(
                title: document.title, url: document.url, published: document.published?.date,
                referenceDateSource: item.referenceDateSource.rawValue, item: document.itemKey),
            extraction: extraction)
    }
}
