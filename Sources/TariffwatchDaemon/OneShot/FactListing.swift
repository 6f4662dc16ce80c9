import AlertWording
public import FactStore
import Foundation
import TariffExtraction

/// `tariffwatch facts` as a person reads it: in date order, aggregates said to be aggregates, and a deadline's subject
/// as alerts read it (`SubjectPhrase`): a scrap of a sentence is not shown (the fact and its date stay; the first
/// source says the rest).
public enum FactListing {
    /// By date (undated tariffs last; on the same first day, the narrower span first), then kind, then subject.
    public static func sorted(_ facts: [FactSummary]) -> [FactSummary] {
        facts.sorted { a, b in
            let (x, y) = (SortKey(a), SortKey(b))
            if x.first != y.first { return x.first.map { first in y.first.map { first < $0 } ?? true } ?? false }
            if x.last != y.last { return x.last.map { last in y.last.map { last < $0 } ?? true } ?? false }
            if x.kind != y.kind { return x.kind < y.kind }
            if x.subject != y.subject { return x.subject < y.subject }
            return a.id < b.id
        }
    }

    /// One line for the listing.
    public static func line(_ fact: FactSummary) -> String {
        let sources = "\(fact.sourceCount) source\(fact.sourceCount == 1 ? "" : "s")"
        switch fact.value {
        case .deadline(let d):
            let date = d.endDate.map { "\(d.date.iso)..\($0.iso)" } ?? d.date.iso
            let subject = SubjectPhrase(d.subject).text ?? "(no clear subject; see \(fact.firstSource))"
            return "deadline \(date) \(d.kind.rawValue): \(subject) (\(sources))"
        case .tariff(let t):
            let rate = t.ratePct.map { "\($0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : String($0))%" } ?? "unspecified rate"
            let products = t.products.isEmpty ? "all goods" : t.products.joined(separator: ", ")
            let date = t.effectiveDate.map { " from \($0.iso)" } ?? ""
            // An aggregate (a country's average duty, a tariff total) is a figure, not a measure: it never alerts.
            let aggregate = t.aggregate ? " aggregate:" : ""
            return "tariff\(aggregate) \(t.imposer ?? "?")→\(t.target ?? "?") \(rate) on \(products), \(t.status.rawValue)\(date) (\(sources))"
        }
    }

    /// One fact as `facts --json` prints it: the stored fact, plus whether its subject is a fragment.
    public struct Entry: Encodable, Sendable {
        public var fact: FactSummary

        public init(_ fact: FactSummary) { self.fact = fact }

        enum CodingKeys: String, CodingKey { case subjectIsFragment = "subject_is_fragment" }

        public func encode(to encoder: any Encoder) throws {
            try fact.encode(to: encoder)
            if case .deadline(let d) = fact.value {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(SubjectPhrase(d.subject).isFragment, forKey: .subjectIsFragment)
            }
        }
    }

    /// What a fact sorts by.
    private struct SortKey {
        var first: CalendarDate?
        var last: CalendarDate?
        var kind: String
        var subject: String

        init(_ fact: FactSummary) {
            switch fact.value {
            case .deadline(let d):
                first = d.date.firstDay
                last = d.endDate?.lastDay ?? d.date.lastDay
                kind = "deadline \(d.kind.rawValue)"
                subject = d.subject.lowercased()
            case .tariff(let t):
                first = t.effectiveDate?.firstDay
                last = t.effectiveDate?.lastDay
                kind = "tariff"
                subject = "\(t.imposer ?? "?")→\(t.target ?? "?") \(t.products.joined(separator: ", "))".lowercased()
            }
        }
    }
}
