/// How precisely the text pins a date down.
public enum Granularity: String, Sendable, Hashable, Codable, CaseIterable {
    case day, week, month, quarter, year
}

/// A calendar value at the precision the text gives: `2025-11-01`, `2025-W44`, `2025-11`, `2025-Q3`, `2025`.
public struct TemporalValue: Sendable, Hashable, Codable, CustomStringConvertible {
    public let granularity: Granularity
    /// The first day the value covers.
    public let firstDay: CalendarDate

    public static func day(_ date: CalendarDate) -> TemporalValue { .init(granularity: .day, firstDay: date) }

    public static func week(containing date: CalendarDate) -> TemporalValue {
        .init(granularity: .week, firstDay: date.adding(days: 1 - date.weekday))
    }

    public static func month(year: Int, month: Int) -> TemporalValue {
        .init(granularity: .month, firstDay: CalendarDate(year: year, month: month, day: 1)!)
    }

    public static func quarter(year: Int, quarter: Int) -> TemporalValue {
        .init(granularity: .quarter, firstDay: CalendarDate(year: year, month: (quarter - 1) * 3 + 1, day: 1)!)
    }

    public static func year(_ year: Int) -> TemporalValue {
        .init(granularity: .year, firstDay: CalendarDate(year: year, month: 1, day: 1)!)
    }

    /// The last day the value covers.
    public var lastDay: CalendarDate {
        switch granularity {
        case .day: return firstDay
        case .week: return firstDay.adding(days: 6)
        case .month: return Self.lastDay(ofMonths: 1, from: firstDay)
        case .quarter: return Self.lastDay(ofMonths: 3, from: firstDay)
        case .year: return CalendarDate(year: firstDay.year, month: 12, day: 31)!
        }
    }

    /// The day before `first` plus `months` months: for a period that starts on the first of a month and ends in the
    /// same year, the last day of its last month, written directly (a period made by `month` or `quarter` always
    /// starts so). Through `adding(days: -1)` it was two conversions to a count of days and back, some 300
    /// instructions, for every month asked whether it is still ahead.
    private static func lastDay(ofMonths months: Int, from first: CalendarDate) -> CalendarDate {
        let last = first.month + months - 1
        // (the last supported year's December goes the long way: `adding(months:)` keeps the year it would leave)
        guard first.day == 1, last <= 12, first.year < CalendarDate.supportedYears.upperBound else {
            return first.adding(months: months).adding(days: -1)
        }
        return CalendarDate(year: first.year, month: last, day: CalendarDate.daysIn(month: last, year: first.year))!
    }

    /// True when any part of the value is on or after `reference`: `later this month` is still upcoming.
    public func isUpcoming(relativeTo reference: CalendarDate) -> Bool {
        lastDay >= reference
    }

    /// The ISO 8601 / TIMEX3 spelling.
    public var iso: String {
        // a four-digit year's day, month, quarter or year goes straight into a small string: padding each part as a
        // `String` cost some 1,000 instructions a value
        let written = String(unsafeUninitializedCapacity: 10) { writeISO(to: $0) ?? 0 }
        if !written.isEmpty { return written }
        var y: String { CalendarDate.pad(firstDay.year, 4) }
        let month = firstDay.month
        switch granularity {
        case .day: return firstDay.description
        case .week:
            let w = firstDay.isoWeek
            return "\(CalendarDate.pad(w.year, 4))-W\(CalendarDate.pad(w.week, 2))"
        case .month: return "\(y)-\(CalendarDate.pad(month, 2))"
        case .quarter: return "\(y)-Q\((month - 1) / 3 + 1)"
        case .year: return y
        }
    }

    /// `iso`'s bytes written into `out` (room for ten), and their count, for a four-digit year's day, month, quarter
    /// or year; nil for a week or another year, which `iso` spells from padded parts. JSON writers put these bytes
    /// straight into their output, without a `String` (`CanonicalJSON`).
    @inline(__always)
    package func writeISO(to out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let year = firstDay.year, month = firstDay.month
        guard (0...9999).contains(year) else { return nil }
        switch granularity {
        case .day: return firstDay.writeDescription(to: out)
        case .week: return nil
        case .month:
            CalendarDate.writeYear(year, to: out)
            out[4] = 0x2D
            out[5] = UInt8(truncatingIfNeeded: month / 10) &+ 0x30
            out[6] = UInt8(truncatingIfNeeded: month % 10) &+ 0x30
            return 7
        case .quarter:
            CalendarDate.writeYear(year, to: out)
            out[4] = 0x2D
            out[5] = 0x51  // Q
            out[6] = UInt8(truncatingIfNeeded: (month - 1) / 3 + 1) &+ 0x30
            return 7
        case .year:
            CalendarDate.writeYear(year, to: out)
            return 4
        }
    }

    /// Parses any spelling `iso` produces.
    public init?(iso text: String) {
        let parts = text.split(separator: "-")
        if parts.count == 3, let d = CalendarDate(iso: text) {
            self = .day(d)
            return
        }
        guard let first = parts.first, first.count == 4, let y = Int(first) else { return nil }
        if parts.count == 1 { self = .year(y); return }
        guard parts.count == 2 else { return nil }
        let second = parts[1]
        if second.hasPrefix("W"), let w = Int(second.dropFirst()), (1...53).contains(w) {
            self.init(granularity: .week, firstDay: CalendarDate.mondayOf(isoWeek: w, year: y))
        } else if second.hasPrefix("Q"), let q = Int(second.dropFirst()), (1...4).contains(q) {
            self = .quarter(year: y, quarter: q)
        } else if let m = Int(second), (1...12).contains(m) {
            self = .month(year: y, month: m)
        } else {
            return nil
        }
    }

    public var description: String { iso }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = TemporalValue(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO date value: \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    init(granularity: Granularity, firstDay: CalendarDate) {
        self.granularity = granularity
        self.firstDay = firstDay
    }
}
