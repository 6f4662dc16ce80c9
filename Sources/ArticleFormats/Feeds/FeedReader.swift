import Foundation
import TariffExtraction

/// RSS 2.0, RSS 1.0 (RDF) and Atom files: each item or entry is an article with its own title, link,
/// date and identity (its guid or id, else its link).
enum FeedReader {
    static func read(_ bytes: [UInt8], format: DocumentFormat, modificationDay: CalendarDate) throws(FormatError) -> DecodedFile {
        let tree: XMLTree
        do {
            tree = try XMLTree.xml(bytes)
        } catch {
            switch error {
            case .malformed(let reason): throw .malformed(format, reason: reason)
            case .libraryMissing(let missing): throw .libraryMissing(format, missing)
            }
        }
        guard let root = tree.root else { throw .malformed(format, reason: "no root element") }
        var items: [XMLNode] = []
        root.forEachElement { node in
            if node.name == "item" || node.name == "entry" { items.append(node) }
        }
        let isAtom = root.name == "feed"
        var articles: [ArticleDocument] = []
        var notes: [String] = []
        for (index, item) in items.enumerated() {
            let article = isAtom ? atomEntry(item) : rssItem(item)
            guard var article else {
                notes.append("item \(index + 1) has no title or text; skipped")
                continue
            }
            if article.itemKey == nil { article.itemKey = "#\(index + 1)" }
            if article.published == nil {
                article.published = Dateline.find(in: article.text, modificationDay: modificationDay)
            }
            articles.append(article)
        }
        articles.makeItemKeysUnique()
        guard !articles.isEmpty else {
            throw .noText(isAtom ? .atom : .rss, reason: items.isEmpty ? "no item or entry elements" : "no item has text")
        }
        return DecodedFile(format: isAtom ? .atom : .rss, articles: articles, notes: notes)
    }

    /// `<item>`: title, link, guid, pubDate or dc:date, content:encoded or description.
    static func rssItem(_ item: XMLNode) -> ArticleDocument? {
        var fields: [String: String] = [:]
        for child in item.elementChildren {
            let key = child.prefix.map { "\($0):\(child.name)" } ?? child.name
            if fields[key] == nil { fields[key] = child.textContent }
        }
        let body = fields["content:encoded"] ?? fields["description"] ?? fields["summary"]
        let link = fields["link"]?.trimmingCharacters(in: .whitespacesAndNewlines)
        let guid = fields["guid"]?.trimmingCharacters(in: .whitespacesAndNewlines)
        let date = fields["pubdate"].map { ($0, "item pubDate") } ?? fields["dc:date"].map { ($0, "item dc:date") }
        return article(title: fields["title"], body: body, url: link ?? guid.flatMap { $0.hasPrefix("http") ? $0 : nil },
            key: guid ?? link, date: date)
    }

    /// `<entry>`: title, link rel=alternate, id, published or updated, content or summary.
    static func atomEntry(_ entry: XMLNode) -> ArticleDocument? {
        var title: String?
        var link: String?
        var id: String?
        var published: (String, String)?
        var updated: (String, String)?
        var content: String?
        var summary: String?
        for child in entry.elementChildren {
            switch child.name {
            case "title": title = text(of: child)
            case "link":
                let rel = child.attribute("rel") ?? "alternate"
                if rel == "alternate", link == nil { link = child.attribute("href") }
            case "id": id = child.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
            case "published": published = (child.textContent, "entry published")
            case "updated": updated = (child.textContent, "entry updated")
            case "content": content = text(of: child)
            case "summary": summary = text(of: child)
            default: break
            }
        }
        return article(title: title, body: content ?? summary, url: link, key: id ?? link, date: published ?? updated)
    }

    /// Atom text constructs: `type="xhtml"` holds markup, `type="html"` escaped markup.
    static func text(of node: XMLNode) -> String {
        switch node.attribute("type")?.lowercased() {
        case "xhtml": HTMLReader.fragmentText(node.innerMarkup)
        default: node.textContent
        }
    }

    static func article(title: String?, body: String?, url: String?, key: String?, date: (String, String)?) -> ArticleDocument? {
        let cleanTitle = title.map(HTMLReader.inlineText)
        let bodyText = body.map(HTMLReader.bodyText)?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let parts = [cleanTitle ?? "", bodyText].filter { !$0.isEmpty }
        guard !bodyText.isEmpty || !(cleanTitle ?? "").isEmpty else { return nil }
        var document = ArticleDocument(text: parts.joined(separator: "\n\n"), title: cleanTitle, url: url, itemKey: key)
        if let (raw, origin) = date, let day = DateText.parse(raw) {
            document.published = PublicationDate(date: day, source: .metadata, origin: origin)
        }
        return document
    }
}
