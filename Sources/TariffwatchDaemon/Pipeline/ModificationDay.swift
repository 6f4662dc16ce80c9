public import ArticleWatcher
import SystemPackage
public import TariffExtraction

extension Article {
    /// The UTC day of the file's modification time: a plain-text article's reference date. Exact for every
    /// 64-bit time (floor division, no offset added), so a hostile `touch -d` cannot make it trap.
    public var modificationDay: CalendarDate {
        CalendarDate(daysSinceEpoch: ModificationDay.days(sinceEpochSeconds: modificationTime))
    }
}

/// Whether a file's modification time can stand for the day an article was written.
///
/// Dates like "next Thursday" are resolved against it, so a time set far into the future or the past
/// (`touch -d 2300-01-01`, a broken clock, an archive from 1601) would raise alerts for deadlines in the
/// year 2300 or silently bury real ones; such a file is rejected with the reason instead.
public enum ModificationDay {
    /// Earliest modification day taken as an article's date: times before the epoch are what file systems
    /// clamp `touch -d 1600-01-01` to (ext4 stores 1901-12-13), and the epoch day itself is what tools write
    /// when they do not know a time (`SOURCE_DATE_EPOCH=0`, some archives).
    public static let earliest = CalendarDate(year: 1970, month: 1, day: 2)!
    /// How far ahead of today a modification day may be: clocks of the hosts writing into the folder differ.
    public static let futureToleranceDays = 1

    /// `floor(seconds / 86,400)` without overflow for any `Int64`.
    static func days(sinceEpochSeconds seconds: Int64) -> Int {
        let (quotient, remainder) = seconds.quotientAndRemainder(dividingBy: 86_400)
        return Int(remainder < 0 ? quotient - 1 : quotient)
    }

    /// The article's modification day, or why it cannot be its date (one sentence naming the file).
    public static func check(_ article: Article, today: CalendarDate) -> Result<CalendarDate, ModificationDayError> {
        let day = article.modificationDay
        let latest = today.adding(days: futureToleranceDays)
        if day > latest {
            return .failure(.init(path: article.path.string, day: day, problem: "is in the future (today is \(today))"))
        }
        if day < earliest {
            return .failure(.init(path: article.path.string, day: day, problem: "is before \(earliest)"))
        }
        return .success(day)
    }
}

/// A plain-text article whose modification time cannot be its date.
public struct ModificationDayError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var day: CalendarDate
    public var problem: String

    public var description: String {
        "skipped \(path): its modification time (\(day)) \(problem), and a plain-text article's dates are read "
            + "relative to it; set it to the article's date (touch -d YYYY-MM-DD) and it is read at once"
    }
}
