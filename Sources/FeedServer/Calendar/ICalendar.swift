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
    /// Read as UTF-8 bytes: every byte it changes is ASCII, and a multi-byte scalar's bytes are never ASCII.
    static func escape(_ text: String) -> String {
        // most values (dates, ids, words) need nothing escaped
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F && $0 != 0x5C && $0 != 0x3B && $0 != 0x2C }) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        var previousWasCR = false
        for byte in text.utf8 {
            defer { previousWasCR = byte == 0x0D }
            switch byte {
            case 0x5C: out += [0x5C, 0x5C]  // `\`
            case 0x3B: out += [0x5C, 0x3B]  // `;`
            case 0x2C: out += [0x5C, 0x2C]  // `,`
            case 0x0D: out += [0x5C, 0x6E]  // CR: `\n`
            case 0x0A: if !previousWasCR { out += [0x5C, 0x6E] }  // LF, one `\n` for CRLF
            case 0x09: out.append(0x20)  // HTAB
            default:
                // CONTROL characters other than HTAB are not allowed in TEXT.
                if byte < 0x20 || byte == 0x7F { continue }
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One content line folded into lines of at most 75 octets, each ending in CRLF; continuation lines
    /// start with a space. Never splits a UTF-8 sequence.
    /// Read as UTF-8 bytes, a scalar being a lead byte and its continuation bytes: appended a scalar at a time to a
    /// `String`, a calendar of a thousand deadlines took a tenth of a second to fold.
    static func fold(_ line: String) -> String {
        let utf8 = Array(line.utf8)
        if utf8.count <= maxLineOctets { return line + "\r\n" }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 3 * (utf8.count / (maxLineOctets - 1) + 1))
        var octets = 0
        var limit = maxLineOctets
        var start = 0
        while start < utf8.count {
            var end = start + 1
            while end < utf8.count && utf8[end] & 0xC0 == 0x80 { end += 1 }
            if octets + (end - start) > limit {
                out += [0x0D, 0x0A, 0x20]
                octets = 0
                // The leading space counts toward the continuation line's 75 octets.
                limit = maxLineOctets - 1
            }
            out += utf8[start..<end]
            octets += end - start
            start = end
        }
        out += [0x0D, 0x0A]
        return String(decoding: out, as: UTF8.self)
    }

    /// `20251101`.
    static func date(_ day: CalendarDate) -> String {
        digits(day.year, 4) + digits(day.month, 2) + digits(day.day, 2)
    }

    /// `n` in decimal, zero-padded to `width` digits: what `String(format: "%0*d")` gives, for a fraction of its cost
    /// (a calendar writes four dates an event).
    static func digits(_ n: Int, _ width: Int) -> String {
        let text = String(n)
        guard n >= 0, text.utf8.count < width else { return n >= 0 ? text : String(format: "%0*d", width, n) }
        return String(repeating: "0", count: width - text.utf8.count) + text
    }

    /// `20251024T091203Z`.
    static func utcDateTime(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CalendarDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        let inDay = seconds - day.daysSinceEpoch * 86_400
        return Self.date(day) + "T" + digits(inDay / 3600, 2) + digits(inDay / 60 % 60, 2) + digits(inDay % 60, 2) + "Z"
    }
}
