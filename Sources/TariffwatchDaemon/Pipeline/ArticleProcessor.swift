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
        let article: Article
        do {
            article = try reader.read(path)
        } catch .stillBeingWritten {
            // Its writer is not done: the close that ends the write reports the file again.
            logger.debug("file changed while being read; waiting for its writer", metadata: ["file": "\(path)"])
            return .ignored
        } catch {
            return try rejectOnce(path: path, identity: reader.identity(of: path), reason: error.description)
        }
        let dated = DatedArticle.articles(of: article)
        var record = FileRecord(article: article)
        switch try store.disposition(of: record) {
        case .unchanged:
            // Known already (a rescan, a restart, the same file dropped again): its facts are committed long ago.
            try housekeeper?.finishKnown(record)
            return .unchanged
        case .new, .changed:
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
            var deadlines = 0, tariffs = 0
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
                deadlines += extraction.deadlines.count
                tariffs += extraction.tariffChanges.count
                records.append(ArticleRecord(item, extraction: extraction))
            }
            let alerts = try store.record(record, articles: records, policy: policy, inboxAction: housekeeper?.action)
            // One line per file at info level, so an operator following the journal sees every file
            // that was taken in, including the ones that raise nothing.
            let articles = dated.count == 1 ? "" : "\(dated.count) articles, "
            let found = "\(articles)\(deadlines) deadline(s), \(tariffs) tariff change(s)"
            logger.info(
                "processed \(path): \(found), \(alerts.isEmpty ? "no new facts" : "\(alerts.count) alert(s)")",
                metadata: [
                    "file": "\(path)", "format": "\(article.format.rawValue)", "articles": "\(dated.count)",
                    "deadlines": "\(deadlines)", "tariffs": "\(tariffs)", "alerts": "\(alerts.count)",
                ])
            if let housekeeper, let action = housekeeper.action {
                try housekeeper.finish(PendingInboxAction(action, for: record))
            }
            return .processed(alerts: alerts.count)
        }
    }

    /// Looks again at a file whose metadata changed (`touch -d`, `chmod`), if it was rejected and is still there:
    /// the change may have fixed it. Any other file is left to its writer's close; a deleted one (unlink also
    /// changes metadata) is not reported as vanished.
    public func reconsider(_ path: FilePath) throws -> Outcome {
        guard reader.identity(of: path) != nil, try store.hasRejection(path: path.string) else { return .ignored }
        return try process(path)
    }

    /// Records and reports a bad file, unless this very version of it (same identity) was reported already.
    private func rejectOnce(path: FilePath, identity: FileIdentity?, reason: String) throws -> Outcome {
        if try store.isRejected(path: path.string, identity: identity?.key) { return .unchanged }
        try store.recordRejection(path: path.string, identity: identity?.key, reason: reason)
        events.fileRejected(path: path.string, reason: reason)
        return .rejected(reason: reason)
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
