/// How far in the past (or future) a time expression puts what it is attached to.
enum TimeCueKind: Sendable, Equatable {
    /// More than a month before the reference date: `in April`, `last year`, `earlier this year`.
    case oldPast
    /// Within the last month: `last week`, `yesterday`, `this month`; a threat made then is still live.
    case recentPast
    /// On or after the reference date.
    case future
}

struct TimeCue: Sendable {
    var token: Int
    var kind: TimeCueKind
    /// `since April`: starts a period that may still run; it dates the sentence, not the rate.
    var sinceStart = false
}

/// Reads time cues from the words themselves, so status works before (or without) the temporal tagger.
struct TimeCueReader {
    let sentence: TariffSentence
    let referenceDate: CalendarDate

    /// Days before the reference date after which a past rate counts as history.
    static let recentDays = 31

    /// The sentence's time cues, and the word by which it refers to an earlier time (`in the same month`, `at the
    /// time`), if any: one pass over the words for both, where each (and the test for a past tense that month
    /// names need) was a pass of its own.
    func cues(timexes: ArraySlice<TaggedTimex>) -> (cues: [TimeCue], earlierTime: Int?) {
        let s = sentence
        var cues: [TimeCue] = []
        var earlierTime: Int?
        // whether some word of the sentence looks past: read only when a month asks
        var past: Bool?
        // room for a few at the first: grown from one, the array was reallocated at its 2nd and 3rd cue
        func add(_ cue: TimeCue) {
            if cues.capacity == 0 { cues.reserveCapacity(4) }
            cues.append(cue)
        }
        for timex in timexes {
            guard let date = timex.date, let t = tokenIndex(atByte: timex.bytes.lowerBound) else { continue }
            // `this year`, `this month`: the period we are in says nothing about past or future
            if date.granularity != .day, date.firstDay <= referenceDate, date.lastDay >= referenceDate { continue }
            add(TimeCue(token: t, kind: kind(of: date)))
        }
        var i = 0
        while i < s.count {
            defer { i += 1 }
            let token = s.tokens[i]
            if token.kind == .number, token.number >= 1900, token.number <= 2100, Double(Int(token.number)) == token.number,
                !(i + 1 < s.count && (s.tokens[i + 1].kind == .percent || s.has(i + 1, .percentWord)))
            {
                let year = Int(token.number)
                if s.has(i - 1, .preposition) || s.has(i - 1, .month) || (i >= 2 && s.has(i - 2, .month)) {
                    add(TimeCue(token: i, kind: year < referenceDate.year ? .oldPast : year > referenceDate.year ? .future : .recentPast))
                }
                continue
            }
            guard token.kind == .word else { continue }
            if earlierTime == nil, refersToEarlierTime(at: i) { earlierTime = i }
            let lexeme = s.lexemes[i]
            if lexeme.month > 0, token.capitalized {
                if let kind = monthKind(i, month: lexeme.month, sentencePast: &past) { add(TimeCue(token: i, kind: kind)) }
                continue
            }
            if lexeme.classes.contains(.recentCue) {
                // `two years ago` is old; `days ago` and `recently` are recent
                if s.isWord(i, TariffVocabulary.ago), s.isWord(i - 1, TariffVocabulary.year) || s.isWord(i - 1, TariffVocabulary.years)
                    || s.isWord(i - 1, TariffVocabulary.months) || s.isWord(i - 1, TariffVocabulary.decade)
                {
                    add(TimeCue(token: i, kind: .oldPast))
                } else {
                    add(TimeCue(token: i, kind: .recentPast))
                }
                continue
            }
            let h = token.hash
            if WordHash.mayBeIn(Self.relativeWords, h),
                h == TariffVocabulary.last || h == TariffVocabulary.this || h == TariffVocabulary.next || h == TariffVocabulary.earlier
            {
                let unit = i + 1 < s.count ? s.tokens[i + 1].hash : 0
                if h == TariffVocabulary.earlier, s.isWord(i + 1, TariffVocabulary.this), s.isWord(i + 2, TariffVocabulary.year) {
                    add(TimeCue(token: i, kind: referenceDate.month > 2 ? .oldPast : .recentPast))
                } else if h == TariffVocabulary.last, unit == TariffVocabulary.year {
                    add(TimeCue(token: i, kind: .oldPast))
                } else if h == TariffVocabulary.last, unit == TariffVocabulary.week || unit == TariffVocabulary.month {
                    add(TimeCue(token: i, kind: .recentPast))
                } else if h == TariffVocabulary.next, unit == TariffVocabulary.week || unit == TariffVocabulary.month || unit == TariffVocabulary.year {
                    add(TimeCue(token: i, kind: .future))
                }
            }
        }
        for c in cues.indices where s.isWord(cues[c].token - 1, TariffVocabulary.since) { cues[c].sinceStart = true }
        return (cues, earlierTime)
    }

    /// The words `cues` compares for `last year`, `next week`, `earlier this year`, as a `WordHash` filter.
    @inline(__always) private static var relativeWords: UInt64 {
        WordHash.filterBit(TariffVocabulary.last) | WordHash.filterBit(TariffVocabulary.this)
            | WordHash.filterBit(TariffVocabulary.next) | WordHash.filterBit(TariffVocabulary.earlier)
    }

    /// `in the same month`, `that year`, `at the time`: the sentence's time is the one before it. Asked of each word.
    @inline(__always) private func refersToEarlierTime(at i: Int) -> Bool {
        let s = sentence
        let h = s.tokens[i].hash
        // both rules start at `same`, `that` or `time`
        guard WordHash.mayBeIn(Self.earlierTimeWords, h) else { return false }
        if h == TariffVocabulary.same || h == TariffVocabulary.that, i + 1 < s.count,
            s.isWord(i + 1, TariffVocabulary.month) || s.isWord(i + 1, TariffVocabulary.year) || s.isWord(i + 1, TariffVocabulary.week)
                || s.isWord(i + 1, TariffVocabulary.day)
        {
            return true
        }
        return h == TariffVocabulary.time && s.isWord(i - 1, TariffVocabulary.the) && s.isWord(i - 2, TariffVocabulary.at)
    }

    /// Whether some word of the sentence looks past (`sentencePast` caches it): only month cues ask, and most
    /// sentences name no month.
    private func looksPast(_ sentencePast: inout Bool?) -> Bool {
        if let sentencePast { return sentencePast }
        let s = sentence
        let past = (0..<s.count).contains { s.looksPast($0) }
        sentencePast = past
        return past
    }

    /// `same`, `that`, `time`, as a `WordHash` filter.
    @inline(__always) private static var earlierTimeWords: UInt64 {
        WordHash.filterBit(TariffVocabulary.same) | WordHash.filterBit(TariffVocabulary.that) | WordHash.filterBit(TariffVocabulary.time)
    }

    func kind(of value: TemporalValue) -> TimeCueKind {
        if value.lastDay >= referenceDate { return .future }
        return value.lastDay.daysSinceEpoch < referenceDate.daysSinceEpoch - Self.recentDays ? .oldPast : .recentPast
    }

    /// `in April`, `since May`, `November 1`, `last March`: placed relative to the reference date.
    /// - Parameter sentencePast: whether some word of the sentence looks past, once read (see `looksPast`).
    private func monthKind(_ i: Int, month: Int, sentencePast: inout Bool?) -> TimeCueKind? {
        let s = sentence
        var day: Int?
        var year: Int?
        var k = i + 1
        // `Dec. 20, 2015`: the period of an abbreviated month
        if k < s.count, s.tokens[k].kind == .other, s.tokens[k].end - s.tokens[k].start == 1, s.bytes[s.tokens[k].start] == 0x2E { k += 1 }
        if k < s.count, s.tokens[k].kind == .number, s.tokens[k].number >= 1, s.tokens[k].number <= 31,
            !(k + 1 < s.count && (s.tokens[k + 1].kind == .percent || s.has(k + 1, .percentWord)))
        {
            day = Int(s.tokens[k].number)
            k += 1
            if k < s.count, s.tokens[k].kind == .comma { k += 1 }
        }
        if k < s.count, s.tokens[k].kind == .number, s.tokens[k].number >= 1900, s.tokens[k].number <= 2100 {
            year = Int(s.tokens[k].number)
        }
        // `May` is also a modal: only a month with a preposition, a day or a year.
        let hasContext = day != nil || year != nil || s.has(i - 1, .preposition) || s.isWord(i - 1, TariffVocabulary.last)
            || s.isWord(i - 1, TariffVocabulary.next) || s.has(i - 1, .function) || s.has(i - 1, .month)
        guard hasContext || month != 5 else { return nil }
        let resolvedYear: Int
        if let year {
            resolvedYear = year
        } else if s.isWord(i - 1, TariffVocabulary.last) {
            resolvedYear = month >= referenceDate.month ? referenceDate.year - 1 : referenceDate.year
        } else if s.isWord(i - 1, TariffVocabulary.next) {
            resolvedYear = month <= referenceDate.month ? referenceDate.year + 1 : referenceDate.year
        } else if month < referenceDate.month || month == referenceDate.month && (day ?? referenceDate.day) <= referenceDate.day {
            // an earlier month this year, unless a future word says next year
            let futureWord = s.has(i - 1, .effectiveTrigger) && !s.has(i - 1, .venueMarker) && !looksPast(&sentencePast)
            resolvedYear = futureWord && month < referenceDate.month ? referenceDate.year + 1 : referenceDate.year
        } else {
            // a later month told in the past tense is last year's (`in November, Trump imposed…`);
            // after `until`, `by`, `from` it is still ahead
            let pastReading = s.isWord(i - 1, TariffVocabulary.in) || s.isWord(i - 1, TariffVocabulary.since)
                || s.isWord(i - 1, TariffVocabulary.during) || i == 0
            resolvedYear = pastReading && looksPast(&sentencePast) ? referenceDate.year - 1 : referenceDate.year
        }
        let value: TemporalValue
        if let day, let date = CalendarDate(year: resolvedYear, month: month, day: day) {
            value = .day(date)
        } else {
            value = .month(year: resolvedYear, month: month)
        }
        return kind(of: value)
    }

    private func tokenIndex(atByte byte: Int) -> Int? {
        sentence.tokens.firstIndex(endingAfter: byte)
    }
}
