import Foundation
import GRDB
import Testing

@testable import FactStore

/// The state's timestamps are written by hand (no ICU paged in); they must be GRDB's text digit for digit,
/// or rows written before and after the change would sort and compare apart.
@Suite struct DatabaseTimestampTests {
    /// GRDB's own text for `date`, through its `DateFormatter`.
    private func grdbText(_ date: Date) -> String? {
        String.fromDatabaseValue(date.databaseValue)
    }

    @Test func awkwardDatesMatchGRDB() {
        let texts = [
            "1970-01-01 00:00:00.000", "1969-12-31 23:59:59.999", "2000-02-29 12:00:00.500", "1900-03-01 00:00:00.001",
            "2100-02-28 23:59:59.999", "2024-12-31 23:59:59.999", "2026-12-03 10:16:21.123", "1583-01-01 00:00:00.000",
            "9999-12-31 23:59:59.999", "1600-02-29 06:30:00.250",
        ]
        for text in texts {
            let date = Date.fromDatabaseValue(text.databaseValue)!
            #expect(grdbText(date) == text)
            #expect(UTCTimestamp(date, rounding: .nearestMillisecond)?.databaseText == text)
        }
    }

    /// Sub-millisecond parts round to the nearest millisecond as GRDB's do, on both sides of 1970.
    @Test func fractionsOfAMillisecondRoundLikeGRDB() {
        for seconds in [0.0004, 0.0005, 0.0009, 0.9995, 0.9999, -0.0004, -0.0005, -0.0009, 1_764_758_181.1239, 1_764_758_181.9999, -86_400.0005] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(UTCTimestamp(date, rounding: .nearestMillisecond)?.databaseText == grdbText(date), "\(seconds)")
        }
    }

    /// Many dates from 1583 to 9999, with their sub-millisecond parts, against GRDB's formatter.
    @Test func spreadOfDatesMatchesGRDB() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let low = -12_212_553_600.0  // 1583-01-01
        let high = 253_402_300_799.0  // 9999-12-31 23:59:59
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            let date = Date(timeIntervalSince1970: low + unit * (high - low))
            let mine = UTCTimestamp(date, rounding: .nearestMillisecond)?.databaseText
            let theirs = grdbText(date)
            if mine != theirs { mismatches.append("\(date.timeIntervalSince1970): \(mine ?? "nil") vs \(theirs ?? "nil")") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// Outside the years written by hand the value is GRDB's own.
    @Test func datesOutsideTheRangeAreGRDBs() {
        for seconds in [-12_212_553_601.0, -62_135_596_800.0, 253_402_300_800.0] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(UTCTimestamp(date, rounding: .nearestMillisecond)?.databaseText == nil)
            #expect(DatabaseTimestamp.value(of: date) == date.databaseValue)
        }
    }

    /// What the state stores is read back by GRDB as the same millisecond.
    @Test func readBackByGRDB() {
        let date = Date(timeIntervalSince1970: 1_764_758_181.123)
        let back = Date.fromDatabaseValue(DatabaseTimestamp.value(of: date))!
        #expect(abs(back.timeIntervalSince(date)) < 0.001)
    }
}

extension DatabaseTimestampTests {
    /// Read back by hand, a stored timestamp is the date GRDB reads, for many dates.
    @Test func parsedAsGRDBParses() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            let text = UTCTimestamp(Date(timeIntervalSince1970: -12_212_553_600 + unit * 265_614_854_399), rounding: .nearestMillisecond)!.databaseText
            let mine = DatabaseTimestamp.date(from: text.databaseValue)
            let theirs = Date.fromDatabaseValue(text.databaseValue)
            if mine == nil || theirs == nil || abs(mine!.timeIntervalSince(theirs!)) > 1e-6 {
                mismatches.append("\(text): \(String(describing: mine)) vs \(String(describing: theirs))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// Text in any other form (or no valid date) is left to GRDB, which reads what it can.
    @Test func otherFormsGoToGRDB() {
        for text in ["2026-12-03", "2026-12-03T10:16:21.123Z", "2026-12-03 10:16", "2026-02-30 10:16:21.123", "1500-01-01 00:00:00.000", "tomorrow"] {
            #expect(DatabaseTimestamp.parse(text) == nil, "\(text)")
            #expect(DatabaseTimestamp.date(from: text.databaseValue) == Date.fromDatabaseValue(text.databaseValue), "\(text)")
        }
    }
}

/// JSON Feed's dates are written by hand too: `Date.ISO8601FormatStyle`'s text, character for character.
@Suite struct RFC3339TimestampTests {
    @Test func matchesISO8601FormatStyle() {
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        var dates = [0.0, -0.5, -1.0, 0.999, 1_764_758_181.9999, -86_400.25, 951_782_400.0].map { Date(timeIntervalSince1970: $0) }
        for _ in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            dates.append(Date(timeIntervalSince1970: -12_212_553_600 + unit * 265_614_854_399))
        }
        let mismatches = dates.filter { UTCTimestamp.rfc3339($0) != $0.formatted(.iso8601) }
            .map { "\($0.timeIntervalSince1970): \(UTCTimestamp.rfc3339($0)) vs \($0.formatted(.iso8601))" }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func outsideTheYearsIsFoundations() {
        let date = Date(timeIntervalSince1970: 253_402_300_800)
        #expect(UTCTimestamp(date, rounding: .downToSecond) == nil)
        #expect(UTCTimestamp.rfc3339(date) == date.formatted(.iso8601))
    }
}
