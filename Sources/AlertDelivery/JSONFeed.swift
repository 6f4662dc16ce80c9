public import FactStore
public import Foundation

/// A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1) of the newest alerts.
///
/// Items carry an `_tariffwatch` extension object with the same structured fields as the journal.
public struct JSONFeed: Sendable, Encodable, Equatable {
    public var version = "https://jsonfeed.org/version/1.1"
    public var title: String
    public var homePageURL: String?
    public var feedURL: String?
    public var description: String?
    public var items: [Item]

    public struct Item: Sendable, Encodable, Equatable {
        /// Stable across rewrites and restarts: derived from the outbox row.
        public var id: String
        public var title: String
        public var contentText: String
        public var datePublished: String
        public var dateModified: String?
        public var tags: [String]
        public var extensionObject: Extension

        enum CodingKeys: String, CodingKey {
            case id, title, contentText = "content_text", datePublished = "date_published",
                dateModified = "date_modified", tags, extensionObject = "_tariffwatch"
        }
    }

    /// The `_tariffwatch` object: what a program needs without parsing text. The fact's fields are
    /// under `deadline` or `tariff`; `previous` holds the same fields before a change.
    public struct Extension: Sendable, Encodable, Equatable {
        public var alertKind: String
        public var factID: String
        public var alertID: Int64
        public var fact: FactValue
        public var previous: FactValue?
        public var sourceFile: String
        public var evidence: String
        /// How many source reports state this fact now (corroboration).
        public var sourceCount: Int
        public var sources: [String]
        /// For a `deadline_reminder`: days left until the deadline when it was raised.
        public var daysBefore: Int? = nil

        enum CodingKeys: String, CodingKey {
            case alertKind = "alert_kind", factID = "fact_id", alertID = "alert_id", deadline, tariff, previous,
                sourceFile = "source_file", evidence, sourceCount = "source_count", sources, daysBefore = "days_before"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(alertKind, forKey: .alertKind)
            try c.encode(factID, forKey: .factID)
            try c.encode(alertID, forKey: .alertID)
            switch fact {
            case .deadline(let deadline): try c.encode(deadline, forKey: .deadline)
            case .tariff(let tariff): try c.encode(tariff, forKey: .tariff)
            }
            switch previous {
            case .deadline(let deadline)?: try c.encode(deadline, forKey: .previous)
            case .tariff(let tariff)?: try c.encode(tariff, forKey: .previous)
            case nil: try c.encodeNil(forKey: .previous)
            }
            try c.encode(sourceFile, forKey: .sourceFile)
            try c.encode(evidence, forKey: .evidence)
            try c.encode(sourceCount, forKey: .sourceCount)
            try c.encode(sources, forKey: .sources)
            try c.encodeIfPresent(daysBefore, forKey: .daysBefore)
        }
    }

    enum CodingKeys: String, CodingKey {
        case version, title, homePageURL = "home_page_url", feedURL = "feed_url", description, items
    }

    public init(title: String, homePageURL: String? = nil, feedURL: String? = nil, description: String? = nil, entries: [FeedEntry]) {
        self.title = title
        self.homePageURL = homePageURL
        self.feedURL = feedURL
        self.description = description
        self.items = entries.map(Item.init(entry:))
    }
}

extension JSONFeed.Item {
    init(entry: FeedEntry) {
        let alert = entry.alert
        self.id = alert.stableID
        self.title = alert.summary
        var text = alert.headline + "\n\nEvidence: " + alert.evidence
        if entry.sourceCount > 1 { text += "\n\nReported by \(entry.sourceCount) sources." }
        self.contentText = text
        self.datePublished = rfc3339(alert.createdAt)
        self.dateModified = nil
        self.tags = alert.tags
        self.extensionObject = JSONFeed.Extension(
            alertKind: alert.kind.rawValue, factID: alert.factID, alertID: alert.id, fact: alert.current,
            previous: alert.previous, sourceFile: alert.sourceFile, evidence: alert.evidence,
            sourceCount: entry.sourceCount, sources: entry.sources, daysBefore: alert.daysBefore
        )
    }
}

/// RFC 3339 in UTC, as JSON Feed asks for dates.
func rfc3339(_ date: Date) -> String {
    date.formatted(.iso8601)
}
