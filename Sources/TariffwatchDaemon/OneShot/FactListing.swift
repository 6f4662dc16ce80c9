public import FactStore
import Foundation
import TariffExtraction

/// `tariffwatch facts` as a person reads it: in date order, aggregates said to be aggregates, and a deadline whose
/// subject is a scrap of a sentence shown without it (the fact and its date stay; the first source says the rest).
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
            let subject = isFragment(d.subject) ? "(no clear subject; see \(fact.firstSource))" : d.subject
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
                try c.encode(isFragment(d.subject), forKey: .subjectIsFragment)
            }
        }
    }

    /// Words a subject cannot start with and still name something: auxiliaries, prepositions, conjunctions,
    /// articles left dangling, and the few verbs that only continue a clause.
    static let clauseWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "of", "to", "by", "for", "from", "with", "in", "on", "at", "into",
        "than", "that", "which", "who", "whose", "its", "their", "his", "her", "is", "are", "was", "were", "be", "been",
        "being", "have", "has", "had", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "do",
        "does", "did", "up", "more", "less", "further", "respectively", "also", "as", "so", "if", "when", "while",
    ]

    /// Whether a deadline's subject is a scrap rather than a name for what is due: no words; an arrow or an
    /// unbalanced bracket or quote from the tagger's own notation; a date placeholder (`month 2018-07`); starting
    /// with a number, a clause word or a stray letter ("have simmered", "4 percent respectively", "s Anhui
    /// province"); or ending on a clause word, a number or a comma, cut off mid-phrase ("end of a period is its").
    static func isFragment(_ subject: String) -> Bool {
        let text = subject.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = text.split(whereSeparator: { $0.isWhitespace }).map { word in
            word.trimmingCharacters(in: .punctuationCharacters).lowercased()
        }.filter { !$0.isEmpty }
        guard let first = words.first, let last = words.last, text.contains(where: \.isLetter) else { return true }
        if text.contains("→") || text.contains("->") { return true }
        for (open, close) in [("(", ")"), ("[", "]")] where text.filter({ String($0) == open }).count != text.filter({ String($0) == close }).count {
            return true
        }
        if text.filter({ $0 == "\"" }).count % 2 == 1 { return true }
        if ["day", "week", "month", "quarter", "year", "date"].contains(first), words.count >= 2, words[1].first?.isNumber == true {
            return true
        }
        if first.first?.isNumber == true || clauseWords.contains(first) { return true }
        // A letter left of a possessive or an abbreviation ("s Anhui province", "U").
        if first.count == 1, first != "i" { return true }
        // Cut off at a comma or a dash.
        if let end = text.last, ",;:-–—".contains(end) { return true }
        if words.count > 1, clauseWords.contains(last) || last.allSatisfy(\.isNumber) { return true }
        return false
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
