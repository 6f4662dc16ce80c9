import Foundation

/// The main text of a page: pick the article's container, skip what is not the article, and turn
/// blocks into paragraphs.
enum MainText {
    /// Elements that never hold article prose.
    static let skippedElements: Set<String> = [
        "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button", "iframe", "svg",
        "figure", "figcaption", "select", "input", "textarea", "label", "menu", "dialog", "head", "object", "embed",
        "video", "audio", "canvas", "map",
    ]

    /// Elements that end a paragraph.
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt", "dl", "address", "hr", "body", "center",
    ]

    /// Words in a class, id or role that mark page furniture rather than the story.
    static let boilerplateWords: [String] = [
        "nav", "menu", "breadcrumb", "share", "sharing", "social", "related", "recommend", "promo", "newsletter",
        "subscribe", "signup", "cookie", "consent", "gdpr", "banner", "advert", "ads", "ad", "sponsor", "outbrain",
        "taboola", "comment", "footer", "sidebar", "popup", "modal", "caption", "credit", "trending", "popular",
        "most-read", "mostread", "toolbar", "masthead", "paywall", "tags", "topics", "byline-social", "read-more",
        "readmore", "more-stories", "also-read", "skip", "byline", "author", "timestamp", "date", "meta", "print",
    ]

    /// Roles whose content is not the article.
    static let boilerplateRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert"]

    /// Paragraphs of the page's article, or of everything readable when `choosingArticle` is false.
    static func blocks(of root: XMLNode, choosingArticle: Bool = true) -> [String] {
        let container = choosingArticle ? articleContainer(in: root) : root
        var collector = BlockCollector()
        collector.walk(container)
        collector.flush()
        return collector.blocks.filter { !isLinkList($0) }.map(\.text)
    }

    /// The `<article>` (or `itemprop=articleBody`, or `<main>`) with the most paragraph text, else the body.
    static func articleContainer(in root: XMLNode) -> XMLNode {
        var best: (node: XMLNode, score: Int)?
        root.forEachElement { node in
            let isCandidate =
                node.name == "article" || node.attribute("itemprop")?.lowercased() == "articlebody"
                || node.name == "main" || node.attribute("role")?.lowercased() == "main"
            guard isCandidate, !isBoilerplate(node) else { return }
            let score = paragraphText(node)
            if score > (best?.score ?? 0) { best = (node, score) }
        }
        if let best, best.score >= 200 { return best.node }
        return root.first { $0.name == "body" } ?? root
    }

    /// Characters of text in `<p>` elements under `node`.
    static func paragraphText(_ node: XMLNode) -> Int {
        var total = 0
        node.forEachElement { child in
            if child.name == "p" { total += child.textContent.utf8.count }
        }
        return total
    }

    /// Page furniture by element, role, `hidden`, `aria-hidden` or class/id words.
    static func isBoilerplate(_ node: XMLNode) -> Bool {
        if skippedElements.contains(node.name) { return true }
        if node.name == "body" || node.name == "html" { return false }
        if node.attribute("hidden") != nil || node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = node.attribute("style"), style.contains("none") || style.contains("hidden") {
            let compact = style.lowercased().filter { $0 != " " }
            if compact.contains("display:none") || compact.contains("visibility:hidden") { return true }
        }
        if let role = node.attribute("role")?.lowercased(), boilerplateRoles.contains(role) { return true }
        if node.name == "header", node.first(where: { $0.name == "h1" }) == nil { return true }
        for name in [node.attribute("class"), node.attribute("id")] {
            guard let name, !name.isEmpty else { continue }
            let lower = name.lowercased()
            // Whole tokens ("share-bar") and their parts ("share", "bar").
            for token in lower.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                if boilerplateSet.contains(token) { return true }
                if token.contains(where: { $0 == "-" || $0 == "_" }) {
                    for part in token.split(whereSeparator: { $0 == "-" || $0 == "_" }) where boilerplateSet.contains(part) {
                        return true
                    }
                }
            }
        }
        return false
    }

    private static let boilerplateSet = Set(boilerplateWords.map { Substring($0) })

    /// A short block that is mostly link text (a list of "related" headlines that escaped the markup rules).
    static func isLinkList(_ block: BlockCollector.Block) -> Bool {
        guard block.linkCharacters * 2 > block.text.utf8.count else { return false }
        return block.text.utf8.lazy.filter { $0 == 0x20 }.count < 29
    }

    /// Runs of whitespace (ASCII, no-break and the Unicode spaces pages use) to one space, trimmed.
    /// Works on UTF-8 bytes: a Unicode property lookup per character cost more than parsing the page.
    static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { collapse($0) }
    }

    /// `collapse` of UTF-8 text. Written into scratch memory and copied unchecked: written into the String's own storage
    /// (`String(unsafeUninitializedCapacity:)`), the bytes were validated again, more than the collapsing cost. Valid UTF-8
    /// collapses to valid UTF-8: only whole whitespace scalars are dropped or replaced by a space.
    static func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        withCollapsed(bytes) { String(validUTF8: $0, isASCII: $1) }
    }

    /// `body` given `collapse(bytes)`'s bytes, in scratch memory, and whether they are all ASCII: no String is made.
    static func withCollapsed<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, _ isASCII: Bool) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { out in
            let (count, isASCII) = collapse(bytes, into: out)
            return body(UnsafeBufferPointer(rebasing: out[..<count]), isASCII)
        }
    }

    /// `collapse` written into `out` (room for `bytes.count`): how many bytes, and whether all are ASCII.
    static func collapse(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> (count: Int, isASCII: Bool) {
        var written = 0
        var pendingSpace = false
        var high: UInt8 = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // visible ASCII, most of a text: copied without asking what whitespace it is
            if byte > 0x20, byte < 0x80 {
                if pendingSpace {
                    out[written] = 0x20
                    written &+= 1
                    pendingSpace = false
                }
                out[written] = byte
                written &+= 1
                index &+= 1
                continue
            }
            let width = whitespaceWidth(bytes, at: index)
            if width > 0 {
                pendingSpace = written > 0
                index &+= width
                continue
            }
            if pendingSpace {
                out[written] = 0x20
                written &+= 1
            }
            pendingSpace = false
            out[written] = byte
            high |= byte
            written &+= 1
            index &+= 1
        }
        return (written, high < 0x80)
    }

    /// Whether `collapse` of the text would be empty: it is all whitespace.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let width = whitespaceWidth(bytes, at: index)
            if width == 0 { return false }
            index += width
        }
        return true
    }

    /// The byte length of the whitespace character at `index`, or 0.
    @inline(__always)
    static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        let count = bytes.count
        if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0xA0 || bytes[index + 1] == 0x85 { return 2 }  // NBSP, NEL
        if byte == 0xE2, index + 2 < count {
            let b1 = bytes[index + 1], b2 = bytes[index + 2]
            if b1 == 0x80, (0x80...0x8A).contains(b2) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF { return 3 }  // U+2000–200A, 2028, 2029, 202F
            if b1 == 0x81, b2 == 0x9F { return 3 }  // U+205F
        }
        if byte == 0xE3, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return 3 }  // U+3000
        return 0
    }
}

/// Walks the DOM and gathers inline text into blocks that end at block elements and `<br><br>`.
struct BlockCollector {
    struct Block {
        var text: String
        var linkCharacters: Int
    }

    private(set) var blocks: [Block] = []
    private var current = ""
    private var currentLinks = 0
    private var linkDepth = 0

    mutating func walk(_ node: XMLNode) {
        if node.isText {
            let text = node.ownText
            current += text
            if linkDepth > 0 { currentLinks += MainText.collapse(text).utf8.count }
            return
        }
        guard node.isElement, !MainText.isBoilerplate(node) else { return }
        let name = node.name
        let isBlock = MainText.blockElements.contains(name)
        if isBlock { flush() }
        if name == "br" { current += "\n" }
        if name == "a" { linkDepth += 1 }
        for child in node.children { walk(child) }
        if name == "a" { linkDepth -= 1 }
        if isBlock { flush() }
    }

    /// Ends the current block; a `<br>` line break inside it stays a line break.
    mutating func flush() {
        let lines = current.utf8.split(separator: 0x0A).map { MainText.collapse(String(decoding: $0, as: UTF8.self)) }
            .filter { !$0.isEmpty }
        if !lines.isEmpty {
            blocks.append(Block(text: lines.joined(separator: "\n"), linkCharacters: currentLinks))
        }
        current = ""
        currentLinks = 0
    }
}
