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

    /// Where a PDF header may start: PDF readers accept it within the first 1024 bytes.
    static let pdfHeaderLimit = 1024
    static let pdfHeader = Array("%PDF-".utf8)

    static func sniff(_ bytes: [UInt8], fileName: String) -> DocumentFormat {
        bytes.withUnsafeBufferPointer { all in
            // Only what is compared is looked at or lower-cased: a text file, the common case, costs a
            // bounded search for `%PDF-` and the mail header lines, no String of the window.
            let head = UnsafeBufferPointer(rebasing: all.prefix(window))
            let pdfSearch = UnsafeBufferPointer(rebasing: head.prefix(pdfHeaderLimit - 1 + pdfHeader.count))
            if firstIndex(of: pdfHeader, in: pdfSearch) != nil {
                return .pdf
            }
            var start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while start < head.count, isSpace(head[start]) { start += 1 }
            let rest = UnsafeBufferPointer(rebasing: head[start...])
            // Markup and JSON start with one of these bytes; only then is the window compared as lower-case
            // text (as Characters: `<` followed by a combining mark is not markup).
            if let first = rest.first, first == UInt8(ascii: "<") || first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
                let lower = String(decoding: rest.map(asciiLower), as: UTF8.self)
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
            }
            if looksLikeMail(rest) { return .email }
            if let byExtension = extensionFormat(fileName), byExtension == .html || byExtension == .email { return byExtension }
            return .text
        }
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
    /// of the headers every mail carries appear before the first blank line. Header names are compared
    /// case-insensitively; the scan stops at the first blank line, or as soon as the answer is yes.
    static func looksLikeMail(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // asked before the first line's end is looked for: most files' first line is no header, and is not walked
        guard startsWithHeader(bytes) else { return false }
        var lineStart = 0
        var found: UInt16 = 0  // bit i: mailHeaders[i] seen
        while true {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            if line.isEmpty || (line.count == 1 && line[0] == 0x0D) { break }
            if let header = mailHeaders.indices.first(where: { startsLowered(line, with: mailHeaders[$0]) }) {
                found |= 1 << header
                if found.nonzeroBitCount >= 2 && found & mailSenderHeaders != 0 { return true }
            }
            guard lineEnd < bytes.count else { break }
            lineStart = lineEnd + 1
        }
        return false
    }

    /// The first line is `Name: value` or an mbox `From ` line. Read from the text's start, not the line's bytes: the
    /// name stops at the line break (no letter, digit or hyphen), and a break is neither the `:` nor the space sought.
    static func startsWithHeader(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if startsLowered(bytes, with: "from ") { return true }
        let nameLength = bytes.prefix { isLetterDigitOrHyphen(asciiLower($0)) }.count
        return nameLength > 0 && bytes.dropFirst(nameLength).first == UInt8(ascii: ":")
    }

    /// `from:`, `mime-version:` and `received:` in `mailHeaders`: one of them must be there.
    static let mailSenderHeaders: UInt16 = 1 << 0 | 1 << 5 | 1 << 6

    static func isLetterDigitOrHyphen(_ lower: UInt8) -> Bool { (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) || lower == 0x2D }

    /// `line` lower-cased (ASCII only) starts with `prefix`, which is lower-case ASCII.
    static func startsLowered(_ line: UnsafeBufferPointer<UInt8>, with prefix: StaticString) -> Bool {
        guard line.count >= prefix.utf8CodeUnitCount else { return false }
        let pattern = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        for index in pattern.indices where asciiLower(line[index]) != pattern[index] { return false }
        return true
    }

    static let mailHeaders: [StaticString] = [
        "from:", "to:", "subject:", "date:", "message-id:", "mime-version:", "received:", "return-path:", "delivered-to:",
        "content-type:",
    ]

    /// The last `.` is found among the bytes, not the Characters (a third of the cost): they differ only at a dot
    /// that a combining mark follows, where both give an extension that is none of these.
    /// Compared as bytes lower-cased in ASCII, not as a `lowercased()` String: the same answer, as the one character
    /// outside ASCII whose lower case is ASCII is the Kelvin sign (a `k`, in none of these).
    static func extensionFormat(_ fileName: String) -> DocumentFormat? {
        var fileName = fileName
        return fileName.withUTF8 { name in
            guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return nil }
            let suffix = UnsafeBufferPointer(rebasing: name[(dot + 1)...])
            func isOne(of extensions: [StaticString]) -> Bool {
                extensions.contains { suffix.count == $0.utf8CodeUnitCount && startsLowered(suffix, with: $0) }
            }
            if isOne(of: htmlExtensions) { return .html }
            if isOne(of: mailExtensions) { return .email }
            return nil
        }
    }

    static let htmlExtensions: [StaticString] = ["html", "htm", "xhtml", "shtml"]
    static let mailExtensions: [StaticString] = ["eml", "msg", "mbox"]

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }

    static func asciiLower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }

    /// Where `needle` first starts in `haystack`. `memchr` finds each candidate first byte (the C library reads
    /// many bytes a step): every text file is searched for `%PDF-`, and a byte at a time this was a tenth of
    /// reading a news article, eight bytes a step still 2,000 instructions a file.
    static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count, let base = haystack.baseAddress else { return nil }
        let lastStart = haystack.count - needle.count
        var index = 0
        while index <= lastStart {
            guard let hit = memchr(base + index, CInt(first), lastStart + 1 - index) else { return nil }
            let start = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start }
            index = start + 1
        }
        return nil
    }
}
