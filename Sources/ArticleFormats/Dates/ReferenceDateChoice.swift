public import TariffExtraction

/// The day an article's relative dates are resolved against: the publication date it states when
/// that date is believable, else the file's modification day.
public struct ReferenceDateChoice: Sendable, Hashable {
    public var date: CalendarDate
    public var source: ReferenceDateSource
    /// Set when the article stated a date that was not trusted, saying which and why (for the log).
    public var distrusted: String?

    /// Before this a stated date is a placeholder (the epoch, year 1), not a publication date.
    public static let earliestPlausible = CalendarDate(year: 1980, month: 1, day: 1)!

    /// - Parameters:
    ///   - published: what the article says, if anything.
    ///   - modificationDay: the file's modification day (UTC); a publication date after it (beyond a
    ///     day, for time zones) is a typo or an embargo date, not when the text was written.
    public static func choose(published: PublicationDate?, modificationDay: CalendarDate) -> ReferenceDateChoice {
        guard let published else { return ReferenceDateChoice(date: modificationDay, source: .mtime) }
        var problem: String?
        if published.date > modificationDay.adding(days: 1) {
            problem = "is after the file's modification day \(modificationDay)"
        } else if published.date < earliestPlausible {
            problem = "is implausibly old"
        }
        if let problem {
            return ReferenceDateChoice(
                date: modificationDay, source: .mtime,
                distrusted: "publication date \(published.date) (\(published.origin)) \(problem); using the modification day")
        }
        return ReferenceDateChoice(date: published.date, source: published.source)
    }

    public init(date: CalendarDate, source: ReferenceDateSource, distrusted: String? = nil) {
        self.date = date
        self.source = source
        self.distrusted = distrusted
    }
}
