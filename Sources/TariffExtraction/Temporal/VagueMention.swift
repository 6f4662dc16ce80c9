/// A vaguer mention of an event the article dates precisely elsewhere: a month, a quarter or a year
/// (`the January increases`, `in April`), or the end of a period reached by `by` or `before` (`the FTA gets
/// effective before the end of this year` beside `comes into force on Sunday`). One event is one deadline:
/// the dated mention stays, the vague one is folded into it.
struct VagueMention: Sendable {
    /// Which found deadline this is.
    var index: Int
    /// The days it may stand for, as days since the epoch: the period, or from the reference date to a bound.
    var window: ClosedRange<Int>
    /// `the January increases`: a month in front of a noun names an event dated elsewhere, of the kind the noun
    /// says (`the April hearing`) or of any kind (`the January increases`); nil when the month is no modifier.
    var attributive: DeadlineKind??
    /// What the clause says happens. Its clause's content words are read only when `folded` compares it
    /// with a dated deadline of the same kind (from the same tokens, by `index`).
    var eventKind: DeadlineKind

    /// The mention of `deadline` at tokens `lower..<upper` when it is vague, else nil.
    static func read(
        _ deadline: Deadline, index: Int, lower: Int, upper: Int, cue: Int?, tokens: TimexTokens, referenceDate: CalendarDate
    ) -> VagueMention? {
        guard deadline.upcoming, deadline.endDate == nil else { return nil }
        let bound = cue.map { tokens[$0].kind == .word && (tokens[$0].hash == W.by || tokens[$0].hash == W.before) } ?? false
        switch deadline.date.granularity {
        case .month, .quarter, .year: break
        // `before the end of this year`: a day, but only as the end of a period
        case .day: guard bound, tokens[lower..<upper].contains(where: { $0.kind == .word && $0.hash == W.end }) else { return nil }
        case .week: return nil  // a week is folded only by the finder's same-kind rule
        }
        let first = bound ? referenceDate.daysSinceEpoch : deadline.date.firstDay.daysSinceEpoch
        let last = deadline.date.lastDay.daysSinceEpoch
        guard first <= last else { return nil }
        return VagueMention(
            index: index, window: first...last,
            attributive: deadline.date.granularity == .month && isAttributive(lower, upper, tokens)
                ? .some(DeadlineKindReader.cues[tokens[upper].hash]) : nil,
            eventKind: DeadlineKindReader(tokens: tokens).eventKind(lower, upper).kind)
    }

    /// `after the January increases`, `the country's March vote`: `the` or a possessive, the month, then a noun.
    private static func isAttributive(_ lower: Int, _ upper: Int, _ tokens: TimexTokens) -> Bool {
        guard lower > 0, upper < tokens.count, tokens[lower - 1].kind == .word,
            tokens[lower - 1].hash == W.the || tokens[lower - 1].hash == W.s
        else { return false }
        let next = tokens[upper]
        return next.kind == .word && !next.capitalized && TimexLexicon.word(next.hash) == nil
            && !notNouns.contains(next.hash)
    }

    /// Content words of the clause around tokens `lower..<upper`: no dates, no function words, no words
    /// every trade story has; a word may come twice. An array, not a set: `folded` only asks whether two clauses
    /// share one (on the lists sorted), of a handful of words each, and a set hashed every word and grew several times.
    static func contentWords(_ lower: Int, _ upper: Int, _ tokens: TimexTokens) -> [UInt64] {
        var words: [UInt64] = []
        _ = forEachContentWord(lower, upper, tokens) { words.append($0); return false }
        return words
    }

    /// Whether `word` is one of `contentWords(lower, upper, tokens)`, without building the set: asked of every
    /// dated clause before a counted span, where the sets cost a twentieth of extraction.
    static func hasContentWord(_ word: UInt64, _ lower: Int, _ upper: Int, _ tokens: TimexTokens) -> Bool {
        forEachContentWord(lower, upper, tokens) { $0 == word }
    }

    /// Calls `body` with each content word of the clause around `lower..<upper` (a word may come twice) until it
    /// returns true; returns whether it did. The one definition of a content word.
    private static func forEachContentWord(
        _ lower: Int, _ upper: Int, _ tokens: TimexTokens, _ body: (UInt64) -> Bool
    ) -> Bool {
        var first = lower
        while first > 0, !tokens.isClauseBreak(first - 1) { first -= 1 }
        var last = upper
        while last < tokens.count, !tokens.isClauseBreak(last) { last += 1 }
        // the tables read once, not a lazy-initialisation check per word
        let timexWords = TimexLexicon.table, common = Self.common, cues = DeadlineKindReader.cues
        for k in first..<last where k < lower || k >= upper {
            let t = tokens[k]
            guard t.kind == .word, timexWords[t.hash] == nil, !common.contains(t.hash), cues[t.hash] == nil
            else { continue }
            let length = t.end - t.start
            // `FTA`, `WTO`: a short name counts; a short word does not
            if length >= 4 || (length >= 2 && t.capitalized && k > first), body(t.hash) { return true }
        }
        return false
    }

    /// The content words of deadline `i`'s clause, sorted in place for `share`.
    private static func sortedWords(_ i: Int, _ words: (Int) -> [UInt64]) -> [UInt64] {
        var sorted = words(i)
        sorted.sort()
        return sorted
    }

    /// Whether two sorted lists of words share one: one walk over both, so that a hostile clause of thousands of
    /// words compared with another stays linear (each word of one looked for in the other was quadratic).
    private static func share(_ a: [UInt64], _ b: [UInt64]) -> Bool {
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { return true }
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return false
    }

    /// Drops every vague mention that is the same event as a dated deadline of the article; `words(i)` are the
    /// content words of deadline `i`'s clause (the same event shares one with its dated mention).
    static func folded(_ deadlines: [Deadline], _ vague: [VagueMention], words: (Int) -> [UInt64]) -> [Deadline] {
        guard !vague.isEmpty else { return deadlines }
        // a hostile file of thousands of dates is not compared pairwise
        guard deadlines.count <= 256 else { return deadlines }
        // each precise deadline's day read once, not once per vague mention it is compared with
        var precise: [(index: Int, day: Int)] = []
        precise.reserveCapacity(deadlines.count)
        // by index, field by field: a deadline taken whole is copied (three strings retained and released)
        for p in deadlines.indices where deadlines[p].upcoming && deadlines[p].date.granularity == .day {
            precise.append((p, deadlines[p].date.firstDay.daysSinceEpoch))
        }
        var dropped = [Bool](filled: false, count: deadlines.count)
        var anyDropped = false
        var cache: [Int: [UInt64]] = [:]
        for v in vague {
            for (p, day) in precise where p != v.index && !dropped[p] && v.window.contains(day) {
                let same: Bool
                if let noun = v.attributive {
                    same = noun == nil || noun == deadlines[p].kind
                } else if v.eventKind == deadlines[p].kind, v.eventKind != .other {
                    let w = cache[p] ?? sortedWords(p, words)
                    cache[p] = w
                    let own = cache[v.index] ?? sortedWords(v.index, words)
                    cache[v.index] = own
                    same = Self.share(own, w)
                } else {
                    same = false
                }
                if same {
                    dropped[v.index] = true
                    anyDropped = true
                    break
                }
            }
        }
        guard anyDropped else { return deadlines }
        var kept: [Deadline] = []
        kept.reserveCapacity(deadlines.count)
        for i in deadlines.indices where !dropped[i] { kept.append(deadlines[i]) }
        return kept
    }

    private static let notNouns: WordTable<Bool> = WordTable(set:
        ["and", "or", "to", "of", "in", "on", "at", "for", "with", "by", "from", "as", "that", "which", "when", "after",
         "before", "until", "through", "while", "but", "if", "than", "so", "this", "next", "last", "will", "would", "is",
         "are", "was", "were", "has", "had", "have", "could", "may", "might", "can"]
            .map(TimexTokenizer.hash))

    private static let common: WordTable<Bool> = WordTable(set:
        ["will", "would", "with", "that", "this", "from", "have", "been", "their", "said", "says", "which", "than",
         "more", "also", "into", "over", "after", "before", "about", "under", "they", "were", "there", "when", "what",
         "percent", "year", "years", "tariff", "tariffs", "duty", "duties", "trade", "goods", "products", "imports",
         "exports", "country", "countries", "government", "officials", "official", "could", "should", "other", "some",
         "such", "most", "many", "both", "them", "these", "those", "then", "only", "while", "because", "where", "first",
         "second", "last", "next", "their", "its", "the", "and", "for", "new", "get", "gets"].map(TimexTokenizer.hash))
}
