import Foundation

/// The kinds of file the reader understands, told apart by content (`FormatSniffer`).
public enum DocumentFormat: String, Sendable, Codable, Hashable, CaseIterable {
    case text
    case html
    case email
    case json
    case jsonLines = "json-lines"
    case jsonFeed = "json-feed"
    case rss
    case atom
    case pdf

    /// How an operator calls it, for error messages.
    public var name: String {
        switch self {
        case .text: "text file"
        case .html: "HTML page"
        case .email: "e-mail"
        case .json: "JSON file"
        case .jsonLines: "JSON Lines file"
        case .jsonFeed: "JSON Feed"
        case .rss: "RSS feed"
        case .atom: "Atom feed"
        case .pdf: "PDF"
        }
    }
}

/// Tells a file's format from its first bytes, the way `file(1)` does, with the extension only as a
/// tie-breaker: saved pages are often named `.txt`, feeds `.xml`, e-mails have no extension at all.
enum FormatSniffer {
    /// How far into the file the sniffer looks.
    static let window = 4096

    static func sniff(_ bytes: [UInt8], fileName: String) -> DocumentFormat {
        let head = Array(bytes.prefix(window))
        var start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // PDF readers accept the header within the first 1024 bytes.
        if let pdf = firstIndex(of: Array("%PDF-".utf8), in: head), pdf < 1024 { return .pdf }
        while start < head.count, isSpace(head[start]) { start += 1 }
        let lower = String(decoding: head[start...].map(asciiLower), as: UTF8.self)
        let byExtension = extensionFormat(fileName)
        if lower.hasPrefix("<") {
            switch firstElementName(lower) {
            case "rss", "rdf:rdf": return .rss
            case "feed": return .atom
            default: return .html
            }
        }
        if lower.hasPrefix("{") || lower.hasPrefix("[") {
            if lower.contains("jsonfeed.org/version/") { return .jsonFeed }
            return looksLikeJSONLines(bytes) ? .jsonLines : .json
        }
        if looksLikeMail(head[start...].map(asciiLower)) { return .email }
        if let byExtension, byExtension == .html || byExtension == .email { return byExtension }
        return .text
    }

    /// The first element after the XML declaration, comments, processing instructions and doctype.
    static func firstElementName(_ lower: String) -> String? {
        var rest = Substring(lower)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("?") || rest.hasPrefix("!") {
                if rest.hasPrefix("!doctype html") { return "html" }
                let end = rest.hasPrefix("!--") ? rest.range(of: "-->")?.upperBound : rest.firstIndex(of: ">")
                guard let end else { return nil }
                rest = rest[end...]
                continue
            }
            return String(rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" })
        }
        return nil
    }

    /// More than one line, each a whole JSON value starting with `{`.
    static func looksLikeJSONLines(_ bytes: [UInt8]) -> Bool {
        let lines = bytes.split(separator: UInt8(ascii: "\n")).filter { !$0.allSatisfy(isSpace) }
        guard lines.count > 1, let first = lines.first?.first(where: { !isSpace($0) }), first == UInt8(ascii: "{") else {
            return false
        }
        // A pretty-printed object has a line that is only `{` or ends without closing.
        let firstLine = lines[0].filter { !isSpace($0) }
        return firstLine.count > 2 && firstLine.last == UInt8(ascii: "}")
    }

    /// A header block: the first line is `Name: value` (or an mbox `From ` line) and at least two
    /// of the headers every mail carries appear before the first blank line.
    static func looksLikeMail(_ lower: [UInt8]) -> Bool {
        var lines: [ArraySlice<UInt8>] = []
        for line in lower.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if line.isEmpty || line == [0x0D] { break }
            lines.append(line)
        }
        guard let first = lines.first else { return false }
        let nameLength = first.prefix { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }.count
        let firstIsHeader =
            first.starts(with: Array("from ".utf8))
            || (nameLength > 0 && first.dropFirst(nameLength).first == UInt8(ascii: ":"))
        guard firstIsHeader else { return false }
        var found = Set<String>()
        for line in lines {
            if let name = mailHeaders.first(where: { line.starts(with: $0.utf8) }) { found.insert(name) }
        }
        return found.count >= 2 && (found.contains("from:") || found.contains("mime-version:") || found.contains("received:"))
    }

    static let mailHeaders = [
        "from:", "to:", "subject:", "date:", "message-id:", "mime-version:", "received:", "return-path:", "delivered-to:",
        "content-type:",
    ]

    static func extensionFormat(_ fileName: String) -> DocumentFormat? {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "html", "htm", "xhtml", "shtml": return .html
        case "eml", "msg", "mbox": return .email
        default: return nil
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }

    static func asciiLower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }
}
