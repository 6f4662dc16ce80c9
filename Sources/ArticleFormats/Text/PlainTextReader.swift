import Foundation
import TariffExtraction

/// A plain-text article: YAML front matter (title, url, date) if it has some, else a dateline at the top.
enum PlainTextReader {
    /// How far into a text a dateline may be: the headline, a standfirst, a byline, then the dateline.
    static let datelineLines = 8

    static func read(_ text: String, modificationDay: CalendarDate) -> ArticleDocument {
        if let front = FrontMatter.parse(text) {
            var document = ArticleDocument(text: front.blankedText, title: front.value(for: FrontMatter.titleKeys),
                url: front.value(for: FrontMatter.urlKeys))
            if let raw = front.value(for: FrontMatter.dateKeys), let date = DateText.parse(raw) {
                document.published = PublicationDate(date: date, source: .metadata, origin: "front matter")
            } else {
                document.published = Dateline.find(in: front.blankedText, modificationDay: modificationDay)
            }
            return document
        }
        return ArticleDocument(text: text, published: Dateline.find(in: text, modificationDay: modificationDay))
    }
}

/// YAML front matter as static-site generators and note apps write it: `---`, `key: value` lines, `---`.
struct FrontMatter {
    static let titleKeys = ["title", "headline"]
    static let urlKeys = ["url", "link", "canonical_url", "source_url", "source"]
    static let dateKeys = ["date", "published", "published_at", "publishedat", "pubdate", "date_published", "publication_date"]

    var fields: [String: String]
    /// The text with the front matter replaced by spaces (newlines kept), so offsets still count from the file's start.
    var blankedText: String

    func value(for keys: [String]) -> String? {
        keys.lazy.compactMap { fields[$0] }.first { !$0.isEmpty }
    }

    static func parse(_ text: String) -> FrontMatter? {
        // Compared as bytes: `hasPrefix` compares Characters (some 290 instructions a call, two calls for every text
        // file), and here the answer is the same, a line break ending a Character whatever follows it.
        // the first byte asked first: most texts have no front matter, and each `starts(with:)` cost some 125 instructions
        guard text.utf8.first == UInt8(ascii: "-"),
            text.utf8.starts(with: "---\n".utf8) || text.utf8.starts(with: "---\r\n".utf8)
        else { return nil }
        var fields: [String: String] = [:]
        var end: String.Index?
        // UTF-8 offsets: "\r\n" is one Character, so a character offset of 5 ran past "---\r\n" (a crash).
        var lineStart = text.utf8.index(text.startIndex, offsetBy: text.utf8.starts(with: "---\r\n".utf8) ? 5 : 4)
        var scanned = 0
        while lineStart < text.endIndex, scanned < 200 {
            let lineEnd = text[lineStart...].firstIndex(where: \.isNewline) ?? text.endIndex  // "\r\n" too
            let line = text[lineStart..<lineEnd].trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\r")))
            if line == "---" || line == "..." {
                end = lineEnd
                break
            }
            if let colon = line.firstIndex(of: ":"), !line.hasPrefix("#"), !line.hasPrefix(" ") {
                let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                    value = String(value.dropFirst().dropLast())
                }
                fields[key] = value
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
            scanned += 1
        }
        guard let end, !fields.isEmpty else { return nil }
        var blanked = String.UnicodeScalarView()
        for scalar in text[..<end].unicodeScalars { blanked.append(scalar == "\n" || scalar == "\r" ? scalar : " ") }
        blanked.append(contentsOf: text[end...].unicodeScalars)
        return FrontMatter(fields: fields, blankedText: String(blanked))
    }
}

/// A date written at the top of an article: a wire dateline (`BEIJING, Sept. 30 (Xinhua) --`,
/// `Oct 24 (Reuters) -`) or a line that is only a date (`November 3, 2025 | Updated 3 hours ago`).
enum Dateline {
    /// Words allowed on a date line besides the date: labels, weekdays, times and zones.
    static let dateLineWords: Set<String> = [
        "published", "updated", "posted", "date", "on", "at", "last", "first", "hours", "hour", "minutes", "ago",
        "am", "pm", "a", "p", "m", "et", "est", "edt", "gmt", "utc", "bst", "cet", "cest", "pt", "pst", "pdt", "ct",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "issued", "release", "for", "immediate",
    ]

    /// How much of the text's start (in Unicode scalars) is searched for a dateline.
    static let headLength = 2000

    static func find(in text: String, modificationDay: CalendarDate) -> PublicationDate? {
        var text = text
        return text.withUTF8 { find(inUTF8: $0, modificationDay: modificationDay) }
    }

    /// The lines of the head (the first `headLength` scalars, split at `\n` and `\r`, empty lines
    /// skipped) walked in place, up to the `PlainTextReader.datelineLines`-th that is not blank. Only
    /// the top of the article can hold its dateline, and every date the readers know has a day number:
    /// a line without an ASCII digit is only asked whether it is blank, no String is made of it.
    static func find(inUTF8 bytes: UnsafeBufferPointer<UInt8>, modificationDay: CalendarDate) -> PublicationDate? {
        var position = 0
        var scalars = 0
        var checked = 0
        var headEnded = false
        while position < bytes.count, !headEnded {
            let start = position
            let scanned = HeadLine.scan(bytes, from: start, scalars: scalars, limit: headLength)
            (position, scalars, headEnded) = (scanned.next, scanned.scalars, scanned.headEnded)
            let end = scanned.end, hasDigit = scanned.hasDigit
            guard end > start else { continue }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if !hasDigit {
                if !MainText.isBlank(line) {
                    checked += 1
                    if checked > PlainTextReader.datelineLines { return nil }
                }
                continue
            }
            checked += 1
            if checked > PlainTextReader.datelineLines { return nil }
            // A dateline has a dash after its date, a date-only line is short: else no date is looked for.
            if isLongProseWithoutDash(line) { continue }
            let lineText = collapsedHead(line)
            guard hasDash(lineText) || isShort(lineText), let found = DateText.find(in: lineText) else { continue }
            guard isDateline(lineText, found) || isDateOnlyLine(lineText, found),
                let date = DateText.complete(found, notAfter: modificationDay)
            else { continue }
            return PublicationDate(date: date, source: .dateline, origin: "dateline \"\(characterPrefix(lineText, 60))\"")
        }
        return nil
    }

    /// How much of a line (in Characters, after `MainText.collapse`) the dateline rules read.
    static let lineLength = 160
    /// The longest line `isDateOnlyLine` accepts, in Characters.
    static let dateOnlyLineLength = 80

    /// `MainText.collapse(line).prefix(lineLength)`, collapsing only the line's first 176 bytes, or 320, or KiB, when
    /// that is enough: when a Character follows the last one kept, the boundaries before it are the same as in the
    /// whole line's (a grapheme boundary depends only on the scalars up to the one after it). A dateline's line is
    /// most often its article's first paragraph: 176 bytes of prose, which keep one space between words, collapse
    /// to more than 160 Characters.
    static func collapsedHead(_ line: UnsafeBufferPointer<UInt8>) -> String {
        for bytes in [lineLength + 16, 2 * lineLength, 1024] where line.count > bytes {
            var cut = bytes
            while cut > 0, line[cut] & 0xC0 == 0x80 { cut -= 1 }  // at a scalar's first byte
            let kept = MainText.withCollapsed(UnsafeBufferPointer(rebasing: line[..<cut])) { head, isASCII in
                characterPrefixIfShorter(head, isASCII: isASCII, lineLength)
            }
            if let kept { return kept }
        }
        return String(characterPrefix(MainText.collapse(line), lineLength))
    }

    /// `String(text.prefix(count))` of the text `bytes` (valid UTF-8) when it is shorter than the text, else nil. When
    /// the first `count` bytes and the one after them are one Character each (`isOneCharacterPerByte`), they are the
    /// prefix, and no String is made of the rest.
    static func characterPrefixIfShorter(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool, _ count: Int) -> String? {
        guard bytes.count > count else { return nil }  // no more Characters than bytes
        if isOneCharacterPerByte(UnsafeBufferPointer(rebasing: bytes[..<(count + 1)])) {
            return String(validUTF8: UnsafeBufferPointer(rebasing: bytes[..<count]), isASCII: true)
        }
        let text = String(validUTF8: bytes, isASCII: isASCII)
        let kept = characterPrefix(text, count)
        return kept.endIndex < text.endIndex ? String(kept) : nil
    }

    /// `text.prefix(count)`. ASCII bytes without a carriage return (a collapsed line has none: its CR LF became a
    /// space) are one Character each, so the text is cut at a byte offset without walking grapheme boundaries,
    /// which cost most of the dateline search on pages whose top lines are long. Only the first `count` bytes
    /// and the one after them are looked at: a grapheme boundary falls between two ASCII scalars other than
    /// CR LF, and a text of `count` bytes or fewer has no more Characters than that.
    static func characterPrefix(_ text: String, _ count: Int) -> Substring {
        guard text.utf8.count > count else { return text[...] }
        guard isOneCharacterPerByte(text, prefix: count + 1) else { return text.prefix(count) }
        return text[..<text.utf8.index(text.startIndex, offsetBy: count)]
    }

    /// Every byte below 0x80; read from the string's storage, not through its UTF-8 view's indices.
    static func isASCII(_ bytes: some Sequence<UInt8>) -> Bool {
        bytes.withContiguousStorageIfAvailable(allASCII) ?? bytes.allSatisfy { $0 < 0x80 }
    }

    /// `isASCII` of a buffer, eight bytes a step.
    static func allASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var high: UInt64 = 0
        var index = 0
        while index &+ 8 <= bytes.count {
            high |= ByteLanes.load(base, index)
            index &+= 8
        }
        while index < bytes.count {
            high |= UInt64(base[index])
            index &+= 1
        }
        return high & ByteLanes.highs == 0
    }

    /// ASCII with no carriage return (in the first `prefix` bytes): `\r\n` is the only ASCII pair that makes one Character.
    static func isOneCharacterPerByte(_ text: String, prefix: Int = .max) -> Bool {
        var text = text
        return text.withUTF8 { bytes in isOneCharacterPerByte(UnsafeBufferPointer(rebasing: bytes.prefix(prefix))) }
    }

    /// `isOneCharacterPerByte` of bytes, eight a step.
    static func isOneCharacterPerByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        while index &+ 8 <= bytes.count {
            let word = ByteLanes.load(base, index)
            if (word & ByteLanes.highs) | ByteLanes.firstEqual(word, 0x0D) != 0 { return false }
            index &+= 8
        }
        while index < bytes.count {
            if base[index] >= 0x80 || base[index] == 0x0D { return false }
            index &+= 1
        }
        return true
    }

    /// Whether `isDateline` could find its dash in `line`: `--`, `- `, an em or an en dash, as bytes.
    static func hasDash(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            guard bytes.count >= 2 else { return false }
            for index in 1..<bytes.count {
                let byte = bytes[index], previous = bytes[index - 1]
                if previous == 0x2D, byte == 0x2D || byte == 0x20 { return true }
                if index >= 2, bytes[index - 2] == 0xE2, previous == 0x80, byte == 0x94 || byte == 0x93 { return true }  // U+2014, U+2013
            }
            return false
        }
    }

    /// `line.count <= dateOnlyLineLength`, counting at most that many Characters.
    static func isShort(_ line: String) -> Bool {
        if line.utf8.count <= dateOnlyLineLength { return true }
        if isOneCharacterPerByte(line) { return false }  // more bytes than the limit are as many Characters
        return line.index(line.startIndex, offsetBy: dateOnlyLineLength, limitedBy: line.endIndex).map { $0 == line.endIndex } ?? true
    }

    /// The line's first `lineLength` Characters once collapsed (all the rules read) are more than
    /// `dateOnlyLineLength` and hold no dash. Counted on bytes, without collapsing: a visible ASCII byte
    /// followed by an ASCII byte (or ending the line) ends a Character of its own (only CR LF joins two ASCII
    /// bytes, and a line has no CR), which collapsing whitespace keeps; other bytes are not counted, so the
    /// count never exceeds the Characters, and once it passes `lineLength` the kept Characters lie in the
    /// bytes read, where no dash was seen (no `-` before a space or a `-`, no em or en dash). Lines with a
    /// curly quote, an accent or a hyphen before their 160th letter are skipped here too, not collapsed first.
    static func isLongProseWithoutDash(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = line.baseAddress else { return false }
        let ones = ByteLanes.ones, highs = ByteLanes.highs
        var visible = 0
        /// The answer once the byte at `index` settles it, else nil.
        func read(_ index: Int) -> Bool? {
            let byte = line[index]
            // `-` starts `hasDash`'s `--` or `- ` only before another `-` or what may collapse to a space
            if byte == 0x2D, index + 1 == line.count || !(0x21...0x7E).contains(line[index + 1]) || line[index + 1] == 0x2D {
                return false
            }
            if byte >= 0x80 {
                if byte == 0xE2, index + 2 < line.count, line[index + 1] == 0x80, line[index + 2] == 0x93 || line[index + 2] == 0x94 {
                    return false  // U+2013, U+2014
                }
                return nil
            }
            if byte == 0x20 || (0x09...0x0D).contains(byte) { return nil }
            guard index + 1 == line.count || line[index + 1] < 0x80 else { return nil }
            visible += 1
            return visible > lineLength ? true : nil
        }
        var index = 0
        while index < line.count {
            // Eight ASCII bytes without a `-`, and an ASCII byte after them (most of a prose line): none starts a dash,
            // and each that is no whitespace is a Character of its own, counted in one step rather than eight.
            if index &+ 8 < line.count, base[index &+ 8] < 0x80 {
                let word = ByteLanes.load(base, index)
                if word & highs == 0, ByteLanes.firstEqual(word, 0x2D) == 0 {
                    // 0x09 to 0x0D: lanes below 0x80 take these sums without a carry into the next
                    let isControl = (word &+ ones &* (0x80 - 0x09)) & ~(word &+ ones &* (0x80 - 0x0E)) & highs
                    visible &+= 8 &- (ByteLanes.equal(word, 0x20) | isControl).nonzeroBitCount
                    if visible > lineLength { return true }
                    index &+= 8
                    continue
                }
            }
            if let settled = read(index) { return settled }
            index += 1
        }
        return false
    }

    /// Before the date only an upper-case place (`BEIJING,`, `WASHINGTON/BRUSSELS,`); after it,
    /// perhaps an agency in parentheses, then a dash.
    static func isDateline(_ line: String, _ found: DateText.Found) -> Bool {
        // the words before the date collapsed in scratch memory, not made a String (nor copied first) unless not ASCII
        var line = line
        let lower = line.utf8.distance(from: line.startIndex, to: found.range.lowerBound)
        let placeOK = line.withUTF8 { bytes in
            MainText.withCollapsed(UnsafeBufferPointer(rebasing: bytes[..<lower])) { before, isASCII in
                if before.isEmpty { return true }
                guard isASCII else {
                    let before = String(validUTF8: before, isASCII: false)
                    return before.hasSuffix(",") && before.contains { $0.isLetter } && !before.contains { $0.isLowercase }
                }
                // as bytes: an ASCII Character is one byte, or CR LF, which is no letter, and a letter is A-Z or a-z
                return before.last == UInt8(ascii: ",") && before.contains { $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A }
                    && !before.contains { $0 >= 0x61 && $0 <= 0x7A }
            }
        }
        guard placeOK else { return false }
        let tail = line.utf8[found.range.upperBound...]
        if isASCII(tail) {
            // The same steps on bytes (Characters cost a tenth of the dateline search): in ASCII only CR LF is a
            // Character of two bytes, and it is none of the bytes compared; no em or en dash can follow.
            var rest = tail.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ",") }
            if rest.first == UInt8(ascii: "(") {
                guard let close = rest.firstIndex(of: UInt8(ascii: ")")) else { return false }
                rest = rest[rest.index(after: close)...].drop { $0 == UInt8(ascii: " ") }
            }
            return rest.starts(with: "--".utf8) || rest.starts(with: "- ".utf8)
        }
        var after = Substring(line[found.range.upperBound...]).drop { $0 == " " || $0 == "," }
        if after.hasPrefix("(") {
            guard let close = after.firstIndex(of: ")") else { return false }
            after = after[after.index(after: close)...].drop { $0 == " " }
        }
        return after.hasPrefix("--") || after.hasPrefix("—") || after.hasPrefix("–") || after.hasPrefix("- ")
    }

    /// The line says nothing but the date, its weekday, time and a label such as "Published".
    static func isDateOnlyLine(_ line: String, _ found: DateText.Found) -> Bool {
        guard found.year != nil, line.count <= dateOnlyLineLength else { return false }
        var rest = line
        rest.removeSubrange(found.range)
        if rest.hasPrefix("By ") { return false }
        return DateText.tokens(rest).allSatisfy { dateLineWords.contains($0.text) || Int($0.text) != nil }
    }
}
