public import TariffExtraction

/// One article read from a file, as plain text for the extractor, with what the format says about it.
///
/// A single-article file (a page, an e-mail, a PDF, a text) gives one; a news-API array or a feed
/// gives one per item, each with its own `itemKey`, so the state can tell items apart.
public struct ArticleDocument: Sendable, Hashable {
    /// The text the extractor reads: title, then paragraphs separated by blank lines.
    public var text: String
    public var title: String?
    /// The article's address: canonical link, `og:url`, the item's link, the e-mail's archive link.
    public var url: String?
    /// The publication day the article states, and where it was read from.
    public var published: PublicationDate?
    /// Identity inside a multi-article file: the item's id, guid or URL, else `#` and its position
    /// from 1. Nil for a file that is one article.
    public var itemKey: String?

    public init(text: String, title: String? = nil, url: String? = nil, published: PublicationDate? = nil, itemKey: String? = nil) {
        self.text = text
        self.title = title
        self.url = url
        self.published = published
        self.itemKey = itemKey
    }
}

/// What a file turned out to be, and the articles in it.
public struct DecodedFile: Sendable, Hashable {
    public var format: DocumentFormat
    public var articles: [ArticleDocument]
    /// Things an operator may want to know that did not stop the reading: the legacy encoding a text
    /// was decoded from, items of a feed that had no text, a distrusted date.
    public var notes: [String]

    public init(format: DocumentFormat, articles: [ArticleDocument], notes: [String] = []) {
        self.format = format
        self.articles = articles
        self.notes = notes
    }
}

/// A publication day read from an article and which kind of evidence gave it.
public struct PublicationDate: Sendable, Hashable {
    public var date: CalendarDate
    /// `.metadata` (a header, a meta tag, a JSON or feed field, PDF metadata, YAML front matter) or
    /// `.dateline` (a date written at the top of the text).
    public var source: ReferenceDateSource
    /// Where exactly, for the log: `meta article:published_time`, `Date: header`, `dateline`.
    public var origin: String

    public init(date: CalendarDate, source: ReferenceDateSource, origin: String) {
        self.date = date
        self.source = source
        self.origin = origin
    }
}

/// Where a document's reference date came from (the `reference_date_source` of `extract --json`,
/// the journal's `REFERENCE_DATE_SOURCE`).
public enum ReferenceDateSource: String, Sendable, Codable, Hashable {
    /// `--reference-date` on the command line.
    case cli
    /// The document's own metadata: a header, meta tag, JSON or feed field, PDF metadata, front matter.
    case metadata
    /// A date written at the top of the article ("BEIJING, Sept. 30 (Xinhua) --").
    case dateline
    /// The file's modification time (UTC day).
    case mtime
}

extension [ArticleDocument] {
    /// Makes every item key unique in the file: the state stores items by (path, key), so two items
    /// sharing an id or link (a feed that repeats a guid) would overwrite each other. A repeated key
    /// gets `#` and the item's position from 1 appended (and a further number if even that is taken).
    mutating func makeItemKeysUnique() {
        var seen = Set<String>()
        for index in indices {
            guard let key = self[index].itemKey else { continue }
            var candidate = key
            var position = index + 1
            while !seen.insert(candidate).inserted {
                candidate = "\(key)#\(position)"
                position += 1
            }
            self[index].itemKey = candidate
        }
    }
}
