public import TariffExtraction

/// Dates as people write them in alerts: `Sat 1 Nov 2025`, `Oct 25–27 2025`, `week of 20 Oct 2025`,
/// `November 2025`, `Q3 2025`, `2025`. The ISO values stay in the journal fields and the feed's extension;
/// these are for reading.
public enum DateWords {
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// `Sat 1 Nov 2025`: the weekday is what a reader plans by.
    public static func day(_ date: CalendarDate) -> String {
        "\(weekdays[date.weekday - 1]) \(date.day) \(shortMonths[date.month - 1]) \(date.year)"
    }

    /// A value at its own precision, or a range when `end` is a later value: `Oct 25–27 2025`,
    /// `Oct 30 – Nov 2 2025`, `Dec 30 2025 – Jan 2 2026`, `November 2025 – January 2026`.
    public static func text(_ value: TemporalValue, through end: TemporalValue? = nil) -> String {
        if let end, end != value {
            if value.granularity == .day && end.granularity == .day { return dayRange(value.firstDay, end.firstDay) }
            return "\(text(value)) – \(text(end))"
        }
        let first = value.firstDay
        switch value.granularity {
        case .day: return day(first)
        case .week: return "week of \(first.day) \(shortMonths[first.month - 1]) \(first.year)"
        case .month: return "\(months[first.month - 1]) \(first.year)"
        case .quarter: return "Q\((first.month - 1) / 3 + 1) \(first.year)"
        case .year: return "\(first.year)"
        }
    }

    /// The date with the preposition a sentence needs after a verb or a noun: `on Sat 1 Nov 2025`,
    /// `on Oct 25–27 2025`, `in the week of 20 Oct 2025`, `in November 2025`, `from November 2025 to January 2026`.
    public static func adverbial(_ value: TemporalValue, through end: TemporalValue? = nil) -> String {
        if let end, end != value, !(value.granularity == .day && end.granularity == .day) {
            return "from \(inSentence(value)) to \(inSentence(end))"
        }
        switch value.granularity {
        case .day: return "on " + text(value, through: end)
        default: return "in " + inSentence(value)
        }
    }

    /// When a task is due: `by Fri 31 Oct 2025`, `by the end of November 2025`, `by the end of 2025`.
    public static func dueBy(_ value: TemporalValue, through end: TemporalValue? = nil) -> String {
        let last = end ?? value
        if value.granularity == .day && last.granularity == .day { return "by " + text(value, through: end) }
        return "by the end of " + inSentence(last)
    }

    /// `effective Sat 1 Nov 2025`, `effective in November 2025`: when a tariff applies from.
    public static func effective(_ value: TemporalValue) -> String {
        value.granularity == .day ? "effective \(text(value))" : "effective \(adverbial(value))"
    }

    /// A week reads `the week of …` inside a sentence, `week of …` on its own.
    static func inSentence(_ value: TemporalValue) -> String {
        value.granularity == .week ? "the " + text(value) : text(value)
    }

    /// The month and year are written once when both ends share them, as people write ranges.
    static func dayRange(_ first: CalendarDate, _ last: CalendarDate) -> String {
        let firstMonth = shortMonths[first.month - 1]
        let lastMonth = shortMonths[last.month - 1]
        if first.year == last.year && first.month == last.month {
            return "\(firstMonth) \(first.day)–\(last.day) \(first.year)"
        }
        if first.year == last.year {
            return "\(firstMonth) \(first.day) – \(lastMonth) \(last.day) \(first.year)"
        }
        return "\(firstMonth) \(first.day) \(first.year) – \(lastMonth) \(last.day) \(last.year)"
    }
}
