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
    /// The words are `tokens`' words, read in place: a `String` per word was most of this search, which runs
    /// on the dateline of every plain-text article.
    public static func find(in text: String) -> Found? {
        var text = text
        guard let found = text.withUTF8(findOffsets) else { return nil }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: found.bytes.lowerBound)
        return Found(year: found.year, month: found.month, day: found.day, range: lower..<utf8.index(lower, offsetBy: found.bytes.count))
    }

    /// `find` in UTF-8, its range as byte offsets.
    private static func findOffsets(
        _ bytes: UnsafeBufferPointer<UInt8>
    ) -> (year: Int?, month: Int, day: Int, bytes: Range<Int>)? {
        var previous: ByteWord?
        var position = 0
        while let word = ByteWord.next(in: bytes, from: position) {
            defer { previous = word }
            position = word.end
            guard let month = word.month(in: bytes) else { continue }
            var lower = word.start, upper = word.end
            var day: Int?
            var next = ByteWord.next(in: bytes, from: word.end)
            if let after = next, let d = after.day(in: bytes) {
                day = d
                upper = after.end
                next = ByteWord.next(in: bytes, from: after.end)
            } else if let before = previous, let d = before.day(in: bytes) {
                day = d
                lower = before.start
            }
            guard let day else { continue }
            var year: Int?
            if let after = next, after.kept == 4, let y = after.number(in: bytes), (1900...2199).contains(y) {
                year = y
                upper = after.end
            }
            return (year, month, day, lower..<upper)
        }
        return nil
    }

    /// A word (a run of ASCII letters and digits) as bytes `start..<end` of the text, its text the first `kept` of them
    /// lower-cased: what `tokens` makes a `String` of and `find` reads in place.
    private struct ByteWord {
        var start: Int
        var end: Int
        var kept: Int

        /// The first word at or after `position`.
        static func next(in bytes: UnsafeBufferPointer<UInt8>, from position: Int) -> ByteWord? {
            var start = position
            while start < bytes.count, !isWordByte(bytes[start]) { start += 1 }
            guard start < bytes.count else { return nil }
            var end = start + 1
            while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
            return ByteWord(start: start, end: end, kept: keptLength(bytes, start, end))
        }

        /// What `Int(text)` gives for the word's text: its digits' value, nil when it has a letter.
        func number(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            guard kept <= 18 else { return nil }  // no overflow; `find` asks of two and four digits
            var value = 0
            for index in start..<(start + kept) {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }

        /// The day of the month the word's text is, in one or two digits.
        func day(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            guard kept <= 2, let value = number(in: bytes), (1...31).contains(value) else { return nil }
            return value
        }

        /// The month the word's text names, in full or abbreviated, compared as bytes.
        func month(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            guard (3...9).contains(kept), isMonthInitial(bytes[start] | 0x20) else { return nil }
            nameLoop: for (name, month) in monthNames where name.count == kept {
                for offset in 0..<kept where bytes[start + offset] | 0x20 != name[offset] { continue nameLoop }
                return month
            }
            return nil
        }
    }

    /// The month names and abbreviations `find` knows, as bytes.
    private static let monthNames: [(name: [UInt8], month: Int)] = [
        ("jan", 1), ("january", 1), ("feb", 2), ("february", 2), ("mar", 3), ("march", 3), ("apr", 4), ("april", 4), ("may", 5),
        ("jun", 6), ("june", 6), ("jul", 7), ("july", 7), ("aug", 8), ("august", 8), ("sep", 9), ("sept", 9), ("september", 9),
        ("oct", 10), ("october", 10), ("nov", 11), ("november", 11), ("dec", 12), ("december", 12),
    ].map { (Array($0.0.utf8), $0.1) }

    /// How many bytes of the word `start..<end` its text keeps: a day number's ordinal suffix (`24th`) is dropped.
    private static func keptLength(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var digitsEnd = start
        while digitsEnd < end, bytes[digitsEnd] < 0x3A { digitsEnd += 1 }
        if digitsEnd > start, end - digitsEnd == 2, isOrdinalSuffix(bytes[digitsEnd] | 0x20, bytes[digitsEnd + 1] | 0x20) {
            return digitsEnd - start
        }
        return end - start
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
            var position = 0
            while let found = ByteWord.next(in: bytes, from: position) {
                let word = String(unsafeUninitializedCapacity: found.kept) { out in
                    for k in 0..<found.kept {
                        let byte = bytes[found.start + k]
                        out[k] = byte < 0x3A ? byte : byte | 0x20
                    }
                    return found.kept
                }
                let lower = utf8.index(utf8.startIndex, offsetBy: found.start)
                words.append(Word(text: word, range: lower..<utf8.index(lower, offsetBy: found.end - found.start)))
                position = found.end
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

    /// One of the first letters of the month names and abbreviations `monthNames` holds (`jfmasond`), lower
    /// case: a switch, where a `Set` hashed every word's first byte.
    private static func isMonthInitial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "j"), UInt8(ascii: "f"), UInt8(ascii: "m"), UInt8(ascii: "a"), UInt8(ascii: "s"), UInt8(ascii: "o"),
            UInt8(ascii: "n"), UInt8(ascii: "d"):
            true
        default: false
        }
    }
}
