/// Expressions anchored on the reference date: `next week`, `later this month`, `today`, `Q3`, `year-end`.
extension SentenceTagger {
    func relative(_ i: Int, _ word: TimexWord) -> TimexMatch? {
        let lowerOrFirst = !tokens[i].capitalized || isSentenceInitial(i)
        switch word {
        case .dayOffset(let n):
            guard lowerOrFirst else { return nil }  // `Building a Sustainable Tomorrow`
            if n == 0, isMark(i + 1, 0x27), isWord(i + 2, W.s), isGenericNoun(i + 3) {
                return TimexMatch(start: i, end: i + 1, value: "PRESENT_REF")  // `today's world`
            }
            let d = reference.adding(days: n)
            return TimexMatch(start: i, end: i + 1, value: d.description, date: .day(d))
        case .reference(let value):
            guard lowerOrFirst, !(isMark(i + 1, 0x2D) && isGlued(i + 1)) else { return nil }  // `now-defunct`
            // `the future` (the adjective in `future talks` is no expression); `recent years`
            if value == .future, isWord(i, W.future), !isWord(i - 1, W.the) { return nil }
            if isWord(i, Self.soon) { return soon(i) }
            let start = isWord(i - 1, W.the) && value == .future ? i - 1 : i
            if case .unit(_, true)? = self.word(i + 1) { return TimexMatch(start: start, end: i + 2, value: value.iso) }
            return TimexMatch(start: start, end: i + 1, value: value.iso)
        case .frequency(let value):
            guard lowerOrFirst, !isRate(i) else { return nil }
            return TimexMatch(start: i, end: i + 1, type: .set, value: value.iso)
        case .quarterName(let q):
            return quarter(i, q, end: i + 1)
        case .ordinal(let n):
            var k = i + 1
            if isMark(k, 0x2D), isGlued(k) { k += 1 }
            guard case .unit(.quarter, false)? = self.word(k) else { return nil }
            // `the third quarter` is a noun phrase; in `the third-quarter results` the article belongs to `results`
            let start = isWord(i - 1, W.the) && k == i + 1 ? i - 1 : i
            return quarter(start, n, end: k + 1, adjective: k == i + 2)
        case .shift(.relative(let k)):
            if let m = relativeUnit(i, offset: k) { return m }
            // `current conditions`, `the past`: the present, the past
            if isWord(i, W.current), lowerOrFirst { return TimexMatch(start: i, end: i + 1, value: "PRESENT_REF") }
            // `in the past, …`, `indicated in the past that …`
            if isWord(i, W.past), isWord(i - 1, W.the), i + 1 >= tokens.count || tokens[i + 1].kind == .mark
                || W.datePrepositions.contains(tokens[i + 1].hash) || isWord(i - 2, W.in_) && self.word(i + 1) == nil
            {
                return TimexMatch(start: i - 1, end: i + 1, value: "PAST_REF")
            }
            return nil
        case .shift(.side(let before)):
            // `earlier that day`, `later that year`: the side of a period the article dated before
            if var m = anaphoricPeriod(i + 1) {
                m.start = i
                return m
            }
            // `later this week`, `earlier this year`
            guard case .shift(.relative(let k))? = self.word(i + 1), var m = relativeUnit(i + 1, offset: k, marksPassedPart: false),
                m.date != nil, m.start == i + 1
            else { return nil }
            m.start = i
            m.beforeReference = before
            return m
        case .shift(.part(let part)):
            return partOf(i, part)
        case .season(let s):
            return season(i, s)
        case .unit(.quarter, false) where isWord(i - 1, W.the) || (isWord(i - 1, W.latest) && isWord(i - 2, W.the)):
            // `the quarter`, `the latest quarter` in results news: the last quarter completed, no calendar date
            guard let value = resolver.period(.quarter, offset: -1) else { return nil }
            return TimexMatch(start: isWord(i - 1, W.the) ? i - 1 : i - 2, end: i + 1, value: value.iso)
        case .unit(.weekend, false) where isWord(i - 1, W.the):
            // `over the weekend`: no calendar date; read on a weekday and not looking ahead, the one just past
            let past = reference.weekday <= 5 && tense(i - 1, i + 1) != .future
            let week = TemporalValue.week(containing: reference.adding(days: past ? -7 : 0))
            return TimexMatch(start: i - 1, end: i + 1, value: "\(week.iso)-WE")
        case .unit(.year, false) where isWordIn(i + 1, Self.periodEnds) && (isWord(i - 1, W.the) || isWord(i - 1, W.fiscal)):
            // `for the year ended March 31`, `in the fiscal year ending June 30`: a year's span, dated by its last day
            var start = i - 1
            if isWord(start, W.fiscal), isWord(start - 1, W.the) { start -= 1 }
            guard isWord(start, W.the) else { return nil }
            return TimexMatch(start: start, end: i + 1, type: .duration, value: "P1Y")
        case .unit(let unit, let plural) where isMark(i + 1, 0x2D) && isGlued(i + 1) && isWord(i + 2, Self.long) && isGlued(i + 2):
            // `a day-long meeting`, `a decades-long dispute`
            guard unit != .weekend, unit != .quarter else { return nil }
            return TimexMatch(start: i, end: i + 3, type: .duration, value: Self.durationValue(plural ? -1 : 1, unit))
        case .unit(.year, false) where (i + 1 >= tokens.count || tokens[i + 1].kind == .mark && !isMark(i + 1, 0x2D))
            && theYearAfterOf(i) != nil:
            // `the first nine months of the year,`, `lower earnings for the fiscal year.`: the year of the reference
            return TimexMatch(start: theYearAfterOf(i)!, end: i + 1, value: String(reference.year), date: .year(reference.year))
        case .unit(let unit, true) where isWord(i - 1, W.for_) && !tokens[i].capitalized && unit != .weekend && unit != .quarter:
            // `ruled from Moscow for years`, `for weeks the government has held rallies`: a span of unknown length
            if isWord(i + 1, W.ago) || isWord(i + 1, W.old) || isMark(i + 1, 0x2D) { return nil }
            return TimexMatch(start: i, end: i + 1, type: .duration, value: Self.durationValue(-1, unit))
        case .unit(.year, false):
            // `year-end`, `year end`; `year-earlier`, `year-ago`: the year before
            var k = i + 1
            if isMark(k, 0x2D), isGlued(k) { k += 1 }
            if k == i + 2, isWord(k, W.earlier) || isWord(k, W.ago) {
                var m = TimexMatch(start: i, end: k + 1, value: String(reference.year - 1), date: .year(reference.year - 1))
                m.yearsBack = 1
                return m
            }
            guard isWord(k, W.end) else { return nil }
            // `the change since year-end`: the last one
            let back = isWord(i - 1, W.since) && !(reference.month == 12 && reference.day == 31)
            let d = CalendarDate(year: reference.year - (back ? 1 : 0), month: 12, day: 31)!
            return TimexMatch(start: i, end: k + 1, value: d.description, date: .day(d))
        default:
            return nil
        }
    }

    /// Where `the (fiscal) year` starts when `of` or `for` comes before it.
    func theYearAfterOf(_ i: Int) -> Int? {
        var k = i - 1
        if isWord(k, W.fiscal) { k -= 1 }
        return isWord(k, W.the) && (isWord(k - 1, W.of) || isWord(k - 1, W.for_)) ? k : nil
    }

    /// `soon`: the near future as seen from the reference date, so not in `as soon as trading opened` (a
    /// conjunction), `soon after the vote` (counted from another event) or a clause telling of the past
    /// (`the trickle soon became a flood`). `as soon as possible` is one expression.
    func soon(_ i: Int) -> TimexMatch? {
        if isWord(i - 1, Self.asWord), isWord(i + 1, Self.asWord) {
            guard isWord(i + 2, Self.possible) else { return nil }
            return TimexMatch(start: i - 1, end: i + 3, value: "FUTURE_REF")
        }
        if isWordIn(i + 1, Self.afterWords) || tense(i, i + 1) == .past { return nil }
        return TimexMatch(start: i, end: i + 1, value: "FUTURE_REF")
    }

    /// `a quarterly dividend`, `average daily volume`, `8.5% annually`, `10,000 units annually`: an amount per
    /// period, not a recurring event; `an initial quarterly of five cents` is the dividend itself.
    func isRate(_ i: Int) -> Bool {
        if isWordIn(i + 1, Self.amountNouns) || isWord(i + 1, W.of) || isWord(i - 1, Self.average) { return true }
        return isMark(i - 1, 0x25) || isNumber(i - 1) || isNumber(i - 2) && tokens[i - 1].kind == .word
    }

    static let soon: UInt64 = 0x7fd5_fc9a_8993_6724  // "soon"
    static let asWord: UInt64 = 0xb622_c22d_6308_1633  // "as"
    static let possible: UInt64 = 0x32ae_0f2d_8c52_35b6  // "possible"
    static let long: UInt64 = 0xe56e_a426_6d76_71ac  // "long"
    static let average: UInt64 = 0x85cd_6e0f_bbc9_1d15  // "average"
    static let afterWords: WordTable<Bool> = WordTable(set: ["after", "afterwards", "afterward", "thereafter"].map(TimexTokenizer.hash))
    /// `the year ended June 30`: the words that give a fiscal period's last day.
    static let periodEnds: WordTable<Bool> = WordTable(set: ["ended", "ending", "ends", "to"].map(TimexTokenizer.hash))
    /// Amounts a frequency word turns into a rate: `quarterly dividend`, `daily volume`.
    static let amountNouns: WordTable<Bool> = WordTable(set:
        ["dividend", "dividends", "volume", "volumes", "turnover", "loss", "losses", "profit", "profits", "earnings",
         "payment", "payments", "rate", "rates", "sales", "output", "revenue", "income", "average", "production"]
            .map(TimexTokenizer.hash))

    /// `that day`, `that quarter`: the period of the date the article gave last. Read here from the reference
    /// date; the tagger moves it to that date once it knows it.
    func anaphoricPeriod(_ i: Int) -> TimexMatch? {
        guard isWord(i, Self.that), case .unit(let unit, false)? = word(i + 1), Self.isAnaphoricUnit(unit),
            !isMark(i + 2, 0x2D), !isMark(i + 2, 0x27), let value = resolver.period(unit, offset: 0)
        else { return nil }
        var m = TimexMatch(start: i, end: i + 2, value: value.iso, date: value)
        m.anaphor = Anaphor(unit: unit, offset: 0)
        return m
    }

    static let that: UInt64 = 0x2e82_3c53_efc5_965d  // "that"

    /// The units of a period counted from the date told last (`that day`, `the following quarter`). A switch,
    /// not a `Set`: building the set cost a one-article extraction more than most of the tagger's tables.
    static func isAnaphoricUnit(_ unit: TimeUnit) -> Bool {
        switch unit {
        case .day, .week, .month, .quarter, .year: true
        case .weekend, .decade, .hour, .minute: false
        }
    }
    /// `next`, `following`: after `the` they count from the date just told, not from today (`the coming week` does).
    static let sequelWords: WordTable<Bool> = WordTable(set: ["next", "following"].map(TimexTokenizer.hash))

    /// `the next day`, `the following month`, `the next morning`: one period after the date the article gave last.
    func sequel(_ i: Int) -> TimexMatch? {
        guard isWord(i - 1, W.the), isWordIn(i, Self.sequelWords), i + 1 < tokens.count, tokens[i + 1].kind == .word,
            !isMark(i + 2, 0x2D), !isMark(i + 2, 0x27)
        else { return nil }
        let unit: TimeUnit
        if Self.partOfDay(tokens[i + 1].hash) != nil {
            unit = .day  // `the next morning`: TIMEX3 writes the day
        } else if case .unit(let u, false)? = word(i + 1), Self.isAnaphoricUnit(u) {
            unit = u
        } else {
            return nil
        }
        guard let value = resolver.period(unit, offset: 1) else { return nil }
        var m = TimexMatch(start: i, end: i + 2, value: value.iso, date: value)
        m.anaphor = Anaphor(unit: unit, offset: 1)
        return m
    }

    /// `this fiscal year`, `the current fiscal year`, `next fiscal year`: a year of accounts, written as the calendar
    /// year it is mostly in (TIMEX3 `1989`); `the latest fiscal year` is the last one closed.
    func fiscalYear(_ i: Int, offset: Int) -> TimexMatch? {
        guard isWord(i + 1, W.fiscal), case .unit(.year, false)? = word(i + 2), !isMark(i + 3, 0x27),
            offset >= 0 || !isWord(i - 1, W.the) || isWord(i, W.latest)  // `the last fiscal year` is a span of one
        else { return nil }
        let year = reference.year + offset
        return TimexMatch(start: isWord(i - 1, W.the) ? i - 1 : i, end: i + 3, value: String(year), date: .year(year))
    }

    /// `this week`, `next month`, `last year`, `next Thursday`, `last March`, `the coming weeks`, `the past two years`.
    ///
    /// - Parameter marksPassedPart: whether `this month` told in the past is marked `beforeReference` (from the
    ///   clause's tense); callers that set `beforeReference` themselves (`later this week`, `the end of this year`)
    ///   pass false, and the tense, which costs more than the rest of the match, is not read for them.
    func relativeUnit(_ i: Int, offset: Int, marksPassedPart: Bool = true) -> TimexMatch? {
        if offset == 1, let m = sequel(i) { return m }
        if let m = fiscalYear(i, offset: offset) { return m }
        let next = i + 1
        // `this morning`, `this evening`, `last night`: a part of the reference day or of the day before
        if next < tokens.count, tokens[next].kind == .word, let part = Self.partOfDay(tokens[next].hash),
            offset == 0 || offset == -1 && (part == "NI" || part == "EV")
        {
            let day = reference.adding(days: offset)
            return TimexMatch(start: i, end: next + 1, type: .time, value: day.description + "T" + part, date: .day(day))
        }
        // `ABC's "This Week"`: capitalised mid-sentence, a title
        if tokens[i].capitalized, next < tokens.count, tokens[next].capitalized, isMark(i - 1, 0x22) || isMark(i - 1, 0x27),
            i > 1, case .unit? = word(next)
        {
            return nil
        }
        switch word(next) {
        case .weekday?:
            return weekdayDate(next)
        case .month?:
            return monthFirstDate(next)
        case .season?:
            return season(next, nil)
        case .unit(let unit, false)?:
            // `this year's third quarter`, `next year's first quarter`
            if unit == .year, isMark(next + 1, 0x27), isWord(next + 2, W.s), case .ordinal(let q)? = word(next + 3) {
                var k = next + 4
                if isMark(k, 0x2D), isGlued(k) { k += 1 }
                if case .unit(.quarter, false)? = word(k), (1...4).contains(q) {
                    let value = TemporalValue.quarter(year: reference.year + offset, quarter: q)
                    return TimexMatch(start: i, end: k + 1, value: value.iso, date: value)
                }
            }
            if isWord(i, W.past) || (offset == -1 && isWord(i - 1, W.the)) {
                return TimexMatch(start: i, end: next + 1, type: .duration, value: Self.durationValue(1, unit))
            }
            if unit == .weekend {
                let monday = reference.adding(days: 7 * offset)
                let w = TemporalValue.week(containing: monday).iso
                return TimexMatch(start: i, end: next + 1, value: "\(w)-WE")
            }
            guard let value = resolver.period(unit, offset: offset) else { return nil }
            var match = TimexMatch(start: i, end: next + 1, value: value.iso, date: value)
            // `this month, Beijing announced…`: the part of this period that has passed
            if offset == 0, marksPassedPart, tense(i, next + 1) == .past { match.beforeReference = true }
            return match
        case .unit(let unit, true)?:
            guard unit != .weekend, offset != 0 else { return nil }
            return TimexMatch(start: i, end: next + 1, value: offset > 0 ? "FUTURE_REF" : "PAST_REF")
        case .number(let n)?:
            guard case .unit(let unit, true)? = word(next + 1), offset != 0 else { return nil }
            return TimexMatch(start: i, end: next + 2, type: .duration, value: Self.durationValue(n, unit))
        default:
            if isNumber(next), tokens[next].digits <= 3, case .unit(let unit, true)? = word(next + 1), offset != 0 {
                return TimexMatch(
                    start: i, end: next + 2, type: .duration, value: Self.durationValue(tokens[next].value, unit))
            }
            return nil
        }
    }

    /// `early next year`, `mid-December`, `late 2025`, `the end of March`, `the start of next month`.
    func partOf(_ i: Int, _ part: TimexPart) -> TimexMatch? {
        var k = i + 1
        let isNoun = isWord(i + 1, W.of)  // `end of`, `start of`, `beginning of`
        if isNoun {
            k += 1
            if isWord(k, W.the) { k += 1 }
        } else if isMark(k, 0x2D), isGlued(k) {
            k += 1  // mid-December
        } else if !(isWord(i, W.early) || isWord(i, W.late) || isWord(i, W.mid)) {
            return nil  // `end`, `start` alone are nouns or verbs: `start next month`
        }
        var inner: TimexMatch?
        switch word(k) {
        case .month?: inner = monthFirstDate(k)
        case .quarterName(let q)?: inner = quarter(k, q, end: k + 1)
        case .shift(.relative(let offset))?: inner = relativeUnit(k, offset: offset, marksPassedPart: false)
        case .unit(let unit, false)? where isNoun && unit != .day:
            // `the end of the month`: the one we are in
            if let value = resolver.period(unit, offset: 0) {
                inner = TimexMatch(start: k, end: k + 1, value: value.iso, date: value)
            }
        default:
            if let y = year(k) {
                // `the late 1970s`: a part of a decade, TIMEX3 `197`
                if isWord(k + 1, W.s), isGlued(k + 1), y % 10 == 0 {
                    return TimexMatch(start: isWord(i - 1, W.the) ? i - 1 : i, end: k + 2, value: String(y / 10))
                }
                inner = TimexMatch(start: k, end: k + 1, value: String(y), date: .year(y))
            }
        }
        guard var m = inner, m.start >= k - 1, let date = m.date, date.granularity != .day else { return nil }
        m.start = isWord(i - 1, W.the) && isNoun ? i - 1 : i
        if part == .end && isNoun {
            let last = date.granularity == .week ? date.firstDay.adding(days: 4) : date.lastDay
            m.date = .day(last)
        }
        m.beforeReference = false
        // `early this month` read on the 22nd, `early this year` in June: that part of the period is over
        if part == .start, !isNoun, date.firstDay <= reference, reference <= date.lastDay {
            let length = date.lastDay.daysSinceEpoch - date.firstDay.daysSinceEpoch + 1
            m.beforeReference = reference.daysSinceEpoch - date.firstDay.daysSinceEpoch >= length / 3
        }
        return m
    }

    /// `Q3`, `Q3 2025`, `the third quarter (of 2026)`: the year from the text, else from tense.
    /// `adjective`: `third-quarter profit` names results, which are reported once the quarter is over, so the
    /// clause's future (`will report third-quarter profit`) does not move it to next year.
    func quarter(_ start: Int, _ q: Int, end: Int, adjective: Bool = false) -> TimexMatch? {
        guard (1...4).contains(q) else { return nil }
        var last = end
        var y: Int?
        if let explicit = year(end) {
            y = explicit
            last = end + 1
        } else if isWord(end, W.of), let explicit = year(end + 1) {
            y = explicit
            last = end + 2
        } else if isWord(end, W.of), case .shift(.relative(let k))? = word(end + 1), isWord(end + 2, W.year) {
            y = reference.year + k
            last = end + 3
        } else if start > 0, let explicit = year(start - 1) {
            y = explicit
        }
        let year = y ?? quarterYear(q, tense: adjective ? .unmarked : tense(start, last))
        let value = TemporalValue.quarter(year: year, quarter: q)
        return TimexMatch(start: start, end: last, value: value.iso, date: value)
    }

    /// The year of a quarter named without one. Results news reports the quarter just ended and the one under
    /// way as this year's (`third-quarter profit` in October); a quarter already over is next year's only when
    /// the clause looks ahead, and one two or more ahead in a report looking back is last year's
    /// (`fourth-quarter sales` in January).
    func quarterYear(_ q: Int, tense: Tense) -> Int {
        let current = (reference.month - 1) / 3 + 1
        if q <= current {
            return q < current && tense == .future ? reference.year + 1 : reference.year
        }
        return q - current >= 2 && tense != .future ? reference.year - 1 : reference.year
    }

    /// `this summer`, `over the summer`, `next spring`: TIMEX3 season values (`2026-SU`), no calendar date.
    func season(_ i: Int, _ s: Int?) -> TimexMatch? {
        guard case .season(let season)? = word(i), !tokens[i].capitalized || i == 0 else { return nil }
        var start = i
        var year: Int
        let startMonth = season * 3
        if case .shift(.relative(let k))? = word(i - 1) {
            start = i - 1
            year = reference.year + (k > 0 && startMonth <= reference.month ? 1 : k < 0 && startMonth >= reference.month ? -1 : 0)
        } else if isWord(i - 1, W.the) {
            year = resolver.year(ofMonth: startMonth + 1, tense: tense(i - 1, i + 1))
        } else {
            return nil
        }
        if let y = self.year(i + 1) { year = y }
        let code = ["SP", "SU", "FA", "WI"][season - 1]
        return TimexMatch(start: start, end: i + 1, value: "\(CalendarDate.pad(year, 4))-\(code)")
    }

    /// The first word of its sentence, opening quotes aside: capitalised there without being a name.
    func isSentenceInitial(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, tokens[k].kind == .mark { k -= 1 }
        return k < 0
    }

    /// Nouns after `today's` that make it mean "present-day": `today's world`, `today's economy`.
    private func isGenericNoun(_ i: Int) -> Bool {
        i < tokens.count && tokens[i].kind == .word && Self.genericNouns.contains(tokens[i].hash)
    }

    private static let genericNouns: WordTable<Bool> = WordTable(set: 
        ["world", "economy", "society", "generation", "market", "markets", "environment", "climate", "era", "age",
         "youth", "standards", "politics"].map(TimexTokenizer.hash))
}
