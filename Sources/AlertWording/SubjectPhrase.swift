/// A deadline's subject as the extractor left it, and the one rule for whether it names anything.
///
/// Extractors cut subjects out of sentences, and some cuts are scraps: `have simmered`, `from 97.39 hours in
/// 2017 to 65 hours`, `→ 2018-12-31`. Every place that shows a subject (alerts, the feed, the calendar,
/// `tariffwatch facts`) asks this type, so a subject is never a name in one view and a scrap in another.
public struct SubjectPhrase: Sendable, Equatable {
    let words: [Substring]

    /// Trims a cut-off end (`tariffs on 187 product categories such` → `tariffs on 187 product categories`,
    /// `FTA gets` → `FTA`) and keeps no words when what is left is a scrap (see `isScrap`).
    public init(_ subject: String) {
        var words = subject.split(whereSeparator: \.isWhitespace)
        var cutInsideANounPhrase = false
        while let last = words.last, Self.trailingWords.contains(last.lowercased()) {
            // `end of a period is its`: cut after `its`, the noun it introduced is missing, and so is the subject.
            if Self.determiners.contains(last.lowercased()) { cutInsideANounPhrase = true }
            words.removeLast()
        }
        self.words = cutInsideANounPhrase || Self.isScrap(subject, kept: words) ? [] : words
    }

    /// The subject as it reads, or nil when there is none to read.
    public var text: String? { words.isEmpty ? nil : words.joined(separator: " ") }

    /// Whether the subject is a scrap of a sentence rather than a name for what is due.
    public var isFragment: Bool { words.isEmpty }

    /// Whether `kept` (the subject's words after its cut-off end was trimmed) names nothing: no words; the
    /// tagger's own notation (an arrow, an unbalanced bracket or quote); a date placeholder (`month 2018-07`);
    /// a start no noun phrase has (a preposition, a conjunction, an auxiliary, a bare count, a stray letter
    /// as in `s Anhui province`); or an end cut mid-clause (a comma, `respectively`, `on 1`).
    static func isScrap(_ subject: String, kept: [Substring]) -> Bool {
        let bare = kept.map { $0.lowercased().trimmingPunctuation }
        guard let first = bare.first, let last = bare.last, kept.contains(where: { $0.contains(where: \.isLetter) }) else {
            return true
        }
        if subject.contains("→") || subject.contains("->") { return true }
        for (open, close) in [("(", ")"), ("[", "]")] as [(Character, Character)]
        where subject.count(of: open) != subject.count(of: close) {
            return true
        }
        if subject.count(of: "\"") % 2 == 1 { return true }
        if Self.placeholders.contains(first), bare.count > 1, bare[1].first?.isNumber == true { return true }
        if Self.pieceStarts.contains(first) || Self.auxiliaries.contains(first) || first == "respectively" { return true }
        // `39 hours`: a count cut from its comparison; `100% tariffs`, `90-day truce` and `2026 elections` name something.
        if let number = Int(kept[0]), !(1900...2100).contains(number) { return true }
        if first.count == 1, first != "a", first != "i" { return true }
        if let end = kept.last?.last, ",;:-–—".contains(end) { return true }
        if bare.count > 1 {
            if Self.auxiliaries.contains(last) || Self.clauseAdverbs.contains(last) { return true }
            // `China lowered tariff rates on 1`: a date cut after its day.
            if last.allSatisfy(\.isNumber), Self.headEnds.contains(bare[bare.count - 2]) { return true }
        }
        return false
    }

    /// The subject after other words: a capital only a sentence's start gave it (`The truce`) is dropped.
    var inSentence: String {
        guard let first = words.first, Self.determiners.contains(first.lowercased()), let text else { return text ?? "" }
        return first.lowercased() + text.dropFirst(first.count)
    }

    /// Words a subject does not end with: the extractor cut after them, and the subject is what comes before.
    private static let trailingWords: Set<String> = [
        "such", "the", "a", "an", "of", "and", "or", "but", "to", "for", "on", "in", "with", "as", "that", "which", "who",
        "by", "at", "from", "into", "than", "its", "their", "his", "her", "this", "these", "those",
        // A verb left at the end (`FTA gets`, `pause takes`): the subject is what comes before it, and the kind's
        // phrase says what happens.
        "gets", "get", "is", "are", "was", "were", "will", "would", "has", "have", "had", "be", "been", "can", "could",
        "should", "must", "may", "takes", "take", "took", "comes", "come", "kicks", "starts", "start", "begins", "begin",
        "ends", "end", "expires", "expire", "lapses", "runs", "goes",
    ]
    /// Words that begin a piece of a clause, never a subject.
    private static let pieceStarts: Set<String> = [
        "of", "and", "or", "but", "nor", "to", "for", "on", "in", "with", "as", "that", "which", "who", "whose", "by", "at",
        "from", "into", "than", "such", "including", "so", "if", "when", "while",
    ]
    /// Auxiliaries: a subject starting with one is the rest of a clause (`have simmered`, `been affected by …`).
    private static let auxiliaries: Set<String> = [
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "shall", "should", "can",
        "could", "may", "might", "must", "do", "does", "did",
    ]
    /// Words a phrase does not end with unless it was cut mid-clause (`4 percent respectively`, `tax rate of more`);
    /// at the start some name something (`further talks`).
    private static let clauseAdverbs: Set<String> = ["more", "less", "further", "respectively", "also"]
    /// Words that, followed by a number, are the tagger's placeholder for a date (`week 2018-W27`).
    private static let placeholders: Set<String> = ["day", "week", "month", "quarter", "year", "date"]
    /// Where the naming part of a noun phrase ends: a preposition or a relative pronoun.
    private static let headEnds: Set<String> = [
        "on", "of", "for", "in", "from", "against", "with", "to", "by", "at", "under", "between", "into", "over", "after",
        "before", "until", "during", "about", "that", "which", "who", "whose", "where", "when",
    ]
    private static let determiners: Set<String> = [
        "the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "new", "all",
    ]
    /// Verbs a subject starts with when it is a task (`implement the tariffs`), not a thing.
    private static let leadingVerbs: Set<String> = [
        "implement", "impose", "raise", "cut", "lift", "hold", "meet", "sign", "start", "begin", "end", "complete", "finish",
        "submit", "file", "reach", "decide", "announce", "introduce", "apply", "extend", "expand", "launch", "open", "close",
        "make", "take", "set", "pay", "respond", "reply", "comply", "register", "notify", "deliver", "ratify",
    ]
    private static let verbs: Set<String> = [
        "will", "would", "shall", "should", "must", "can", "could", "may", "might", "is", "are", "was", "were", "be", "been",
        "has", "have", "had",
    ]
    private static let events: Set<String> = [
        "talks", "talk", "meeting", "meetings", "meet", "summit", "summits", "hearing", "hearings", "conference", "visit",
        "vote", "expo", "forum", "session", "negotiations", "negotiation", "round", "consultation", "consultations", "call",
        "dialogue", "briefing", "ceremony", "election", "elections", "trip", "ministerial", "roundtable", "gathering",
        "panel", "review", "meets", "convention", "assembly", "g7", "g20",
    ]
    private static let deadlineWords: Set<String> = ["deadline", "deadlines", "cutoff", "cut-off", "due"]
    /// Singular nouns that end in s.
    private static let singularS: Set<String> = ["news", "series", "status", "process", "access", "gas", "bus", "us", "analysis", "basis", "crisis"]

    /// A clause (`Trump to arrive in Malaysia`, `the ban will lapse`) reads with the date as it is.
    var isClause: Bool {
        // `building the plant`, `implement the tariffs`: an activity, not a thing that takes effect.
        if let first = words.first?.lowercased(), first == words.first.map(String.init) {
            if Self.leadingVerbs.contains(first) { return true }
            // A gerund with its object (`building the plant`), not one naming a kind (`licensing rules`).
            if first.hasSuffix("ing"), words.count > 1, Self.determiners.contains(words[1].lowercased()) { return true }
        }
        for (i, word) in words.enumerated() {
            let lower = word.lowercased()
            if Self.verbs.contains(lower) { return true }
            // `officials to meet`: `to` and a verb; not `from 25% to 50%`, not `trip to Beijing`.
            if lower == "to", i > 0, i + 1 < words.count, let next = words[i + 1].first, next.isLowercase,
                words[i - 1].last?.isNumber == false, words[i - 1].last != "%"
            {
                return true
            }
        }
        return false
    }

    /// The words before the first preposition name the thing; its last word says singular or plural.
    var isPlural: Bool {
        var head = words.prefix { !Self.headEnds.contains($0.lowercased()) }
        // `Canada and Mexico's exemption`: the owners may be several, the thing is what follows them.
        if let owner = head.lastIndex(where: { $0.hasSuffix("'s") || $0.hasSuffix("’s") || $0.hasSuffix("s'") }),
            owner < head.endIndex - 1
        {
            head = head[(owner + 1)...]
        }
        if head.contains(where: { $0.lowercased() == "and" }) { return true }
        guard var noun = head.last.map(String.init) else { return false }
        if noun.hasSuffix("'s") || noun.hasSuffix("’s") { noun.removeLast(2) }
        noun = String(noun.filter { $0.isLetter || $0 == "-" })
        // An acronym (`US`, `WTO`) is one thing.
        if noun.count > 1, noun.allSatisfy(\.isUppercase) { return false }
        let lower = noun.lowercased()
        if lower == "people" || lower == "data" { return true }
        return lower.hasSuffix("s") && !lower.hasSuffix("ss") && !Self.singularS.contains(lower) && !lower.hasSuffix("is")
    }

    /// `US-China trade talks`, `hearing`: the subject is the meeting itself.
    var namesAnEvent: Bool {
        words.contains { Self.events.contains($0.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }) }
    }

    /// `deadline for comments`, `last day to file appeals`: the subject already says it is a deadline.
    var namesADeadline: Bool {
        let words = words.first?.lowercased() == "the" ? words.dropFirst() : words[...]
        guard let first = words.first?.lowercased() else { return false }
        if Self.deadlineWords.contains(first) { return true }
        let two = words.prefix(2).map { $0.lowercased() }
        return two.count == 2 && ["last", "final", "closing", "due"].contains(two[0]) && ["day", "date"].contains(two[1])
    }
}

extension String {
    /// Without punctuation at either end (`province,` → `province`, `"week` → `week`).
    fileprivate var trimmingPunctuation: String {
        var scalars = Substring(self)
        while let first = scalars.unicodeScalars.first, first.properties.generalCategory.isPunctuation { scalars = scalars.dropFirst() }
        while let last = scalars.unicodeScalars.last, last.properties.generalCategory.isPunctuation { scalars = scalars.dropLast() }
        return String(scalars)
    }

    /// How many times `character` occurs.
    fileprivate func count(of character: Character) -> Int {
        reduce(0) { $0 + ($1 == character ? 1 : 0) }
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            true
        default: false
        }
    }
}
