import AlertWording
public import FactStore
public import Foundation
public import TariffExtraction

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
        /// The article's address, when it has one (`url` and `external_url` both, for readers that open either).
        public var url: String?
        public var externalURL: String?
        public var title: String
        /// The title as a sentence, and the article's title and publication date.
        public var summary: String?
        public var contentText: String
        /// The title, the evidence sentence quoted, and a link to the article.
        public var contentHTML: String?
        public var datePublished: String
        public var dateModified: String?
        public var tags: [String]
        public var extensionObject: Extension

        enum CodingKeys: String, CodingKey {
            case id, url, externalURL = "external_url", title, summary, contentText = "content_text",
                contentHTML = "content_html", datePublished = "date_published",
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
        /// Title, URL, publication date, reference date source and item of the article that raised the alert.
        public var article: ArticleProvenance?
        /// For a `deadline_reminder`: days left until the deadline when it was raised.
        public var daysBefore: Int? = nil
        /// For a tariff whose parties were inferred from context: how sure the extractor was (below 1).
        public var confidence: Double? = nil

        /// The fact's date (a deadline's, a tariff's effective date): its ISO values, the days it covers,
        /// and the words the title uses, so a program need not parse `2025-W43`.
        public var dates: Dates? { Dates(of: fact) }

        enum CodingKeys: String, CodingKey {
            case alertKind = "alert_kind", factID = "fact_id", alertID = "alert_id", deadline, tariff, previous,
                sourceFile = "source_file", evidence, sourceCount = "source_count", sources, article,
                daysBefore = "days_before", confidence, dates
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
            try c.encodeIfPresent(article, forKey: .article)
            try c.encodeIfPresent(daysBefore, forKey: .daysBefore)
            try c.encodeIfPresent(confidence, forKey: .confidence)
            try c.encodeIfPresent(dates, forKey: .dates)
        }
    }

    /// `{"value": "2025-W43", "end_value": null, "granularity": "week", "first_day": "2025-10-20",
    /// "last_day": "2025-10-26", "text": "week of 20 Oct 2025"}`.
    public struct Dates: Sendable, Encodable, Equatable {
        public var value: TemporalValue
        public var endValue: TemporalValue?
        public var granularity: Granularity
        public var firstDay: CalendarDate
        public var lastDay: CalendarDate
        public var text: String

        /// The dates of a fact: a deadline's, a tariff's effective date; nil for a tariff without one.
        init?(of fact: FactValue) {
            switch fact {
            case .deadline(let deadline): self.init(deadline.date, through: deadline.endDate)
            case .tariff(let tariff):
                guard let date = tariff.effectiveDate else { return nil }
                self.init(date, through: nil)
            }
        }

        init(_ value: TemporalValue, through end: TemporalValue?) {
            self.value = value
            self.endValue = end
            self.granularity = value.granularity
            self.firstDay = value.firstDay
            self.lastDay = max(end?.lastDay ?? value.lastDay, value.lastDay)
            self.text = DateWords.text(value, through: end)
        }

        enum CodingKeys: String, CodingKey {
            case value, endValue = "end_value", granularity, firstDay = "first_day", lastDay = "last_day", text
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(value, forKey: .value)
            try c.encode(endValue, forKey: .endValue)  // explicit null, as the fact's `end_date`
            try c.encode(granularity, forKey: .granularity)
            try c.encode(firstDay, forKey: .firstDay)
            try c.encode(lastDay, forKey: .lastDay)
            try c.encode(text, forKey: .text)
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
        let words = AlertWording(alert)
        self.id = alert.stableID
        self.url = alert.provenance?.url
        self.externalURL = alert.provenance?.url
        self.title = words.title
        self.summary = words.summary
        self.contentText = words.contentText(sourceCount: entry.sourceCount)
        self.contentHTML = words.contentHTML(sourceCount: entry.sourceCount)
        self.datePublished = UTCTimestamp.rfc3339(alert.createdAt)
        self.dateModified = nil
        self.tags = alert.tags
        self.extensionObject = JSONFeed.Extension(
            alertKind: alert.kind.rawValue, factID: alert.factID, alertID: alert.id, fact: alert.current,
            previous: alert.previous, sourceFile: alert.sourceFile, evidence: alert.evidence,
            sourceCount: entry.sourceCount, sources: entry.sources, article: alert.provenance,
            daysBefore: alert.daysBefore, confidence: alert.confidence
        )
    }
}

