/// Spans counted from an event: `appeals are due within 60 days of the decision`, where the article dated the
/// decision before (`the ministry announced the decision on Oct. 20`), end on a day; and the day a span is
/// counted from (`30 days from Nov. 3`) is no event of its own.
struct EventAnchors {
    /// The article's expressions and the tokens of their sentences, as the tagger gave them. The dated clauses
    /// are read only when a span asks for its event, newest first: most articles never ask, and reading every
    /// clause's words up front cost a twentieth of extraction.
    private let timexes: [TaggedTimex]
    private let tokens: [TimexTokens]

    init(_ timexes: [TaggedTimex], tokens: [TimexTokens]) {
        self.timexes = timexes
        self.tokens = tokens
    }

    /// The day of the latest day-dated expression before byte `offset` whose clause has the content word `noun`.
    private func latestDay(before offset: Int, naming noun: UInt64) -> CalendarDate? {
        for timex in timexes.reversed() where timex.bytes.lowerBound < offset && timex.type == .date && timex.endDate == nil {
            // a date said to be when something was announced keeps its value, not its `date`; a value that names a
            // day is `CalendarDate`'s ISO form, ten bytes (what `TemporalValue(iso:)` reads as a day, without its
            // second split of the string, and no split at all of a value of another length)
            let day: CalendarDate?
            if let date = timex.date {
                day = date.granularity == .day ? date.firstDay : nil
            } else {
                day = timex.value.utf8.count == 10 ? CalendarDate(iso: timex.value) : nil
            }
            guard let day else { continue }
            let sentence = tokens[timex.sentenceIndex]
            guard let lower = sentence.firstIndex(startingAtOrAfter: timex.bytes.lowerBound) else { continue }
            var upper = lower
            while upper < sentence.count && sentence[upper].end <= timex.bytes.upperBound { upper += 1 }
            if VagueMention.hasContentWord(noun, lower, upper, sentence) { return day }
        }
        return nil
    }

    /// The day a span at tokens `lower..<upper` ends when it is counted `of`, `after` or `from` an event dated
    /// earlier in the article: the latest dated clause before it that names the event's noun.
    func day(ending duration: TaggedTimex, _ lower: Int, _ upper: Int, tokens: TimexTokens) -> CalendarDate? {
        guard Self.isCounted(after: upper, tokens), let (count, unit) = SentenceTagger.countAndUnit(duration.value)
        else { return nil }
        // `of the decision`, `after the court's final ruling`: the words up to the next mark or preposition
        var nouns: [UInt64] = []
        var k = upper + 1
        while k < tokens.count, k <= upper + 5, tokens[k].kind == .word || tokens[k].mark == 0x27 {
            if tokens[k].kind == .word {
                if nouns.count > 0 || !Self.determiners.contains(tokens[k].hash) {
                    if Self.ends.contains(tokens[k].hash) { break }
                    nouns.append(tokens[k].hash)
                }
            }
            k += 1
        }
        guard let noun = nouns.last, let anchor = latestDay(before: duration.bytes.lowerBound, naming: noun) else { return nil }
        switch unit {
        case .day: return anchor.adding(days: count)
        case .week: return anchor.adding(days: 7 * count)
        case .month: return anchor.adding(months: count)
        default: return nil  // `within 20 years of the deal`: a horizon, not a deadline
        }
    }

    /// `of`, `after` or `from` right after a span ending at token `upper`: the word without which `day(ending:…)` finds
    /// no event, asked first by the deadline finder, before the tense it reads for such a span.
    static func isCounted(after upper: Int, _ tokens: TimexTokens) -> Bool {
        upper < tokens.count && tokens[upper].kind == .word
            && (tokens[upper].hash == W.of || tokens[upper].hash == W.after || tokens[upper].hash == W.from)
    }

    /// The expression right after a span counted from it (`30 days from Nov. 3`, `15 days after publication on
    /// Oct. 27`): the starting point, unless an event noun between them says it is an event too (`two weeks
    /// after the hearing on Nov. 3`).
    static func isSpanStart(_ timex: TaggedTimex, after previous: TaggedTimex, tokens: TimexTokens) -> Bool {
        guard previous.anchored, previous.type == .duration, previous.sentenceIndex == timex.sentenceIndex,
            let from = tokens.firstIndex(startingAtOrAfter: previous.bytes.upperBound),
            let to = tokens.firstIndex(startingAtOrAfter: timex.bytes.lowerBound), from <= to
        else { return false }
        return !(from..<to).contains { tokens[$0].kind == .word && DeadlineKindReader.nounCues.contains(tokens[$0].hash) }
    }

    private static let determiners: WordTable<Bool> = WordTable(set:
        ["the", "a", "an", "its", "their", "this", "that", "his", "her", "s"].map(TimexTokenizer.hash))
    private static let ends: WordTable<Bool> = WordTable(set:
        ["by", "on", "in", "at", "to", "of", "for", "with", "and", "or", "is", "was", "will", "would", "which", "that"]
            .map(TimexTokenizer.hash))
}
