public import Foundation
public import TariffExtraction

/// A `Date` as a UTC day (`CalendarDate`, whose day arithmetic it uses) and a time to the millisecond,
/// converted by arithmetic alone.
///
/// Foundation's formatters (`DateFormatter`, `Date.ISO8601FormatStyle`) and `Calendar` page in ICU's
/// code and data (`lib_FoundationICU.so`, 1.1 MB resident at start-up, 5.5 MB once the first article
/// had been stored and put in the feed), which then stay resident: most of what separated a burst's
/// peak RSS from issue 11's 64 MB. The daemon writes its few timestamp forms with this instead. Only
/// years 1583 to 9999 are handled (before 1583 ICU counts in the Julian calendar); callers fall back
/// to Foundation outside them.
public struct UTCTimestamp: Equatable, Sendable {
    /// The UTC day.
    public var day: CalendarDate
    /// Milliseconds since that day's midnight.
    public var millisecondOfDay: Int64

    /// Seconds from 1970 to 2001, between `timeIntervalSince1970` and Foundation's reference date.
    private static let referenceOffset: Double = 978_307_200
    private static let millisecondsPerDay: Int64 = 86_400_000
    static let years = 1583...9999
    /// `years` as days since 1970-01-01.
    private static let days =
        CalendarDate(year: years.lowerBound, month: 1, day: 1)!.daysSinceEpoch...CalendarDate(year: years.upperBound, month: 12, day: 31)!
        .daysSinceEpoch

    /// How a date between two milliseconds is placed.
    public enum Rounding: Sendable {
        /// To the nearest millisecond: GRDB's `DateFormatter` (CoreFoundation adds half a millisecond).
        case nearestMillisecond
        /// Down to the whole second: `Date.ISO8601FormatStyle` without fractional seconds.
        case downToSecond
    }

    /// `date`'s day and time, or nil outside years 1583 to 9999.
    public init?(_ date: Date, rounding: Rounding) {
        let seconds = date.timeIntervalSinceReferenceDate + Self.referenceOffset
        let milliseconds: Double
        switch rounding {
        case .nearestMillisecond: milliseconds = (seconds * 1000 + 0.5).rounded(.down)
        case .downToSecond: milliseconds = seconds.rounded(.down) * 1000
        }
        guard milliseconds.isFinite, abs(milliseconds) < 3e14 else { return nil }
        let total = Int64(milliseconds)
        var days = total / Self.millisecondsPerDay
        var ofDay = total % Self.millisecondsPerDay
        if ofDay < 0 {
            ofDay += Self.millisecondsPerDay
            days -= 1
        }
        guard Self.days.contains(Int(days)) else { return nil }
        day = CalendarDate(daysSinceEpoch: Int(days))
        millisecondOfDay = ofDay
    }

    /// Fields as given, or nil when they name no time in years 1583 to 9999.
    public init?(year: Int, month: Int, day: Int, hour: Int64, minute: Int64, second: Int64, millisecond: Int64) {
        guard Self.years.contains(year), let date = CalendarDate(year: year, month: month, day: day),
            (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second), (0..<1000).contains(millisecond)
        else { return nil }
        self.day = date
        millisecondOfDay = ((hour * 60 + minute) * 60 + second) * 1000 + millisecond
    }

    /// The instant the fields name.
    public var date: Date {
        let seconds = Int64(day.daysSinceEpoch) * 86_400 + millisecondOfDay / 1000
        return Date(timeIntervalSinceReferenceDate: Double(seconds) - Self.referenceOffset + Double(millisecondOfDay % 1000) / 1000)
    }

    /// `yyyy-MM-dd HH:mm:ss.SSS`, GRDB's text for a stored `Date`.
    public var databaseText: String {
        render(dateTimeSeparator: " ", fraction: true, zone: false)
    }

    /// `yyyy-MM-ddTHH:mm:ssZ`, RFC 3339 as `Date.ISO8601FormatStyle` writes it by default.
    public var rfc3339: String {
        render(dateTimeSeparator: "T", fraction: false, zone: true)
    }

    /// RFC 3339 in UTC to the second, as JSON Feed asks for dates.
    public static func rfc3339(_ date: Date) -> String {
        UTCTimestamp(date, rounding: .downToSecond)?.rfc3339 ?? date.formatted(.iso8601)
    }

    private func render(dateTimeSeparator: Character, fraction: Bool, zone: Bool) -> String {
        var bytes = Array(day.description.utf8)
        bytes.reserveCapacity(24)
        bytes.append(dateTimeSeparator.asciiValue!)
        Self.append(millisecondOfDay / 3_600_000, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.append(millisecondOfDay / 60_000 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.append(millisecondOfDay / 1000 % 60, width: 2, to: &bytes)
        if fraction {
            bytes.append(UInt8(ascii: "."))
            Self.append(millisecondOfDay % 1000, width: 3, to: &bytes)
        }
        if zone { bytes.append(UInt8(ascii: "Z")) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func append(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
