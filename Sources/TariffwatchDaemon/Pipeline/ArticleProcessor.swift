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

    public init(reader: ArticleReader, store: FactStore, policy: AlertPolicy, events: OperationalEvents, logger: Logger) {
        self.reader = reader
        self.store = store
        self.policy = policy
        self.events = events
        self.logger = logger
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
            let identity = reader.identity(of: path)
            if try store.isRejected(path: path.string, identity: identity?.key) { return .unchanged }
            try reject(path: path, identity: identity?.key, reason: error.description)
            return .rejected(reason: error.description)
        }
        let record = FileRecord(article: article)
        switch try store.disposition(of: record) {
        case .unchanged:
            return .unchanged
        case .new, .changed:
            let extraction = extractor.extract(article.text, referenceDate: record.referenceDate)
            let alerts = try store.record(record, extraction: extraction, policy: policy)
            // One line per file at info level, so an operator following the journal sees every file
            // that was taken in, including the ones that raise nothing.
            let found = "\(extraction.deadlines.count) deadline(s), \(extraction.tariffChanges.count) tariff change(s)"
            logger.info(
                "processed \(path): \(found), \(alerts.isEmpty ? "no new facts" : "\(alerts.count) alert(s)")",
                metadata: [
                    "file": "\(path)", "deadlines": "\(extraction.deadlines.count)",
                    "tariffs": "\(extraction.tariffChanges.count)", "alerts": "\(alerts.count)",
                ])
            return .processed(alerts: alerts.count)
        }
    }

    private func reject(path: FilePath, identity: String?, reason: String) throws {
        try store.recordRejection(path: path.string, identity: identity, reason: reason)
        events.fileRejected(path: path.string, reason: reason)
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

extension Article {
    /// The UTC day of the file's modification time: a plain-text article's reference date.
    var modificationDay: CalendarDate {
        let seconds = modificationTime
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400  // floor, also before 1970
        return CalendarDate(daysSinceEpoch: Int(days))
    }
}
