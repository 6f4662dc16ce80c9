/// One temporal expression a pattern recognised, in token indices of its sentence.
struct TimexMatch {
    var start: Int
    /// One past the last token.
    var end: Int
    var type: TimexType = .date
    var value: String
    var date: TemporalValue? = nil
    var endDate: TemporalValue? = nil
    var beforeReference = false
}

/// Finds the temporal expressions of one sentence, left to right, longest pattern first.
struct SentenceTagger {
    let bytes: [UInt8]
    let tokens: [TimexToken]
    let resolver: DateResolver
    /// `TimexLexicon.table`, read once per sentence rather than through its lazy global per token.
    let lexicon = TimexLexicon.table

    init(bytes: [UInt8], tokens: [TimexToken], reference: CalendarDate) {
        self.bytes = bytes
        self.tokens = tokens
        self.resolver = DateResolver(reference: reference)
    }

    var reference: CalendarDate { resolver.reference }

    /// Every expression in the sentence, in order, not overlapping.
    func matches() -> [TimexMatch] {
        var found: [TimexMatch] = []
        var i = 0
        while i < tokens.count {
            if let m = match(at: i) {
                found.append(m)
                i = max(m.end, i + 1)
            } else {
                i += 1
            }
        }
        return found
    }

    private func match(at i: Int) -> TimexMatch? {
        let t = tokens[i]
        if t.kind == .number {
            if i > 0, !t.spaceBefore, tokens[i - 1].kind == .word || tokens[i - 1].mark == 0x2D {
                return nil  // glued to a word or a minus: `G20`, `COVID-19`, `-20`
            }
            return numericDate(i) ?? dayFirstDate(i) ?? duration(i) ?? bareYear(i)
        }
        guard t.kind == .word, let word = lexicon[t.hash] else {
            if t.kind == .word, isWord(i, W.a) || isWord(i, W.an) { return duration(i) }
            if t.kind == .word, isWord(i, W.every) || isWord(i, W.each), case .unit(let unit, false)? = word(i + 1) {
                // `every week`: a SET with that period
                return TimexMatch(start: i, end: i + 2, type: .set, value: Self.durationValue(1, unit))
            }
            return nil
        }
        switch word {
        case .month: return monthFirstDate(i)
        case .weekday: return weekdayDate(i)
        case .number: return duration(i)
        default: return relative(i, word)
        }
    }

    // MARK: token helpers

    func word(_ i: Int) -> TimexWord? {
        i >= 0 && i < tokens.count && tokens[i].kind == .word ? lexicon[tokens[i].hash] : nil
    }

    func isWord(_ i: Int, _ hash: UInt64) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .word && tokens[i].hash == hash
    }

    func isMark(_ i: Int, _ mark: UInt8) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .mark && tokens[i].mark == mark
    }

    func isNumber(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .number }

    /// A token directly after the previous one, without whitespace (`25-27`, `mid-December`).
    func isGlued(_ i: Int) -> Bool { i < tokens.count && !tokens[i].spaceBefore }

    /// A four-digit year the news would plausibly mention.
    func year(_ i: Int) -> Int? {
        guard isNumber(i), tokens[i].digits == 4, (1800...2199).contains(tokens[i].value) else { return nil }
        if isMark(i + 1, 0x25) || isMark(i + 1, 0xB0) { return nil }
        return tokens[i].value
    }

    /// A capitalised month name (`November`, `Nov.`) at `i`: its number and the index after it.
    func monthName(_ i: Int) -> (month: Int, next: Int)? {
        guard case .month(let m, let abbreviation)? = word(i), tokens[i].capitalized else { return nil }
        if abbreviation {
            return isMark(i + 1, 0x2E) && isGlued(i + 1) ? (m, i + 2) : (m, i + 1)
        }
        return (m, i + 1)
    }

    /// A day of the month (`1`, `1st`, `01`) at `i` that is not a quantity: its value and the index after it.
    func dayNumber(_ i: Int) -> (day: Int, next: Int)? {
        guard isNumber(i), tokens[i].digits <= 2, (1...31).contains(tokens[i].value) else { return nil }
        var next = i + 1
        if case .ordinalSuffix? = word(next), isGlued(next) { next += 1 }
        if next < tokens.count {
            let t = tokens[next]
            if t.kind == .mark, t.mark == 0x25 || t.mark == 0xB0 || (t.mark == 0x3A && isNumber(next + 1))
                || (t.mark == 0x2E && isNumber(next + 1) && isGlued(next + 1))
            {
                return nil  // 5%, 20°, 10:30, 1.5
            }
            if t.kind == .word, W.quantityWords.contains(t.hash) { return nil }
        }
        return (tokens[i].value, next)
    }

    /// The tense of the clause around tokens `lower..<upper`.
    func tense(_ lower: Int, _ upper: Int) -> Tense {
        TenseReader(bytes: bytes, tokens: tokens).tense(around: lower, upper)
    }

    /// `until/through/till November 10`: the end of a span whose verb tense tells of its start, so the
    /// nearest date is meant whatever the tense (`the truce lasted until November 10`).
    func tenseForDate(_ lower: Int, _ upper: Int) -> Tense {
        var k = lower - 1
        if isWord(k, W.on) || isWord(k, W.the) { k -= 1 }
        // `extended to Nov. 20` too
        if isWord(k, W.until) || isWord(k, W.till) || isWord(k, W.through) || isWord(k, W.thru) || isWord(k, W.to) {
            return .present
        }
        return tense(lower, upper)
    }
}

/// Hashes of the function words the patterns look for.
enum W {
    static let on = TimexTokenizer.hash("on")
    static let in_ = TimexTokenizer.hash("in")
    static let at = TimexTokenizer.hash("at")
    static let by = TimexTokenizer.hash("by")
    static let from = TimexTokenizer.hash("from")
    static let to = TimexTokenizer.hash("to")
    static let until = TimexTokenizer.hash("until")
    static let till = TimexTokenizer.hash("till")
    static let through = TimexTokenizer.hash("through")
    static let thru = TimexTokenizer.hash("thru")
    static let and = TimexTokenizer.hash("and")
    static let between = TimexTokenizer.hash("between")
    static let of = TimexTokenizer.hash("of")
    static let the = TimexTokenizer.hash("the")
    static let a = TimexTokenizer.hash("a")
    static let an = TimexTokenizer.hash("an")
    static let ago = TimexTokenizer.hash("ago")
    static let within = TimexTokenizer.hash("within")
    static let over = TimexTokenizer.hash("over")
    static let during = TimexTokenizer.hash("during")
    static let since = TimexTokenizer.hash("since")
    static let before = TimexTokenizer.hash("before")
    static let after = TimexTokenizer.hash("after")
    static let for_ = TimexTokenizer.hash("for")
    static let old = TimexTokenizer.hash("old")
    static let s = TimexTokenizer.hash("s")
    static let every = TimexTokenizer.hash("every")
    static let each = TimexTokenizer.hash("each")
    static let per = TimexTokenizer.hash("per")
    static let year = TimexTokenizer.hash("year")
    static let end = TimexTokenizer.hash("end")
    static let fiscal = TimexTokenizer.hash("fiscal")
    static let now = TimexTokenizer.hash("now")
    static let later = TimexTokenizer.hash("later")
    static let past = TimexTokenizer.hash("past")
    static let early = TimexTokenizer.hash("early")
    static let earlier = TimexTokenizer.hash("earlier")
    static let current = TimexTokenizer.hash("current")
    static let future = TimexTokenizer.hash("future")
    static let latest = TimexTokenizer.hash("latest")
    static let late = TimexTokenizer.hash("late")
    static let mid = TimexTokenizer.hash("mid")

    /// Prepositions that make a bare year or month a date (`in 2026`, `since April`).
    static let datePrepositions: WordTable<Bool> = WordTable(set: 
        [
            "in", "since", "by", "until", "till", "through", "from", "during", "before", "after", "of", "for", "to",
            "early", "late", "mid", "end", "around", "between", "and", "throughout", "last", "next", "this", "fiscal",
            "year", "circa", "as", "starting", "beginning", "effective", "ending", "than", "into",
        ].map(TimexTokenizer.hash))

    /// Words after a number that make it a quantity, not a day.
    static let quantityWords: WordTable<Bool> = WordTable(set: 
        [
            "percent", "per", "pct", "million", "billion", "trillion", "thousand", "hundred", "cent", "cents",
            "points", "point", "degrees", "tons", "tonnes", "people", "dollars", "euros", "yuan", "km", "kg", "mph",
        ].map(TimexTokenizer.hash))
}
