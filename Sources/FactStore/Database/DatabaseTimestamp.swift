import Foundation
import GRDB

/// A `Date` as the state stores it: GRDB's text form, `yyyy-MM-dd HH:mm:ss.SSS` in UTC, through
/// `UTCTimestamp` rather than GRDB's `DateFormatter` and `Calendar` (which keep ICU resident).
///
/// The text is the formatter's digit for digit, to the nearest millisecond as CoreFoundation rounds,
/// so rows written before and after compare and sort together, and GRDB still reads them. Dates
/// outside `UTCTimestamp`'s years, and text in any other form, go through GRDB as before.
enum DatabaseTimestamp {
    /// `date` bound as GRDB would bind it.
    static func value(of date: Date) -> DatabaseValue {
        UTCTimestamp(date, rounding: .nearestMillisecond)?.databaseText.databaseValue ?? date.databaseValue
    }

    /// The date a stored timestamp names.
    static func date(from value: DatabaseValue) -> Date? {
        guard case .string(let text) = value.storage, let date = parse(text) else { return Date.fromDatabaseValue(value) }
        return date
    }

    /// `yyyy-MM-dd HH:mm:ss.SSS` with years 1583 to 9999, or nil for any other text.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 23, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: " "),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: ".")
        else { return nil }
        func number(_ start: Int, _ width: Int) -> Int64? {
            var value: Int64 = 0
            for index in start..<start + width {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int64(digit)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2), let millisecond = number(20, 3)
        else { return nil }
        return UTCTimestamp(
            year: Int(year), month: Int(month), day: Int(day), hour: hour, minute: minute, second: second, millisecond: millisecond)?.date
    }
}

extension Row {
    /// The timestamp in `column`, read with `DatabaseTimestamp`; a column that holds none throws, as
    /// GRDB's own decoding of a non-optional `Date` does.
    func timestamp(_ column: String) throws -> Date {
        let value: DatabaseValue = self[column]
        guard let date = DatabaseTimestamp.date(from: value) else {
            throw UnreadableTimestamp(column: column, value: value.description)
        }
        return date
    }
}

/// A column expected to hold a timestamp held something else.
struct UnreadableTimestamp: Error, CustomStringConvertible {
    var column: String
    var value: String
    var description: String { "column \(column) holds \(value), not a timestamp" }
}
