import TariffExtraction

@testable import ArticleFormats

/// The dateline search, the format sniffer and `collapse` as they were before they learnt to skip work
/// (commit 8e0fa24): the oracle the faster ones must agree with on every input.
enum ReferenceReading {
    static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let width = MainText.whitespaceWidth(bytes, at: index)
                if width > 0 {
                    pendingSpace = !out.isEmpty
                    index += width
                    continue
                }
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(bytes[index])
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `Dateline.isLongProseWithoutDash` a byte at a time, as it was before it counted eight bytes a step.
    static func isLongProseWithoutDash(_ line: [UInt8]) -> Bool {
        var visible = 0
        for index in line.indices {
            let byte = line[index]
            if byte == 0x2D, index + 1 == line.count || !(0x21...0x7E).contains(line[index + 1]) || line[index + 1] == 0x2D {
                return false
            }
            if byte >= 0x80 {
                if byte == 0xE2, index + 2 < line.count, line[index + 1] == 0x80, line[index + 2] == 0x93 || line[index + 2] == 0x94 {
                    return false
                }
                continue
            }
            if byte == 0x20 || (0x09...0x0D).contains(byte) { continue }
            guard index + 1 == line.count || line[index + 1] < 0x80 else { continue }
            visible += 1
            if visible > Dateline.lineLength { return true }
        }
        return false
    }

    static func dateline(in text: String, modificationDay: CalendarDate) -> PublicationDate? {
        var checked = 0
        for line in text.unicodeScalars.prefix(Dateline.headLength).split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map(String.init)
        {
            let trimmed = collapse(line)
            if trimmed.isEmpty { continue }
            checked += 1
            if checked > PlainTextReader.datelineLines { break }
            guard trimmed.utf8.contains(where: { (0x30...0x39).contains($0) }),
                let found = DateText.find(in: String(trimmed.prefix(160)))
            else { continue }
            let lineText = String(trimmed.prefix(160))
            guard Dateline.isDateline(lineText, found) || Dateline.isDateOnlyLine(lineText, found),
                let date = DateText.complete(found, notAfter: modificationDay)
            else { continue }
            return PublicationDate(date: date, source: .dateline, origin: "dateline \"\(lineText.prefix(60))\"")
        }
        return nil
    }

    /// `Dateline.isDateline` on Characters only, as it was before its ASCII path.
    static func isDateline(_ line: String, _ found: DateText.Found) -> Bool {
        let before = MainText.collapse(String(line[..<found.range.lowerBound]))
        let placeOK =
            before.isEmpty
            || (before.hasSuffix(",") && before.contains { $0.isLetter } && !before.contains { $0.isLowercase })
        guard placeOK else { return false }
        var after = Substring(line[found.range.upperBound...]).drop { $0 == " " || $0 == "," }
        if after.hasPrefix("(") {
            guard let close = after.firstIndex(of: ")") else { return false }
            after = after[after.index(after: close)...].drop { $0 == " " }
        }
        return after.hasPrefix("--") || after.hasPrefix("—") || after.hasPrefix("–") || after.hasPrefix("- ")
    }

    static func sniff(_ bytes: [UInt8], fileName: String) -> DocumentFormat {
        let head = Array(bytes.prefix(FormatSniffer.window))
        var start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let pdf = firstIndex(of: Array("%PDF-".utf8), in: head), pdf < 1024 { return .pdf }
        while start < head.count, FormatSniffer.isSpace(head[start]) { start += 1 }
        let lower = String(decoding: head[start...].map(FormatSniffer.asciiLower), as: UTF8.self)
        let byExtension = FormatSniffer.extensionFormat(fileName)
        if lower.hasPrefix("<") {
            switch FormatSniffer.firstElementName(lower) {
            case "rss", "rdf:rdf": return .rss
            case "feed": return .atom
            default: return .html
            }
        }
        if lower.hasPrefix("{") || lower.hasPrefix("[") {
            if lower.contains("jsonfeed.org/version/") { return .jsonFeed }
            return FormatSniffer.looksLikeJSONLines(bytes) ? .jsonLines : .json
        }
        if looksLikeMail(head[start...].map(FormatSniffer.asciiLower)) { return .email }
        if let byExtension, byExtension == .html || byExtension == .email { return byExtension }
        return .text
    }

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

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }
}
