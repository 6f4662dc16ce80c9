/// Weekdays: `on Saturday`, `next Thursday`, `Saturday's session`, `Sunday and Monday`.
extension SentenceTagger {
    func weekdayDate(_ i: Int) -> TimexMatch? {
        guard case .weekday(let weekday)? = word(i), tokens[i].capitalized else { return nil }
        // `Thursday, Oct. 30`: the calendar date decides
        let dateStart = isMark(i + 1, 0x2C) ? i + 2 : i + 1
        if case .month? = word(dateStart), let m = monthFirstDate(dateStart), m.start == i { return m }
        // `Wednesday, 9 July`
        if isNumber(dateStart), var m = dayFirstDate(dateStart) {
            m.start = i
            return m
        }
        // `Black Friday`, `Super Tuesday`: a capitalised word before makes it a name
        if i > 0, tokens[i - 1].kind == .word, tokens[i - 1].capitalized, Self.holidayWords.contains(tokens[i - 1].hash) {
            return nil
        }
        var start = i
        var shift: Int?
        if case .shift(.relative(let k))? = word(i - 1) {
            shift = k
            start = i - 1
        }
        // `told a news conference on Tuesday that …`: the day something was said has passed
        // read only when the weekday's date depends on it
        var told = DeadlineKindReader(tokens: tokens).isStatementDate(start, i + 1) ? .past : tense(start, i + 1)
        // `drop the duty by Friday`, `until Monday`: a limit with no tense of its own is set ahead; so is a start after
        // what starts (`tariffs on $16.6 billion of goods starting Sunday`), but not one opening a sentence or clause whose
        // verb may be a past (`SHANGHAI, July 2 -- Starting Sunday, China cut import tariffs`)
        if told == .unmarked, shift == nil,
            tokens.isLimitWord(start - 1) || start > 1 && tokens[start - 2].kind == .word && isWordIn(start - 1, Self.startWords)
        {
            told = .future
        }
        let date = resolver.weekday(weekday, shift: shift, tense: told)
        var match = TimexMatch(start: start, end: i + 1, value: date.description, date: .day(date))
        if shift == nil { match.bareWeekday = weekday }
        // `Sunday and Monday`, `Monday to Wednesday`, `Monday-Wednesday`
        let joiner = i + 1
        if isWord(joiner, W.and) || isWord(joiner, W.to) || isWord(joiner, W.through) || isWord(joiner, W.until)
            || (isMark(joiner, 0x2D) && isGlued(joiner + 1)),
            case .weekday(let second)? = word(joiner + 1), tokens[joiner + 1].capitalized
        {
            let span = (second - weekday + 7) % 7
            if span > 0 && span <= 4 {
                match.end = joiner + 2
                match.endDate = .day(date.adding(days: span))
            }
        }
        return match
    }

    /// Words that make a weekday a name: `Black Friday`, `Super Tuesday`, `Easter Sunday`.
    static let holidayWords: WordTable<Bool> = WordTable(set: 
        ["black", "good", "super", "cyber", "ash", "holy", "maundy", "easter", "palm", "bloody", "giving", "small",
         "whit", "shrove", "fat", "blue", "orthodox"].map(TimexTokenizer.hash))
}

/// Holidays: `Christmas`, `Christmas Eve`, `Thanksgiving Day`, `Independence Day`, `Halloween`.
extension SentenceTagger {
    func holiday(_ i: Int, _ h: Holiday) -> TimexMatch? {
        guard tokens[i].capitalized else { return nil }
        var end = i + 1
        let day = isWord(end, Self.dayWord) && tokens[end].capitalized
        let eve = isWord(end, Self.eveWord) && tokens[end].capitalized
        if day || eve { end += 1 }
        // `independence` alone is a noun; the holiday is `Independence Day`
        if h == .independence && !day { return nil }
        // `the Christmas season`, `the Thanksgiving rush`: weeks around the day, no date of their own
        if !day && !eve, end < tokens.count, tokens[end].kind == .word, Self.seasonWords.contains(tokens[end].hash) { return nil }
        let (month, dayOfMonth): (Int, Int)
        switch h {
        case .christmas: (month, dayOfMonth) = (12, eve ? 24 : 25)
        case .halloween: (month, dayOfMonth) = (10, 31)
        case .independence: (month, dayOfMonth) = (7, 4)
        case .thanksgiving:
            // the fourth Thursday of November
            let year = resolver.year(ofMonth: 11, tense: tense(i, end))
            guard let first = CalendarDate(year: year, month: 11, day: 1) else { return nil }
            let date = first.adding(days: (4 - first.weekday + 7) % 7 + 21)
            return TimexMatch(start: i, end: end, value: date.description, date: .day(date))
        }
        guard let date = resolver.day(month: month, day: dayOfMonth, tense: tense(i, end)) else { return nil }
        return TimexMatch(start: i, end: end, value: date.description, date: .day(date))
    }

    static let seasonWords: WordTable<Bool> = WordTable(set:
        ["season", "seasons", "holidays", "holiday", "period", "rush", "shopping", "quarter", "week", "weeks"].map(TimexTokenizer.hash))

    static let dayWord: UInt64 = 0xa949_f3b9_ce99_b8ba  // "day"
    static let eveWord: UInt64 = 0x6f3a_b078_5029_e8f3  // "eve"
}
