public import Foundation

/// A `Date` as UTC calendar fields, to the millisecond, converted by arithmetic alone.
///
/// Foundation's formatters (`DateFormatter`, `Date.ISO8601FormatStyle`) and `Calendar` page in ICU's
/// code and data (`lib_FoundationICU.so`, 1.1 MB resident at start-up, 5.5 MB once the first article
/// had been stored and put in the feed), which then stay resident: most of what separated a burst's
/// peak RSS from issue 11's 64 MB. The daemon writes its few timestamp forms with this instead. Only
/// years 1583 to 9999 are handled (before 1583 ICU counts in the Julian calendar); callers fall back
/// to Foundation outside them.
public struct UTCTimestamp: Equatable, Sendable {
    public var year: Int64
    public var month: Int64
    public var day: Int64
    public var hour: Int64
    public var minute: Int64
    public var second: Int64
    public var millisecond: Int64

    /// Seconds from 1970 to 2001, between `timeIntervalSince1970` and Foundation's reference date.
    private static let referenceOffset: Double = 978_307_200
    private static let millisecondsPerDay: Int64 = 86_400_000
    static let years: ClosedRange<Int64> = 1583...9999

    /// How a date between two milliseconds is placed.
    public enum Rounding: Sendable {
        /// To the nearest millisecond: GRDB's `DateFormatter` (CoreFoundation adds half a millisecond).
        case nearestMillisecond
        /// Down to the whole second: `Date.ISO8601FormatStyle` without fractional seconds.
        case downToSecond
    }

    /// `date`'s fields, or nil outside years 1583 to 9999.
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
        (year, month, day) = Self.civil(daysSince1970: days)
        guard Self.years.contains(year) else { return nil }
        hour = ofDay / 3_600_000
        minute = ofDay / 60_000 % 60
        second = ofDay / 1000 % 60
        millisecond = ofDay % 1000
    }

    /// Fields as given, or nil when they name no time in years 1583 to 9999.
    public init?(year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64, millisecond: Int64) {
        guard Self.years.contains(year), (1...12).contains(month), (1...Self.daysIn(month, of: year)).contains(day),
            (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second), (0..<1000).contains(millisecond)
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second, self.millisecond) = (hour, minute, second, millisecond)
    }

    /// The instant the fields name.
    public var date: Date {
        let days = Self.daysSince1970(year: year, month: month, day: day)
        let seconds = Double(((days * 24 + hour) * 60 + minute) * 60 + second) - Self.referenceOffset
        return Date(timeIntervalSinceReferenceDate: seconds + Double(millisecond) / 1000)
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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        Self.append(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.append(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.append(day, width: 2, to: &bytes)
        bytes.append(dateTimeSeparator.asciiValue!)
        Self.append(hour, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.append(minute, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.append(second, width: 2, to: &bytes)
        if fraction {
            bytes.append(UInt8(ascii: "."))
            Self.append(millisecond, width: 3, to: &bytes)
        }
        if zone { bytes.append(UInt8(ascii: "Z")) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The proleptic Gregorian date of a day counted from 1970-01-01 (H. Hinnant's `civil_from_days`).
    private static func civil(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day count from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    private static func daysSince1970(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func daysIn(_ month: Int64, of year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
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
