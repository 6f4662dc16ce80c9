import Foundation
import SharedLibraries
import TariffExtraction

/// A saved web page to its article: the main text without navigation, scripts, share widgets,
/// related links, captions or cookie banners, and the title, canonical URL and publication date
/// from the page's metadata.
enum HTMLReader {
    static func read(_ bytes: [UInt8], encoding: String? = nil, modificationDay: CalendarDate) throws(FormatError) -> ArticleDocument {
        let parsed: XMLTree?
        do throws(LibraryMissing) { parsed = try XMLTree.html(bytes, encoding: encoding) } catch { throw .libraryMissing(.html, error) }
        guard let tree = parsed, let root = tree.root else {
            throw .malformed(.html, reason: "the HTML parser found no document")
        }
        let metadata = HTMLMetadata(root: root)
        let blocks = MainText.blocks(of: root)
        guard !blocks.isEmpty else { throw .noText(.html, reason: "no paragraph of text outside navigation and scripts") }
        var paragraphs = blocks
        let title = metadata.title ?? metadata.heading
        if let heading = metadata.heading ?? title, !paragraphs.contains(heading) {
            paragraphs.insert(heading, at: 0)
        }
        var document = ArticleDocument(text: paragraphs.joined(separator: "\n\n"), title: title, url: metadata.url,
            published: metadata.published)
        if document.published == nil {
            document.published = Dateline.find(in: document.text, modificationDay: modificationDay)
        }
        return document
    }

    /// The text of an HTML fragment (a feed item's `content:encoded`, a JSON body, an e-mail's HTML
    /// part), blocks separated by blank lines; the fragment as it is when it does not parse or libxml2
    /// cannot be loaded (a feed needs it to be read at all, and says so).
    static func fragmentText(_ html: String) -> String {
        guard let tree = try? XMLTree.html(Array(("<html><body>" + html + "</body></html>").utf8), encoding: "UTF-8"),
            let root = tree.root
        else { return html }
        return MainText.blocks(of: root, choosingArticle: false).joined(separator: "\n\n")
    }

    /// A one-line field (a title) that may hold markup or entities (`Peru &#8211; new duty`), as text.
    static func inlineText(_ text: String) -> String {
        let needsParsing = text.contains("<") || text.range(of: #"&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);"#, options: .regularExpression) != nil
        return MainText.collapse(needsParsing ? fragmentText(text) : text)
    }

    /// A body field as text: markup through the HTML reader; plain prose keeps its line breaks.
    static func bodyText(_ text: String) -> String {
        looksLikeHTML(text) ? fragmentText(text) : text
    }

    /// True when `text` holds markup rather than plain prose.
    static func looksLikeHTML(_ text: String) -> Bool {
        let lower = text.prefix(4096).lowercased()
        return ["</p>", "<p>", "<br", "</div>", "<p ", "</a>", "</li>", "</h"].contains { lower.contains($0) }
    }
}

/// What a page's `<head>` (and JSON-LD, and `<time>`) say about the article.
struct HTMLMetadata {
    var title: String?
    var heading: String?
    var url: String?
    var published: PublicationDate?

    /// Meta names and properties that carry a publication date, best first.
    static let dateMetas = [
        "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
        "publish-date", "publication_date", "citation_publication_date", "dc.date.issued", "dc.date", "dcterms.issued",
        "dcterms.date", "date", "sailthru.date", "parsely-pub-date", "og:published_time", "article.published",
    ]

    init(root: XMLNode) {
        var metas: [String: String] = [:]
        var canonical: String?
        var documentTitle: String?
        var jsonLD: [String] = []
        var timeDate: String?
        root.forEachElement { node in
            switch node.name {
            case "meta":
                let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?.lowercased()
                if let key, let content = node.attribute("content"), metas[key] == nil { metas[key] = content }
            case "link":
                if node.attribute("rel")?.lowercased() == "canonical", let href = node.attribute("href") { canonical = href }
            case "title":
                if documentTitle == nil { documentTitle = MainText.collapse(node.textContent) }
            case "script":
                if node.attribute("type")?.lowercased() == "application/ld+json" { jsonLD.append(node.textContent) }
            case "time":
                if timeDate == nil, let value = node.attribute("datetime"),
                    node.attribute("pubdate") != nil || node.attribute("itemprop")?.lowercased() == "datepublished"
                        || node.attribute("class")?.lowercased().contains("publish") == true || timeDate == nil
                {
                    timeDate = value
                }
            case "h1":
                if heading == nil {
                    let text = MainText.collapse(node.textContent)
                    if !text.isEmpty { heading = text }
                }
            default: break
            }
        }
        let ld = jsonLD.compactMap(JSONLD.article(in:)).first
        title = metas["og:title"].map(MainText.collapse) ?? ld?.headline ?? heading ?? documentTitle
        url = canonical ?? metas["og:url"] ?? ld?.url
        if let (key, raw) = Self.dateMetas.lazy.compactMap({ key in metas[key].map { (key, $0) } }).first,
            let date = DateText.parse(raw)
        {
            published = PublicationDate(date: date, source: .metadata, origin: "meta \(key)")
        } else if let raw = ld?.datePublished, let date = DateText.parse(raw) {
            published = PublicationDate(date: date, source: .metadata, origin: "JSON-LD datePublished")
        } else if let timeDate, let date = DateText.parse(timeDate) {
            published = PublicationDate(date: date, source: .metadata, origin: "<time datetime>")
        }
    }
}

/// schema.org NewsArticle data in `<script type="application/ld+json">`.
enum JSONLD {
    struct Article {
        var headline: String?
        var url: String?
        var datePublished: String?
    }

    static func article(in text: String) -> Article? {
        guard let json = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else { return nil }
        return find(json, depth: 0)
    }

    private static func find(_ value: Any, depth: Int) -> Article? {
        guard depth < 6 else { return nil }
        if let array = value as? [Any] { return array.lazy.compactMap { find($0, depth: depth + 1) }.first }
        guard let object = value as? [String: Any] else { return nil }
        if let date = object["datePublished"] as? String {
            return Article(headline: object["headline"] as? String, url: object["url"] as? String, datePublished: date)
        }
        for key in ["@graph", "mainEntity", "mainEntityOfPage"] {
            if let nested = object[key], let found = find(nested, depth: depth + 1) { return found }
        }
        return nil
    }
}
