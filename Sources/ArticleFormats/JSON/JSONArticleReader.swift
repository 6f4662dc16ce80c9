import Foundation
import TariffExtraction

/// JSON from news APIs, JSON Lines, and JSON Feed files: every article-like object (a body, or a
/// title with a description) is one article with its own identity, link and date.
///
/// Shapes seen in the wild: a bare object or array; NewsAPI `{"articles": […]}`; `results`, `data`,
/// `items`, `news`, `value`, `docs`, `response.results`; WordPress `title.rendered`; NYT
/// `headline.main`. Bodies that are HTML go through the HTML reader.
enum JSONArticleReader {
    static let titleKeys = ["title", "headline", "name", "subject"]
    static let bodyKeys = ["body", "content", "text", "articlebody", "article_body", "content_text", "content_html",
        "full_text", "fulltext", "lead_paragraph", "description", "summary", "abstract", "snippet", "excerpt"]
    static let dateKeys = ["published", "publishedat", "published_at", "pubdate", "pub_date", "date_published",
        "datepublished", "publication_date", "published_date", "publishedon", "date", "created_at", "webpublicationdate",
        "seendate", "datetime", "time"]
    static let urlKeys = ["url", "link", "web_url", "weburl", "canonical_url", "external_url", "permalink", "href"]
    static let idKeys = ["id", "guid", "uuid", "_id", "article_id", "uri"]
    static let containerKeys = ["articles", "results", "data", "items", "news", "value", "docs", "response", "hits",
        "stories", "entries", "posts", "documents"]

    static func read(_ bytes: [UInt8], format: DocumentFormat, modificationDay: CalendarDate) throws(FormatError) -> DecodedFile {
        var roots: [Any] = []
        if format == .jsonLines {
            for (number, line) in bytes.split(separator: UInt8(ascii: "\n")).enumerated()
            where !line.allSatisfy(FormatSniffer.isSpace) {
                do {
                    roots.append(try JSONSerialization.jsonObject(with: Data(line), options: []))
                } catch {
                    throw .malformed(.jsonLines, reason: "line \(number + 1) is not JSON")
                }
            }
        } else {
            do {
                roots.append(try JSONSerialization.jsonObject(with: Data(bytes), options: []))
            } catch {
                throw .malformed(format, reason: Self.reason(error))
            }
        }
        var objects: [[String: Any]] = []
        for root in roots { collect(root, into: &objects, depth: 0) }
        var articles: [ArticleDocument] = []
        for (index, object) in objects.enumerated() {
            guard var article = article(from: object) else { continue }
            if article.itemKey == nil { article.itemKey = "#\(index + 1)" }
            if article.published == nil {
                article.published = Dateline.find(in: article.text, modificationDay: modificationDay)
            }
            articles.append(article)
        }
        guard !articles.isEmpty else {
            throw .noText(format, reason: "no article-like object (one with a body, content, text or description)")
        }
        articles.makeItemKeysUnique()
        // A file that is one article needs no item identity.
        if roots.count == 1, let root = roots[0] as? [String: Any], isArticleLike(lowercasedKeys(root)), articles.count == 1 {
            articles[0].itemKey = nil
        }
        let skipped = objects.count - articles.count
        let notes = skipped > 0 ? ["\(skipped) object\(skipped == 1 ? "" : "s") without article text skipped"] : []
        return DecodedFile(format: format, articles: articles, notes: notes)
    }

    /// Foundation's message names the offset; keep it short.
    static func reason(_ error: any Error) -> String {
        let info = (error as NSError).userInfo
        return (info[NSDebugDescriptionErrorKey] as? String) ?? "it does not parse as JSON"
    }

    /// Article-like objects in document order: the value itself, or those in its container keys.
    static func collect(_ value: Any, into objects: inout [[String: Any]], depth: Int) {
        guard depth < 5 else { return }
        if let array = value as? [Any] {
            for element in array { collect(element, into: &objects, depth: depth + 1) }
            return
        }
        guard let object = value as? [String: Any] else { return }
        let lowered = lowercasedKeys(object)
        if isArticleLike(lowered) {
            objects.append(object)
            return
        }
        for key in containerKeys {
            if let nested = lowered[key] { collect(nested, into: &objects, depth: depth + 1) }
        }
    }

    /// A body, or a title with a link: an article, perhaps one whose text the API left out.
    static func isArticleLike(_ lowered: [String: Any]) -> Bool {
        string(lowered, bodyKeys) != nil || (string(lowered, titleKeys) != nil && string(lowered, urlKeys) != nil)
    }

    static func article(from object: [String: Any]) -> ArticleDocument? {
        let fields = lowercasedKeys(object)
        let title = string(fields, titleKeys).map(HTMLReader.inlineText)
        // The longest body field: APIs put a teaser in `description` and the article in `content`.
        let bodies = bodyKeys.compactMap { string(fields, [$0]) }
        guard let rawBody = bodies.max(by: { $0.count < $1.count }) ?? nil else { return nil }
        var body = HTMLReader.bodyText(rawBody)
        body = NewsAPITruncation.strip(body).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { return nil }
        let text = [title ?? "", body].filter { !$0.isEmpty }.joined(separator: "\n\n")
        let url = string(fields, urlKeys)
        let id = string(fields, idKeys) ?? (fields["id"] as? NSNumber).map { "\($0)" }
        var document = ArticleDocument(text: text, title: title, url: url, itemKey: id ?? url)
        for key in dateKeys {
            guard let value = fields[key] else { continue }
            if let raw = value as? String, let date = DateText.parse(raw) {
                document.published = PublicationDate(date: date, source: .metadata, origin: "JSON \(key)")
                break
            }
            if let number = value as? NSNumber, let date = epochDay(number.doubleValue) {
                document.published = PublicationDate(date: date, source: .metadata, origin: "JSON \(key)")
                break
            }
        }
        return document
    }

    /// Seconds or milliseconds since the epoch, as some APIs send dates.
    static func epochDay(_ value: Double) -> CalendarDate? {
        let seconds = value > 1e11 ? value / 1000 : value
        guard seconds > 0, seconds < 7e9 else { return nil }
        return CalendarDate(daysSinceEpoch: Int((seconds / 86_400).rounded(.down)))
    }

    static func lowercasedKeys(_ object: [String: Any]) -> [String: Any] {
        var out: [String: Any] = [:]
        for (key, value) in object where out[key.lowercased()] == nil { out[key.lowercased()] = value }
        return out
    }

    /// The first non-empty string among `keys`; an object such as `{"rendered": …}` or `{"main": …}` counts.
    static func string(_ fields: [String: Any], _ keys: [String]) -> String? {
        for key in keys {
            if let text = fields[key] as? String, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return text }
            if let nested = fields[key] as? [String: Any] {
                for inner in ["rendered", "main", "text", "value", "#text", "href"] {
                    if let text = nested[inner] as? String, !text.isEmpty { return text }
                }
            }
        }
        return nil
    }
}

/// NewsAPI cuts `content` with "… [+1234 chars]": the marker is not article text.
enum NewsAPITruncation {
    static func strip(_ text: String) -> String {
        guard let range = text.range(of: #"\s*…?\s*\[\+\d+ chars\]\s*$"#, options: .regularExpression) else { return text }
        return String(text[..<range.lowerBound])
    }
}
