public import Foundation
public import TariffExtraction

/// An RFC 5545 calendar of all-day events, rendered as `text/calendar`.
///
/// Only what a deadline calendar needs: all-day `VEVENT`s (`DTSTART;VALUE=DATE`, `DTEND` exclusive)
/// with `VALARM` reminders. Lines are CRLF-terminated, folded at 75 octets, text values escaped.
public struct ICalendar: Sendable, Equatable {
    /// `PRODID`: who made the calendar.
    public var productID = "-//tariffwatch//deadline calendar//EN"
    /// `X-WR-CALNAME`: the name calendar apps show for a subscription.
    public var name: String
    public var events: [Event]

    public init(name: String, events: [Event]) {
        self.name = name
        self.events = events
    }

    /// One all-day event.
    public struct Event: Sendable, Equatable {
        /// Stable across requests and restarts, so a subscribed calendar updates the event in place.
        public var uid: String
        /// `DTSTAMP` and `LAST-MODIFIED`: when the event's information last changed.
        public var stamp: Date
        public var firstDay: CalendarDate
        /// The last day covered (inclusive); written as the exclusive `DTEND` (the day after).
        public var lastDay: CalendarDate
        public var summary: String
        public var description: String
        public var categories: [String]
        /// Reminders before the first day.
        public var alarms: [Alarm]

        public init(
            uid: String, stamp: Date, firstDay: CalendarDate, lastDay: CalendarDate, summary: String, description: String,
            categories: [String] = [], alarms: [Alarm] = []
        ) {
            self.uid = uid
            self.stamp = stamp
            self.firstDay = firstDay
            self.lastDay = lastDay
            self.summary = summary
            self.description = description
            self.categories = categories
            self.alarms = alarms
        }
    }

    /// A `VALARM` that shows `description` this many days before the event.
    public struct Alarm: Sendable, Equatable {
        public var daysBefore: Int
        public var description: String

        public init(daysBefore: Int, description: String) {
            self.daysBefore = daysBefore
            self.description = description
        }
    }

    /// The calendar as RFC 5545 text (`text/calendar; charset=utf-8`).
    public var text: String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(ICalendarText.escape(productID))", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:\(ICalendarText.escape(name))",
        ]
        for event in events { lines += event.lines }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarText.fold).joined()
    }
}

extension ICalendar.Event {
    /// The content lines, unfolded.
    var lines: [String] {
        let end = max(lastDay, firstDay).adding(days: 1)
        var lines = [
            "BEGIN:VEVENT",
            "UID:\(ICalendarText.escape(uid))",
            "DTSTAMP:\(ICalendarText.utcDateTime(stamp))",
            "LAST-MODIFIED:\(ICalendarText.utcDateTime(stamp))",
            "DTSTART;VALUE=DATE:\(ICalendarText.date(firstDay))",
            "DTEND;VALUE=DATE:\(ICalendarText.date(end))",
            "SUMMARY:\(ICalendarText.escape(summary))",
            "DESCRIPTION:\(ICalendarText.escape(description))",
            // A deadline is not time the reader is busy.
            "TRANSP:TRANSPARENT",
        ]
        if !categories.isEmpty { lines.append("CATEGORIES:" + categories.map(ICalendarText.escape).joined(separator: ",")) }
        var seen = Set<Int>()
        for alarm in alarms.sorted(by: { $0.daysBefore > $1.daysBefore }) where alarm.daysBefore >= 0 {
            guard seen.insert(alarm.daysBefore).inserted else { continue }
            let days = alarm.daysBefore
            lines += [
                "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:\(ICalendarText.escape(alarm.description))",
                "TRIGGER;RELATED=START:\(days == 0 ? "PT0S" : "-P\(days)D")", "END:VALARM",
            ]
        }
        lines.append("END:VEVENT")
        return lines
    }
}

/// RFC 5545 text rules: escaping (3.3.11), line folding (3.1), date and date-time values (3.3.4, 3.3.5).
enum ICalendarText {
    /// Longest content line in octets, without the CRLF.
    static let maxLineOctets = 75

    /// Escapes a TEXT value: backslash, semicolon, comma and newlines; other control characters are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out += " "
            default:
                // CONTROL characters other than HTAB are not allowed in TEXT.
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One content line folded into lines of at most 75 octets, each ending in CRLF; continuation lines
    /// start with a space. Never splits a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        var limit = maxLineOctets
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if octets + size > limit {
                out += "\r\n "
                octets = 0
                // The leading space counts toward the continuation line's 75 octets.
                limit = maxLineOctets - 1
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out + "\r\n"
    }

    /// `20251101`.
    static func date(_ day: CalendarDate) -> String {
        String(format: "%04d%02d%02d", day.year, day.month, day.day)
    }

    /// `20251024T091203Z`.
    static func utcDateTime(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CalendarDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        let inDay = seconds - day.daysSinceEpoch * 86_400
        return Self.date(day) + String(format: "T%02d%02d%02dZ", inDay / 3600, inDay / 60 % 60, inDay % 60)
    }
}
