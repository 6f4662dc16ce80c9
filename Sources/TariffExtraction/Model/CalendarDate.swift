/// A civil date without time zone: what news text means by "November 1, 2025".
///
/// Arithmetic is done on days since 1970-01-01 (proleptic Gregorian) so the engine needs no
/// Foundation calendar and gives the same answer on every machine. Years saturate at
/// `supportedYears` (what `YYYY-MM-DD` can write): a year or an offset taken from text or a file
/// time ("in 9999999999 days", a file dated 2300) gives the nearest supported date, never a trap.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }

    // Four bytes, not three `Int`s: a date is copied with every timex, deadline and tariff change (twice in
    // a timex, its end too), and at 24 bytes a date made the tagger's matches too large to copy in
    // registers: each was a `memcpy` (a third more calls than before the quality work, callgrind on dense).
    // The supported years fit an `Int16`.
    private let storedYear: Int16
    private let storedMonth: UInt8
    private let storedDay: UInt8

    /// A date already known to exist, its year within `supportedYears`.
    private init(checkedYear year: Int, month: Int, day: Int) {
        storedYear = Int16(truncatingIfNeeded: year)
        storedMonth = UInt8(truncatingIfNeeded: month)
        storedDay = UInt8(truncatingIfNeeded: day)
    }

    /// Years a date can have; others are clamped to the nearest end.
    public static let supportedYears = 0...9999
    /// `0000-01-01` and `9999-12-31` as days since 1970-01-01.
    static let supportedDays = -719_528...2_932_896

    /// Creates a date, or nil when the day does not exist (`February 30`); a year outside
    /// `supportedYears` is clamped to it.
    public init?(year: Int, month: Int, day: Int) {
        let year = min(max(year, Self.supportedYears.lowerBound), Self.supportedYears.upperBound)
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.init(checkedYear: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        // `YYYY-MM-DD` in ASCII digits, what the engine writes, read as bytes: splitting into substrings and
        // counting their Characters cost some 6,000 instructions a date
        if let read = text.utf8.withContiguousStorageIfAvailable(Self.isoDigits), let date = read {
            self.init(year: date.year, month: date.month, day: date.day)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The fields of `YYYY-MM-DD` written with ASCII digits; nil for anything else, which `init(iso:)` then reads
    /// part by part (`Int` also takes a `+` sign there).
    private static func isoDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }

    /// The date `days` after 1970-01-01 (negative before it), clamped to the supported years.
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = min(max(days, Self.supportedDays.lowerBound), Self.supportedDays.upperBound) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(checkedYear: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` later (earlier when negative), saturating at the supported years.
    public func adding(days: Int) -> CalendarDate {
        let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        return CalendarDate(daysSinceEpoch: overflow ? (days < 0 ? .min : .max) : sum)
    }

    /// Adds months, clamping the day to the target month's length (`Jan 31` + 1 month = `Feb 28`)
    /// and the year to the supported years.
    public func adding(months: Int) -> CalendarDate {
        let span = (Self.supportedYears.count + 1) * 12  // more than any two supported dates are apart
        let index = year * 12 + (month - 1) + min(max(months, -span), span)
        let unclamped = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - unclamped * 12 + 1
        let y = min(max(unclamped, Self.supportedYears.lowerBound), Self.supportedYears.upperBound)
        let d = min(day, CalendarDate.daysIn(month: m, year: y))
        return CalendarDate(year: y, month: m, day: d)!
    }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let w = (daysSinceEpoch + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    /// The ISO 8601 week-numbering year and week.
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let firstOfYear = CalendarDate(year: thursday.year, month: 1, day: 1)!
        let week = (thursday.daysSinceEpoch - firstOfYear.daysSinceEpoch) / 7 + 1
        return (thursday.year, week)
    }

    /// The Monday that starts ISO week `week` of `year`.
    public static func mondayOf(isoWeek week: Int, year: Int) -> CalendarDate {
        let jan4 = CalendarDate(year: year, month: 1, day: 4)!
        let weeks = min(max(week, -600_000), 600_000)  // beyond that the result saturates anyway
        return jan4.adding(days: 1 - jan4.weekday + (weeks - 1) * 7)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`. A four-digit year's ten bytes go straight into a small string: the tagger writes one per
    /// date, and padding each part as a `String` cost some 2,000 instructions a date (0.8% of `extract --json`).
    /// Any other year is padded.
    public var description: String {
        guard (0...9999).contains(year) else {
            return "\(CalendarDate.pad(year, 4))-\(CalendarDate.pad(month, 2))-\(CalendarDate.pad(day, 2))"
        }
        return String(unsafeUninitializedCapacity: 10) { writeDescription(to: $0) }
    }

    /// `description`'s ten bytes for a year in 0…9999, written into `out` (room for ten); the caller checks the year.
    /// JSON writers put them straight into their output, without a `String` (`CanonicalJSON`).
    @inline(__always)
    package func writeDescription(to out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let (m, d) = (month, day)
        Self.writeYear(year, to: out)
        out[4] = 0x2D
        out[5] = UInt8(truncatingIfNeeded: m / 10) &+ 0x30
        out[6] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
        out[7] = 0x2D
        out[8] = UInt8(truncatingIfNeeded: d / 10) &+ 0x30
        out[9] = UInt8(truncatingIfNeeded: d % 10) &+ 0x30
        return 10
    }

    /// The four digits of a year in 0…9999 into `out[0..<4]`: the first bytes of every ISO value with a year.
    @inline(__always)
    static func writeYear(_ y: Int, to out: UnsafeMutableBufferPointer<UInt8>) {
        out[0] = UInt8(truncatingIfNeeded: y / 1000 % 10) &+ 0x30
        out[1] = UInt8(truncatingIfNeeded: y / 100 % 10) &+ 0x30
        out[2] = UInt8(truncatingIfNeeded: y / 10 % 10) &+ 0x30
        out[3] = UInt8(truncatingIfNeeded: y % 10) &+ 0x30
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
