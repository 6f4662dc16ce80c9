public import Foundation
import TariffExtraction

/// A representation's validators and the request's preconditions (RFC 9110 §8.8, §13.1): whether to
/// answer `304 Not Modified` instead of the body.
public struct Validators: Sendable, Equatable {
    /// The opaque tag without quotes or `W/`.
    public var entityTag: String
    public var lastModified: Date

    public init(entityTag: String, lastModified: Date) {
        self.entityTag = entityTag
        self.lastModified = lastModified
    }

    /// The `ETag` header value: a strong tag.
    public var eTagHeader: String { "\"\(entityTag)\"" }

    /// The `Last-Modified` header value (IMF-fixdate, whole seconds).
    public var lastModifiedHeader: String { HTTPDate.format(lastModified) }

    /// True when the client's copy is current.
    ///
    /// `If-None-Match` wins over `If-Modified-Since` when both are sent; tags compare weakly (a `W/`
    /// tag matches); `*` matches any. An unparseable date is ignored, as the RFC asks.
    /// - Parameter alternateTags: other tags for the same content (the gzip and identity bodies differ
    ///   byte for byte, so each has its own tag, but a client holding either is up to date).
    public func notModified(ifNoneMatch: [String], ifModifiedSince: String?, alternateTags: [String] = []) -> Bool {
        if !ifNoneMatch.isEmpty {
            let known = Set([entityTag] + alternateTags)
            return ifNoneMatch.flatMap(Self.entityTags).contains { $0 == "*" || known.contains($0) }
        }
        guard let ifModifiedSince, let since = HTTPDate.parse(ifModifiedSince) else { return false }
        return lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
    }

    /// The opaque tags in one `If-None-Match` header value: `"a", W/"b"` is `a`, `b`.
    static func entityTags(in header: String) -> [String] {
        header.split(separator: ",").compactMap { item in
            var tag = item.trimmingCharacters(in: .whitespaces)
            if tag == "*" { return "*" }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            guard tag.count >= 2, tag.hasPrefix("\""), tag.hasSuffix("\"") else { return nil }
            return String(tag.dropFirst().dropLast())
        }
    }
}

/// HTTP dates (RFC 9110 §5.6.7): IMF-fixdate out; IMF-fixdate, RFC 850 and asctime in.
enum HTTPDate {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let inDay = seconds - days * 86_400
        let civil = CalendarDate(daysSinceEpoch: days)
        let (year, month, day) = (civil.year, civil.month, civil.day)
        let weekday = weekdays[((days % 7) + 7) % 7]
        return String(
            format: "%@, %02d %@ %04d %02d:%02d:%02d GMT", weekday, day, months[month - 1], year, inDay / 3600,
            inDay / 60 % 60, inDay % 60)
    }

    /// Any of the three formats a recipient must accept; nil when it is none of them.
    static func parse(_ text: String) -> Date? {
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text.trimmingCharacters(in: .whitespaces)) { return date }
        }
        return nil
    }
}

/// Whether the client takes gzip (`Accept-Encoding`, RFC 9110 §12.5.3): `gzip` or `x-gzip` or `*` with
/// a non-zero quality, unless gzip itself is refused with `q=0`.
func acceptsGzip(_ headerValues: [String]) -> Bool {
    var gzip: Double?
    var wildcard: Double?
    for item in headerValues.flatMap({ $0.split(separator: ",") }) {
        let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let coding = parts.first, !coding.isEmpty else { continue }
        var quality = 1.0
        for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
            quality = Double(parameter.dropFirst(2)) ?? 0
        }
        switch coding {
        case "gzip", "x-gzip": gzip = max(gzip ?? 0, quality)
        case "*": wildcard = quality
        default: break
        }
    }
    return (gzip ?? wildcard ?? 0) > 0
}
