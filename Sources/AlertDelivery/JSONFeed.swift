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
        /// The article's address, when it has one (`url` and `external_url` both, for readers that open either).
        public var url: String?
        public var externalURL: String?
        public var title: String
        /// Where the alert comes from: the article's title and publication date.
        public var summary: String?
        public var contentText: String
        /// The headline, the evidence sentence quoted, and a link to the article.
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

        enum CodingKeys: String, CodingKey {
            case alertKind = "alert_kind", factID = "fact_id", alertID = "alert_id", deadline, tariff, previous,
                sourceFile = "source_file", evidence, sourceCount = "source_count", sources, article,
                daysBefore = "days_before"
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
        self.url = alert.provenance?.url
        self.externalURL = alert.provenance?.url
        self.title = alert.summary
        self.summary = alert.provenance.flatMap(Self.articleLine)
        self.contentHTML = Self.html(alert, sourceCount: entry.sourceCount)
        var text = alert.headline + "\n\nEvidence: " + alert.evidence
        if entry.sourceCount > 1 { text += "\n\nReported by \(entry.sourceCount) sources." }
        self.contentText = text
        self.datePublished = rfc3339(alert.createdAt)
        self.dateModified = nil
        self.tags = alert.tags
        self.extensionObject = JSONFeed.Extension(
            alertKind: alert.kind.rawValue, factID: alert.factID, alertID: alert.id, fact: alert.current,
            previous: alert.previous, sourceFile: alert.sourceFile, evidence: alert.evidence,
            sourceCount: entry.sourceCount, sources: entry.sources, article: alert.provenance,
            daysBefore: alert.daysBefore
        )
    }

    /// `From “Title”, published 2025-10-24.`
    static func articleLine(_ article: ArticleProvenance) -> String? {
        var parts: [String] = []
        if let title = article.title { parts.append("From “\(title)”") }
        if let published = article.published { parts.append("published \(published)") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ") + "."
    }

    static func html(_ alert: Alert, sourceCount: Int) -> String {
        var html = "<p>\(escape(alert.summary))</p>\n<blockquote>\(escape(alert.evidence))</blockquote>"
        if let article = alert.provenance {
            let title = escape(article.title ?? article.url ?? alert.sourceFile)
            let link = article.url.map { "<a href=\"\(escape($0))\">\(title)</a>" } ?? title
            html += "\n<p>Source: \(link)"
            if let published = article.published { html += ", published \(published)" }
            html += " (dates read against \(article.referenceDateSource == "mtime" ? "the file's date" : "the article's \(article.referenceDateSource)")).</p>"
        } else {
            html += "\n<p>Source: \(escape(alert.sourceFile))</p>"
        }
        if sourceCount > 1 { html += "\n<p>Reported by \(sourceCount) sources.</p>" }
        return html
    }

    /// HTML text escaping for the five characters that matter.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// RFC 3339 in UTC, as JSON Feed asks for dates.
func rfc3339(_ date: Date) -> String {
    date.formatted(.iso8601)
}
