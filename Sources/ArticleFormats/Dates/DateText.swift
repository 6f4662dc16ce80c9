import Foundation

public import TariffExtraction

/// Reads the dates publishers write in metadata and at the top of articles: ISO 8601
/// (`2025-10-24T09:12:03+08:00`), RFC 2822 (`Fri, 24 Oct 2025 09:12:03 +0000`), PDF (`D:20251024…`),
/// and English month names (`Oct. 24, 2025`, `24 October 2025`, `Sept. 30`).
///
/// The day is the day as written, in the writer's own time zone: that is the "today" the article's
/// "on Friday" means.
public enum DateText {
    /// A date found in text; `year` is nil when the text leaves it out (`Sept. 30`).
    public struct Found: Sendable, Hashable {
        public var year: Int?
        public var month: Int
        public var day: Int
        /// Character range of the date in the scanned string.
        public var range: Range<String.Index>
    }

    /// The whole string as a date (extra words such as a weekday or a time are allowed).
    public static func parse(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let iso = isoDate(trimmed) { return iso }
        guard let found = find(in: trimmed), let year = found.year else { return nil }
        return CalendarDate(year: year, month: found.month, day: found.day)
    }

    /// `YYYY-MM-DD…`, `YYYY/MM/DD`, `D:YYYYMMDD…` (PDF) and `YYYYMMDD`.
    static func isoDate(_ text: String) -> CalendarDate? {
        var digits = Substring(text)
        if digits.hasPrefix("D:") { digits = digits.dropFirst(2) }
        let chars = Array(digits.prefix(10).utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count else { return nil }
            var value = 0
            for byte in chars[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        if chars.count >= 10, chars[4] == chars[7], chars[4] == UInt8(ascii: "-") || chars[4] == UInt8(ascii: "/"),
            let y = number(0..<4), let m = number(5..<7), let d = number(8..<10)
        {
            return CalendarDate(year: y, month: m, day: d)
        }
        if chars.count >= 8, let y = number(0..<4), let m = number(4..<6), let d = number(6..<8),
            chars.count == 8 || !(0x30...0x39).contains(chars[8]) || text.hasPrefix("D:")
        {
            return CalendarDate(year: y, month: m, day: d)
        }
        return nil
    }

    /// The first month-name date in `text`: a month with a day before or after it, and a year after.
    public static func find(in text: String) -> Found? {
        let words = tokens(text)
        for (index, word) in words.enumerated() {
            guard let month = monthNumber(word.text) else { continue }
            var day: Int?
            var lower = word.range.lowerBound
            var upper = word.range.upperBound
            var next = index + 1
            if next < words.count, let d = dayNumber(words[next].text) {
                day = d
                upper = words[next].range.upperBound
                next += 1
            } else if index > 0, let d = dayNumber(words[index - 1].text) {
                day = d
                lower = words[index - 1].range.lowerBound
            }
            guard let day else { continue }
            var year: Int?
            if next < words.count, let y = Int(words[next].text), words[next].text.count == 4, (1900...2199).contains(y) {
                year = y
                upper = words[next].range.upperBound
            }
            return Found(year: year, month: month, day: day, range: lower..<upper)
        }
        return nil
    }

    /// The day for a date written without a year: the latest one not after `notAfter` (a dateline
    /// is written on or before the day the file was saved).
    public static func complete(_ found: Found, notAfter limit: CalendarDate) -> CalendarDate? {
        if let year = found.year { return CalendarDate(year: year, month: found.month, day: found.day) }
        for year in [limit.year, limit.year - 1] {
            if let date = CalendarDate(year: year, month: found.month, day: found.day), date <= limit.adding(days: 1) {
                return date
            }
        }
        return nil
    }

    struct Word {
        var text: String
        var range: Range<String.Index>
    }

    /// Runs of ASCII letters and digits, lower-cased, with their ranges; an ordinal suffix is dropped
    /// (`24th`). Month names and day numbers are ASCII, so other characters only separate words;
    /// working on UTF-8 bytes keeps this cheap enough to run on the top of every article: the bytes are
    /// read from a buffer and each word's `String` is written once, lower-cased in place (through the
    /// `String.UTF8View`, with a scratch array per word, this was most of the dateline search).
    static func tokens(_ text: String) -> [Word] {
        let utf8 = text.utf8
        let bytes = Array(utf8)
        return bytes.withUnsafeBufferPointer { bytes in
            var words: [Word] = []
            // at most one word in two bytes: one allocation for a dateline's words, where growing one by one took
            // six; capped, so that a long line (a PDF's) reserves no more than its words need
            words.reserveCapacity(min((bytes.count + 1) / 2, 64))
            var start = 0
            while start < bytes.count {
                guard isWordByte(bytes[start]) else {
                    start += 1
                    continue
                }
                var end = start + 1
                while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                // the word's leading digits and suffix, read as bytes
                var kept = end - start
                var digitsEnd = start
                while digitsEnd < end, bytes[digitsEnd] < 0x3A { digitsEnd += 1 }
                if digitsEnd > start, end - digitsEnd == 2, isOrdinalSuffix(bytes[digitsEnd] | 0x20, bytes[digitsEnd + 1] | 0x20) {
                    kept = digitsEnd - start
                }
                let word = String(unsafeUninitializedCapacity: kept) { out in
                    for k in 0..<kept {
                        let byte = bytes[start + k]
                        out[k] = byte < 0x3A ? byte : byte | 0x20
                    }
                    return kept
                }
                let lower = utf8.index(utf8.startIndex, offsetBy: start)
                words.append(Word(text: word, range: lower..<utf8.index(lower, offsetBy: end - start)))
                start = end
            }
            return words
        }
    }

    /// An ASCII letter or digit: what `tokens` makes words of.
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte | 0x20) && byte < 0x80
    }

    /// `st`, `nd`, `rd` or `th`, lower case.
    private static func isOrdinalSuffix(_ first: UInt8, _ second: UInt8) -> Bool {
        switch (first, second) {
        case (0x73, 0x74), (0x6E, 0x64), (0x72, 0x64), (0x74, 0x68): true
        default: false
        }
    }

    static func monthNumber(_ word: String) -> Int? {
        // Most words of a line are not months: their length or first letter says so before 22 string comparisons.
        let utf8 = word.utf8
        guard (3...9).contains(utf8.count), let first = utf8.first, Self.isMonthInitial(first) else { return nil }
        return switch word {
        case "jan", "january": 1
        case "feb", "february": 2
        case "mar", "march": 3
        case "apr", "april": 4
        case "may": 5
        case "jun", "june": 6
        case "jul", "july": 7
        case "aug", "august": 8
        case "sep", "sept", "september": 9
        case "oct", "october": 10
        case "nov", "november": 11
        case "dec", "december": 12
        default: nil
        }
    }

    /// One of the first letters of the month names and abbreviations `monthNumber` knows (`jfmasond`), lower
    /// case: a switch, where a `Set` hashed every word's first byte.
    private static func isMonthInitial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "j"), UInt8(ascii: "f"), UInt8(ascii: "m"), UInt8(ascii: "a"), UInt8(ascii: "s"), UInt8(ascii: "o"),
            UInt8(ascii: "n"), UInt8(ascii: "d"):
            true
        default: false
        }
    }

    static func dayNumber(_ word: String) -> Int? {
        // `utf8.count`, not `count`: a day number is ASCII digits, and any other word fails `Int` below anyway
        guard word.utf8.count <= 2, let value = Int(word), (1...31).contains(value) else { return nil }
        return value
    }
}
