/// Calendar dates written out: `November 1, 2025`, `1 November`, `2025-11-01`, `11/1/2025`, ranges.
extension SentenceTagger {
    /// `2025-11-01` and `11/1/2025` (US order; day first when the first number cannot be a month).
    func numericDate(_ i: Int) -> TimexMatch? {
        if let y = year(i), isMark(i + 1, 0x2D), isGlued(i + 1), isNumber(i + 2), isGlued(i + 2),
            isMark(i + 3, 0x2D), isGlued(i + 3), isNumber(i + 4), isGlued(i + 4), !isGlued(i + 5) || isMark(i + 5, 0x2E)
                || isMark(i + 5, 0x2C) || i + 5 >= tokens.count,
            let d = CalendarDate(year: y, month: tokens[i + 2].value, day: tokens[i + 4].value)
        {
            return TimexMatch(start: i, end: i + 5, value: d.description, date: .day(d), year: .given)
        }
        guard isNumber(i), tokens[i].digits <= 2, isMark(i + 1, 0x2F), isGlued(i + 1), isNumber(i + 2), isGlued(i + 2),
            tokens[i + 2].digits <= 2, isMark(i + 3, 0x2F), isGlued(i + 3), isNumber(i + 4), isGlued(i + 4)
        else { return nil }
        var y = tokens[i + 4].value
        if tokens[i + 4].digits == 2 { y += 2000 } else if tokens[i + 4].digits != 4 { return nil }
        var (m, d) = (tokens[i].value, tokens[i + 2].value)
        if m > 12 { swap(&m, &d) }
        guard let date = CalendarDate(year: y, month: m, day: d) else { return nil }
        return TimexMatch(start: i, end: i + 5, value: date.description, date: .day(date), year: .given)
    }

    /// `November 1`, `Nov. 1st, 2025`, `October 25 to 27`, `May 12 and August 10`, `November 2025`, `in May`.
    func monthFirstDate(_ i: Int) -> TimexMatch? {
        guard let (month, afterMonth) = monthName(i) else { return nil }
        var k = afterMonth
        if isMark(k, 0x2E), !isGlued(k) { k += 1 }  // `Nov .` typed loosely
        // `July 2-based` is no date, `July 2 --` (a dateline) and `Nov. 5-10` are
        guard let (day, afterDay) = dayNumber(k), !isMark(afterDay, 0x2D) || isNumber(afterDay + 1) || !isGlued(afterDay) else {
            return monthOnly(i, month: month, next: afterMonth)
        }
        var end = afterDay
        var explicitYear = explicitYearAfter(&end)
        // a range: `October 25 to 27`, `Oct. 25-27`, `May 12 and August 10`
        var endMonth: Int?
        var endDay: Int?
        if explicitYear == nil || isMark(end, 0x2D) || isRangeWord(end, after: i) {
            if isMark(end, 0x2D) || isRangeWord(end, after: i) {
                let r = end + 1
                if let (m2, after2) = monthName(r), let (d2, afterD2) = dayNumber(after2) {
                    endMonth = m2
                    endDay = d2
                    end = afterD2
                } else if let (d2, afterD2) = dayNumber(r), d2 > day, !isMark(afterD2, 0x2D) {
                    endMonth = month
                    endDay = d2
                    end = afterD2
                }
                if endDay != nil, explicitYear == nil { explicitYear = explicitYearAfter(&end) }
            }
        }
        var start = i
        if case .weekday? = word(i - 2), isMark(i - 1, 0x2C) { start = i - 2 }  // `Thursday, Oct. 30`
        else if case .weekday? = word(i - 1) { start = i - 1 }
        let first: CalendarDate?
        if let y = explicitYear { first = CalendarDate(year: y, month: month, day: day) }
        else { first = resolver.day(month: month, day: day, tense: tenseForDate(start, end)) }  // a year given needs no tense
        guard let first else { return nil }
        var match = TimexMatch(start: start, end: end, value: first.description, date: .day(first))
        match.year = explicitYear == nil ? .inferred : .given
        if let endMonth, let endDay {
            var last = CalendarDate(year: first.year, month: endMonth, day: endDay)
            if let l = last, l < first { last = CalendarDate(year: first.year + 1, month: endMonth, day: endDay) }
            match.endDate = last.map { .day($0) }
        }
        return match
    }

    /// `, 2025` or ` 2025` after a day: the year, moving `end` past it.
    private func explicitYearAfter(_ end: inout Int) -> Int? {
        // `March 5 this year`, `Dec. 2 last year`
        if case .shift(.relative(let k))? = word(end), isWord(end + 1, W.year), !isMark(end + 2, 0x27) {
            end += 2
            return reference.year + k
        }
        if isMark(end, 0x2C), let y = year(end + 1) {
            end += 2
            return y
        }
        if let y = year(end) {
            end += 1
            return y
        }
        return nil
    }

    /// `to`, `through`, `until`, or `and` after `between`: the word that joins the two ends of a range.
    private func isRangeWord(_ k: Int, after start: Int) -> Bool {
        if isWord(k, W.to) || isWord(k, W.through) || isWord(k, W.until) || isWord(k, W.thru) { return !reschedules(before: start) }
        if isWord(k, W.and) {
            var b = start - 1
            if case .weekday? = word(b) { b -= 1 }
            return isWord(b, W.between) || isWord(b - 1, W.between)
        }
        return false
    }

    /// `November 2025`, or a month alone where the words around make it a date (`since April`, `in May`).
    private func monthOnly(_ i: Int, month: Int, next: Int) -> TimexMatch? {
        // `January this year`, `June last year`, `April next year`: one expression, the year counted from the reference
        if case .shift(.relative(let k))? = word(next), isWord(next + 1, W.year), !isMark(next + 2, 0x27) {
            let y = reference.year + k
            return TimexMatch(start: i, end: next + 2, value: TemporalValue.month(year: y, month: month).iso,
                date: .month(year: y, month: month))
        }
        if let y = year(next) {
            return TimexMatch(start: i, end: next + 1, value: TemporalValue.month(year: y, month: month).iso,
                date: .month(year: y, month: month))
        }
        if isMark(next, 0x2C), let y = year(next + 1), !isNumber(next + 2) {
            return TimexMatch(start: i, end: next + 2, value: TemporalValue.month(year: y, month: month).iso,
                date: .month(year: y, month: month))
        }
        guard case .month(_, let abbreviation)? = word(i), !abbreviation else { return nil }
        // `the January-November period`: months of one year, dated by where the span ends
        if isMark(next, 0x2D), isGlued(next), isGlued(next + 1), let (last, afterLast) = monthName(next + 1) {
            let endYear = resolver.year(ofMonth: last, tense: tenseForDate(i, afterLast))
            let startYear = month <= last ? endYear : endYear - 1
            let first = TemporalValue.month(year: startYear, month: month)
            var m = TimexMatch(start: i, end: afterLast, value: first.iso, date: first)
            m.endDate = .month(year: endYear, month: last)
            return m
        }
        let prepositionBefore = i > 0 && tokens[i - 1].kind == .word && W.datePrepositions.contains(tokens[i - 1].hash)
        // `may`/`march` are verbs too: the month needs a preposition; other months need only not start the sentence
        let ambiguous = month == 5 || month == 3
        guard prepositionBefore || (!ambiguous && i > 0) || isMark(next, 0x27) else { return nil }
        // `a "July package" deal`, `the 'September accord'`: a month opening a quoted name is part of the name
        if !prepositionBefore, isMark(i - 1, 0x22) || isMark(i - 1, 0x27), isGlued(i), next < tokens.count, tokens[next].kind == .word {
            return nil
        }
        if case .shift(.relative(let k))? = word(i - 1), tokens[i - 1].kind == .word {
            // `last March`, `next May`, `this November`
            let y: Int
            switch k {
            case 1: y = month > reference.month ? reference.year : reference.year + 1
            case -1: y = month < reference.month ? reference.year : reference.year - 1
            default: y = reference.year
            }
            return TimexMatch(start: i - 1, end: next, value: TemporalValue.month(year: y, month: month).iso,
                date: .month(year: y, month: month))
        }
        // `will release April retail sales figures`: the month a statistic covers is over when it is published
        let value = resolver.month(month, year: nil, tense: namesStatistic(next) ? .past : tenseForDate(i, next))
        return TimexMatch(start: i, end: next, value: value.iso, date: value)
    }

    /// A statistic's noun within three words after a month (`September trade data`, `April retail sales figures`).
    private func namesStatistic(_ next: Int) -> Bool {
        for k in next..<min(next + 3, tokens.count) {
            guard tokens[k].kind == .word, !tokens[k].capitalized else { return false }
            if Self.statisticNouns.contains(tokens[k].hash) { return true }
        }
        return false
    }

    static let statisticNouns: WordTable<Bool> = WordTable(set:
        ["data", "figures", "statistics", "numbers", "sales", "payrolls", "readings", "exports", "imports", "inflation"]
            .map(TimexTokenizer.hash))

    /// `1 November`, `1st of November 2025`, `from 25 to 27 October`.
    func dayFirstDate(_ i: Int) -> TimexMatch? {
        guard let (day, afterDay) = dayNumber(i) else { return nil }
        var k = afterDay
        var endDay: Int?
        let joined = isWord(k, W.to) || isWord(k, W.through) || isWord(k, W.until) ? !reschedules(before: i) : isMark(k, 0x2D) || isWord(k, W.and)
        if joined, let (d2, after2) = dayNumber(k + 1), d2 > day
        {
            endDay = d2
            k = after2
        }
        if isWord(k, W.of) { k += 1 }
        guard let (month, afterMonth) = monthName(k) else { return nil }
        var end = afterMonth
        var explicit = explicitYearAfter(&end)
        // `30 November to 2 December (2025)`: a range across months
        var endMonth = month
        if endDay == nil, explicit == nil, isMark(end, 0x2D) || (isWord(end, W.to) || isWord(end, W.through)
            || isWord(end, W.until)) && !reschedules(before: i), let (d2, after2) = dayNumber(end + 1)
        {
            var m = after2
            if isWord(m, W.of) { m += 1 }
            if let (month2, afterMonth2) = monthName(m) {
                endDay = d2
                endMonth = month2
                end = afterMonth2
                explicit = explicitYearAfter(&end)
            }
        }
        var startYear = explicit
        if let y = explicit, endMonth < month { startYear = y - 1 }  // `30 December to 2 January 2026`
        let first: CalendarDate?
        if let y = startYear { first = CalendarDate(year: y, month: month, day: day) }
        else { first = resolver.day(month: month, day: day, tense: tenseForDate(i, end)) }
        guard let first else { return nil }
        var match = TimexMatch(start: i, end: end, value: first.description, date: .day(first))
        match.year = startYear == nil ? .inferred : .given
        if let endDay, var last = CalendarDate(year: first.year, month: endMonth, day: endDay) {
            if last < first, let next = CalendarDate(year: first.year + 1, month: endMonth, day: endDay) { last = next }
            match.endDate = .day(last)
        }
        return match
    }

    /// `in 2026`, `since 2018`, `the 1990s`: a year alone only after a word that makes it a date, so
    /// `the 2020 Phase One agreement` and `Section 2025` stay names.
    func bareYear(_ i: Int) -> TimexMatch? {
        guard let y = year(i) else { return nil }
        if isWord(i + 1, W.s), isGlued(i + 1), y % 10 == 0 {
            return TimexMatch(start: i, end: i + 2, value: String(y / 10))
        }
        if isMark(i + 1, 0x2D), isGlued(i + 1), isNumber(i + 2), isGlued(i + 2) { return nil }
        // `the 1988 third quarter`
        if case .ordinal(let q)? = word(i + 1), isWord(i + 2, W.quarter) || isMark(i + 2, 0x2D) && isWord(i + 3, W.quarter),
            var m = quarter(i + 1, q, end: isMark(i + 2, 0x2D) ? i + 4 : i + 3)
        {
            m.start = isWord(i - 1, W.the) ? i - 1 : i
            return m
        }
        // `the 1988 period` in results news: that year's quarter, as `the year-ago period` is
        if isWord(i - 1, W.the), isWordIn(i + 1, Self.periodNouns), y < reference.year {
            var m = TimexMatch(start: i, end: i + 1, value: Self.yearValue(y), date: .year(y))
            m.yearsBack = reference.year - y
            return m
        }
        guard i > 0, tokens[i - 1].kind == .word, W.datePrepositions.contains(tokens[i - 1].hash) else {
            // `the 1996 Olympic bombing`: still a year for TIMEX3, but a name, so no calendar value
            guard (1900...2099).contains(y), !isMark(i - 1, 0x24), !isMark(i - 1, 0x23), !isGlued(i) || i == 0,
                i + 1 >= tokens.count || tokens[i + 1].kind != .word || !W.quantityWords.contains(tokens[i + 1].hash)
            else { return nil }
            if case .unit? = word(i + 1) { return nil }
            return TimexMatch(start: i, end: i + 1, value: Self.yearValue(y))
        }
        return TimexMatch(start: i, end: i + 1, value: Self.yearValue(y), date: .year(y))
    }

    /// The TIMEX3 value of a year `year(_:)` read (1800 to 2199, four digits): the string `TemporalValue.iso` writes
    /// for it, the same text as `String(y)`, which went through `description` at some 230 instructions a year.
    static func yearValue(_ y: Int) -> String {
        TemporalValue.year(y).iso
    }
}
