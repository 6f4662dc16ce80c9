public import Foundation
public import TariffExtraction


/// Why an alert was raised.
public enum AlertKind: String, Sendable, Codable, Hashable, CaseIterable {
    case newDeadline = "new_deadline"
    case changedDeadline = "changed_deadline"
    case newTariff = "new_tariff"
    case changedTariff = "changed_tariff"
    /// An older report disagrees with what is known; kept side by side, not overwritten.
    case conflictingReport = "conflicting_report"
    /// An upcoming deadline is `alerts.remind_days` away (raised once per deadline and day count).
    case deadlineReminder = "deadline_reminder"
}

/// One row of the outbox: raised once, delivered to the journal and the feed.
public struct Alert: Sendable, Codable, Hashable, Identifiable {
    /// The outbox row id: increasing, never reused.
    public var id: Int64
    public var factID: String
    public var kind: AlertKind
    public var createdAt: Date
    /// The fact as known when the alert was raised.
    public var current: FactValue
    /// What was known before, for a change or a conflict.
    public var previous: FactValue?
    public var sourceFile: String
    /// The sentence that says it.
    public var evidence: String
    /// How many reports stated the fact when the alert was raised.
    public var sourceCount: Int
    /// The article that raised it: title, URL, publication date (nil in alerts stored before these were kept).
    public var provenance: ArticleProvenance?
    /// For a reminder: how many days were left until the deadline when it was raised.
    public var daysBefore: Int?
    /// For a tariff whose parties the extractor inferred from context: how sure it was (below 1); nil when read
    /// from the sentence itself.
    public var confidence: Double?
    /// The state database's random epoch (empty for a state created before epochs): with `id`, unique
    /// across state resets. Not stored in the payload; filled in when the row is read.
    public var stateEpoch = ""

    enum CodingKeys: String, CodingKey {
        case id, factID, kind, createdAt, current, previous, sourceFile, evidence, sourceCount, provenance, daysBefore,
            confidence
    }

    public init(
        id: Int64, factID: String, kind: AlertKind, createdAt: Date, current: FactValue, previous: FactValue?,
        sourceFile: String, evidence: String, sourceCount: Int, provenance: ArticleProvenance? = nil,
        daysBefore: Int? = nil, confidence: Double? = nil
    ) {
        self.id = id
        self.factID = factID
        self.kind = kind
        self.createdAt = createdAt
        self.current = current
        self.previous = previous
        self.sourceFile = sourceFile
        self.evidence = evidence
        self.sourceCount = sourceCount
        self.provenance = provenance
        self.daysBefore = daysBefore
        self.confidence = confidence
    }
}

/// Where an article came from, as alerts show it, so the analyst can open the source.
public struct ArticleProvenance: Sendable, Codable, Hashable {
    public var title: String?
    public var url: String?
    /// The publication day the article states, when it states one.
    public var published: CalendarDate?
    /// Where the reference date came from: `metadata`, `dateline` or `mtime`.
    public var referenceDateSource: String
    /// The item's identity inside a multi-article file (feed item, JSON object); nil for a one-article file.
    public var item: String?

    public init(title: String?, url: String?, published: CalendarDate?, referenceDateSource: String, item: String? = nil) {
        self.title = title
        self.url = url
        self.published = published
        self.referenceDateSource = referenceDateSource
        self.item = item
    }

    enum CodingKeys: String, CodingKey {
        case title, url, published, referenceDateSource = "reference_date_source", item
    }
}

/// One article of a processed file and what the extractor found in it.
public struct ArticleRecord: Sendable {
    /// Nil when the file is the article; else the item's identity in the file (its id, guid or URL, or position).
    public var itemKey: String?
    /// Fingerprint of the article's text: an unchanged item of a rewritten feed is not processed again.
    public var contentHash: String
    public var referenceDate: CalendarDate
    public var provenance: ArticleProvenance
    public var extraction: Extraction

    public init(itemKey: String?, contentHash: String, referenceDate: CalendarDate, provenance: ArticleProvenance, extraction: Extraction) {
        self.itemKey = itemKey
        self.contentHash = contentHash
        self.referenceDate = referenceDate
        self.provenance = provenance
        self.extraction = extraction
    }
}

/// An alert as the feed shows it now: with the fact's current corroboration.
public struct FeedEntry: Sendable, Hashable {
    public var alert: Alert
    /// How many reports state the fact now.
    public var sourceCount: Int
    /// The files that state it, oldest first (at most `maxSources`).
    public var sources: [String]

    /// How many sources an item lists: the first ones, which never change once there are this many.
    public static let maxSources = 20

    public init(alert: Alert, sourceCount: Int, sources: [String]) {
        self.alert = alert
        self.sourceCount = sourceCount
        self.sources = sources
    }
}

/// Where alerts go; each keeps its own delivered marker in the outbox.
public enum AlertSink: String, Sendable, Hashable, CaseIterable {
    case journal
    case feed

    /// The outbox column that marks delivery to this sink.
    var column: String {
        switch self {
        case .journal: "journal_at"
        case .feed: "feed_at"
        }
    }
}

/// One item the feed shows now: which alert, and the corroboration it was rendered with.
public struct FeedRevision: Sendable, Hashable {
    public var alertID: Int64
    public var factID: String
    public var sourceCount: Int

    public init(alertID: Int64, factID: String, sourceCount: Int) {
        self.alertID = alertID
        self.factID = factID
        self.sourceCount = sourceCount
    }
}

/// The counts `tariffwatch status` prints.
public struct StoreCounts: Sendable, Codable, Hashable {
    public var filesProcessed: Int
    public var filesRejected: Int
    public var facts: Int
    public var alertsDelivered: Int
    public var alertsPending: Int

    enum CodingKeys: String, CodingKey {
        case filesProcessed = "files_processed", filesRejected = "files_rejected", facts,
            alertsDelivered = "alerts_delivered", alertsPending = "alerts_pending"
    }
}

/// One fact for `tariffwatch facts`.
public struct FactSummary: Sendable, Codable, Hashable {
    public var id: String
    public var value: FactValue
    /// Historical facts and aggregates are stored but never alert.
    public var alertable: Bool
    public var sourceCount: Int
    public var firstSource: String

    public init(id: String, value: FactValue, alertable: Bool, sourceCount: Int, firstSource: String) {
        self.id = id
        self.value = value
        self.alertable = alertable
        self.sourceCount = sourceCount
        self.firstSource = firstSource
    }

    enum CodingKeys: String, CodingKey {
        case id, value, alertable, sourceCount = "source_count", firstSource = "first_source"
    }
}

/// A processed file as the state records it.
public struct FileRecord: Sendable, Hashable {
    public var path: String
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modificationTimeNanoseconds: Int64
    public var contentHash: String
    public var referenceDate: CalendarDate

    public init(
        path: String, device: UInt64, inode: UInt64, size: Int64, modificationTimeNanoseconds: Int64,
        contentHash: String, referenceDate: CalendarDate
    ) {
        self.path = path
        self.device = device
        self.inode = inode
        self.size = size
        self.modificationTimeNanoseconds = modificationTimeNanoseconds
        self.contentHash = contentHash
        self.referenceDate = referenceDate
    }
}

/// Whether a file needs processing.
public enum FileDisposition: Sendable, Hashable {
    /// Never seen at this path.
    case new
    /// Same content already processed at this path.
    case unchanged
    /// Seen at this path with other content: processed again.
    case changed
}

extension FileDisposition {
    /// `file` against the content hash the state holds for its path (nil: none, never processed there).
    public init(of file: FileRecord, stored hash: String?) {
        guard let hash else {
            self = .new
            return
        }
        self = hash == file.contentHash ? .unchanged : .changed
    }
}
