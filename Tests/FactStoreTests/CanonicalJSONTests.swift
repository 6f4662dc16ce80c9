import Foundation
import TariffExtraction
import Testing

@testable import FactStore

/// The hand-written JSON is `JSONEncoder`'s (sorted keys, slashes unescaped) byte for byte: a fact value
/// written either way is the same text, so `fact_sources`' uniqueness on the value text still holds
/// across the change and old rows compare equal to new ones.
@Suite struct CanonicalJSONTests {
    static let texts: [String] = [
        "", "US", "quote \" backslash \\ slash / done", "tab\tnewline\nreturn\rback\u{8}feed\u{C}", "é ü 中文 🇺🇸 \u{2028}\u{2029} " + String(Unicode.Scalar(0xFDD0 as UInt32)!),
        String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) }),
    ]
    static let numbers: [Double] = [
        0, -0.0, 1, 25, -25, 7.5, 0.1, 1.0 / 3, 1e-7, 5e-324, 123_456_789_012.5, 1e15, 9_007_199_254_740_991, 9_007_199_254_740_992,
        9_007_199_254_740_994, -9_007_199_254_740_991, 1e16, 1e21, -42.25, .greatestFiniteMagnitude,
    ]

    static func encoded<T: Encodable>(_ value: T) throws -> String {
        try JSONText.encode(value)
    }

    @Test func stringsAreEscapedAsJSONEncoderEscapesThem() throws {
        for text in Self.texts {
            var json = CanonicalJSON()
            json.string(text)
            #expect(String(decoding: json.bytes, as: UTF8.self) == (try Self.encoded(text)), "\(text.debugDescription)")
        }
    }

    /// The writer keeps room past what it has written and copies short pieces by two 8-byte moves: pieces of
    /// every length from 0 to 40 bytes (one-character literals, keys, strings, numbers), written into a
    /// writer that starts with the least room and grows many times, read back exactly; `bytes`, a range of
    /// them and `finished()` agree.
    @Test func piecesOfEveryLengthSurviveGrowth() throws {
        var json = CanonicalJSON(capacity: 1)
        var expected: [UInt8] = []
        for length in 0...40 {
            let text = String((0..<length).map { Character(Unicode.Scalar(UInt8(0x61 + $0 % 26))) })
            json.raw("{")
            json.string(text)
            json.raw(",\"key\":")
            json.number(Int64(length) * 1_000_003)
            json.raw([UInt8](text.utf8))
            json.raw("}")
            expected += Array("{\"\(text)\",\"key\":\(Int64(length) * 1_000_003)\(text)}".utf8)
            #expect(json.count == expected.count)
        }
        #expect(json.bytes == expected)
        #expect(Array(json.bytes(3..<json.count)) == Array(expected[3...]))
        #expect(json.finished() == expected)
    }

    /// Strings are scanned eight bytes a step, their last bytes as one word: each character that needs escaping, at
    /// every offset of a long text and of short ones.
    @Test func escapesAreFoundAtEveryOffset() throws {
        let filler = "Tariffs rise to 25% — “in full” on steel "
        for special in ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\t"] {
            for offset in 0..<20 {
                let text = String(filler.prefix(offset)) + special + filler + special
                var json = CanonicalJSON()
                json.string(text)
                #expect(String(decoding: json.bytes, as: UTF8.self) == (try Self.encoded(text)), "\(text.debugDescription)")
            }
            // the last bytes, fewer than eight, are read as one word: short texts with the character at each place
            for length in 1...16 {
                for at in 0..<length {
                    let text = String(repeating: "a", count: at) + special + String(repeating: "é", count: length - at - 1)
                    var json = CanonicalJSON()
                    json.string(text)
                    #expect(String(decoding: json.bytes, as: UTF8.self) == (try Self.encoded(text)), "\(text.debugDescription)")
                }
            }
        }
        // and without any: an empty text, spaces, and the highest byte values
        for text in ["", " ", "       ", "ÿÿÿ", "~~~~~~~", "tariff"] {
            var json = CanonicalJSON()
            json.string(text)
            #expect(String(decoding: json.bytes, as: UTF8.self) == (try Self.encoded(text)), "\(text.debugDescription)")
        }
    }

    /// Thousandths are written without their description: the same text, for every one up to 200 either side of
    /// zero, some far larger, and values next to them that are not thousandths.
    @Test func thousandthsArePrintedAsTheirDescription() throws {
        var values: [Double] = []
        for m in -200_000...200_000 where m % 7 == 0 || abs(m) < 3_000 { values.append(Double(m) / 1000) }
        let large: [Int64] = [1 << 39, (1 << 40) - 1, 1 << 40, 1 << 41, 123_456_789_012_345]
        for m in large {
            let value = Double(m) / 1000
            values += [value, -value, value + 0.001]
        }
        values += [0.1 + 0.2, 0.4.nextUp, 0.4.nextDown, 1.0 / 3, 0.0005, 1e-4, 0.001, 5e-324, -0.0, 0x1p40, 0x1p40 + 0.5]
        for value in values {
            var json = CanonicalJSON()
            try json.number(value)
            #expect(String(decoding: json.bytes, as: UTF8.self) == (try Self.encoded(value)), "\(value)")
        }
    }

    @Test func numbersArePrintedAsJSONEncoderPrintsThem() throws {
        for number in Self.numbers {
            var json = CanonicalJSON()
            try json.number(number)
            #expect(String(decoding: json.bytes, as: UTF8.self) == (try Self.encoded(number)), "\(number)")
        }
        for number in [0, -1, Int.max, Int.min] {
            var json = CanonicalJSON()
            json.number(number)
            #expect(String(decoding: json.bytes, as: UTF8.self) == (try Self.encoded(number)))
        }
        var json = CanonicalJSON()
        #expect(throws: NonFiniteNumber.self) { try json.number(Double.infinity) }
        #expect(throws: NonFiniteNumber.self) { try json.number(Double.nan) }
    }

    /// Dates are written from their bytes where they can be: the same text as their `iso` and `description`
    /// strings, for every granularity and for years that take four digits or do not.
    @Test func datesAreTheirSpellings() throws {
        for year in [-12, 0, 7, 999, 1999, 2026, 9999, 10_000, 123_456] {
            for month in [1, 2, 6, 11, 12] {
                let day = try #require(CalendarDate(year: year, month: month, day: month == 2 ? 28 : 9))
                for value in [TemporalValue.day(day), .week(containing: day), .month(year: year, month: month),
                    .quarter(year: year, quarter: (month - 1) / 3 + 1), .year(year)]
                {
                    var written = CanonicalJSON(), spelled = CanonicalJSON()
                    written.string(Optional(value))
                    spelled.string(value.iso)
                    #expect(written.bytes == spelled.bytes, "\(value.iso)")
                    #expect(value.iso == (try Self.encoded(value)).dropFirst().dropLast(), "\(value.iso)")
                }
                var written = CanonicalJSON(), spelled = CanonicalJSON()
                written.string(day)
                spelled.string(day.description)
                #expect(written.bytes == spelled.bytes, "\(day)")
            }
        }
        var json = CanonicalJSON()
        json.string(Optional<TemporalValue>.none)
        #expect(json.bytes == Array("null".utf8))
    }

    static func values() -> [FactValue] {
        var values: [FactValue] = []
        let dates = ["2026-03-01", "2026-W09", "2026-03", "2026-Q2", "2026", "0999-01-01"].compactMap { TemporalValue(iso: $0) }
        for (index, text) in texts.enumerated() {
            for (dateIndex, date) in dates.enumerated() {
                values.append(
                    .deadline(
                        DeadlineFact(
                            date: date, endDate: dateIndex % 2 == 0 ? nil : dates[(dateIndex + 1) % dates.count],
                            kind: DeadlineKind.allCases[(index + dateIndex) % DeadlineKind.allCases.count], subject: text)))
            }
            for (numberIndex, number) in ([nil] + numbers.map(Optional.some)).enumerated() {
                values.append(
                    .tariff(
                        TariffFact(
                            imposer: numberIndex % 3 == 0 ? nil : text, target: numberIndex % 2 == 0 ? "CN" : nil,
                            products: Array([text, "steel", "autos"].prefix(numberIndex % 4)), ratePct: number,
                            previousRatePct: numberIndex % 2 == 0 ? nil : numbers[numberIndex % numbers.count],
                            additional: numberIndex % 2 == 1, aggregate: numberIndex % 5 == 0,
                            direction: TariffDirection.allCases[numberIndex % TariffDirection.allCases.count],
                            status: TariffStatus.allCases[numberIndex % TariffStatus.allCases.count],
                            effectiveDate: numberIndex % 3 == 1 ? nil : dates[numberIndex % dates.count])))
            }
        }
        return values
    }

    @Test func factValuesAreTheTextJSONEncoderWrites() throws {
        let values = Self.values()
        #expect(values.count > 100)
        for value in values {
            #expect(try value.canonicalJSON == (try Self.encoded(value)), "\(value)")
            // and the text reads back as the value
            #expect(try JSONText.decode(FactValue.self, value.canonicalJSON) == value)
        }
    }
}

extension CanonicalJSONTests {
    @Test func alertPayloadsAreTheTextJSONEncoderWrites() throws {
        let values = Self.values()
        let articles: [ArticleProvenance?] = [
            nil, ArticleProvenance(title: "A \"title\"", url: "https://x.example/a/b?c=d", published: CalendarDate(year: 2026, month: 2, day: 3), referenceDateSource: "metadata", item: "guid/1"),
            ArticleProvenance(title: nil, url: nil, published: nil, referenceDateSource: "mtime"),
        ]
        for (index, value) in values.enumerated() {
            let alert = Alert(
                id: Int64(index), factID: "fact/\(index)", kind: AlertKind.allCases[index % AlertKind.allCases.count],
                createdAt: Date(timeIntervalSince1970: 1_764_000_000.123_456 + Double(index) * 0.0007), current: value,
                previous: index % 3 == 0 ? nil : values[(index + 1) % values.count], sourceFile: "/in/\(Self.texts[index % Self.texts.count])",
                evidence: Self.texts[(index + 1) % Self.texts.count], sourceCount: index % 7, provenance: articles[index % articles.count],
                daysBefore: index % 4 == 0 ? index : nil, confidence: index % 5 == 0 ? Self.numbers[index % Self.numbers.count] : nil)
            #expect(try alert.payloadJSON == (try Self.encoded(alert)), "\(index)")
        }
    }
}
