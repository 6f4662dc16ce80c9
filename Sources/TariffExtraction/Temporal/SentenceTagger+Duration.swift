/// Counted periods: `90 days`, `a 90-day truce`, `two weeks ago`, `in two weeks`, `within 90 days`.
extension SentenceTagger {
    func duration(_ i: Int) -> TimexMatch? {
        var count: Int
        var unitIndex = i + 1
        switch tokens[i].kind {
        case .number:
            guard tokens[i].digits <= 4, tokens[i].value > 0, tokens[i].value <= 1000 else { return nil }
            count = tokens[i].value
        case .word:
            if isWord(i, W.a) || isWord(i, W.an) {
                count = 1
                if case .number(-1)? = word(i + 1) {
                    count = -1
                    unitIndex = i + 2
                }
            } else if case .number(let n)? = word(i) {
                count = n
            } else {
                return nil
            }
        case .mark:
            return nil
        }
        // `5 1/2 hours`, `2 1/2 years`
        var half = false
        if tokens[i].kind == .number, isNumber(unitIndex), tokens[unitIndex].value == 1, isMark(unitIndex + 1, 0x2F),
            isGlued(unitIndex + 1), isNumber(unitIndex + 2), tokens[unitIndex + 2].value == 2, isGlued(unitIndex + 2)
        {
            half = true
            unitIndex += 3
        }
        let hyphenated = isMark(unitIndex, 0x2D) && isGlued(unitIndex) && isGlued(unitIndex + 1)
        if hyphenated { unitIndex += 1 }
        guard case .unit(let unit, let plural)? = word(unitIndex), unit != .weekend else { return nil }
        // `three-quarters of its food` is a share
        if unit == .quarter, isWord(unitIndex + 1, W.of) { return nil }
        // `2 day` alone is not English; `90-day` is, and so is `a two day rally`
        if !hyphenated && count > 1 && !plural && !isWordIn(unitIndex + 1, Self.compoundNouns) { return nil }
        let end = unitIndex + 1
        // ages: `25-year-old`, `25 years old`
        if isWord(end, W.old) || (isMark(end, 0x2D) && isWord(end + 1, W.old)) { return nil }
        // `one` counts like a digit (`one year after`), except `One day, …` opening a sentence (some day)
        let one = isWord(i, Self.one) && !(unit == .day && isSentenceInitial(i))
        let article = tokens[i].kind == .word && count == 1 && !one
        let before = i > 0 && tokens[i - 1].kind == .word ? tokens[i - 1].hash : 0
        // `nearly an hour`, `barely a month`, `less than a decade`, `as long as a month`, `in about a week`
        let bounded = isWordIn(i - 1, Self.approximators) || isWord(i - 1, Self.than) && isWordIn(i - 2, Self.boundLeads)
            || isWord(i - 1, Self.least) && isWord(i - 2, W.at) || isWord(i - 1, Self.asWord) && isWord(i - 2, Self.long)
        if half {
            let value = Self.durationValue(count, unit)
            guard case .unit(let u, true)? = word(unitIndex), u != .quarter, u != .decade, let letter = value.last else { return nil }
            return TimexMatch(start: i, end: end, type: .duration, value: String(value.dropLast()) + ".5" + String(letter))
        }
        // `three months later than planned`, `a week earlier than expected`: the size of a delay or an advance, two
        // times compared, neither of them this span's end; a span, not a date
        if count > 0, !hyphenated, isWord(end, W.earlier) || isWord(end, W.later), isWord(end + 1, Self.than) {
            return TimexMatch(start: i, end: end, type: .duration, value: Self.durationValue(count, unit))
        }
        // `two weeks ago`; `a year earlier`, `three days later` (read from the reference date)
        if count > 0, !hyphenated, isWord(end, W.ago) || isWord(end, W.earlier) || isWord(end, W.later) {
            guard let date = shifted(by: isWord(end, W.later) ? count : -count, unit) else { return nil }
            var m = TimexMatch(start: i, end: end + 1, value: date.iso, date: date)
            if unit == .year, !isWord(end, W.later) { m.yearsBack = count }
            return m
        }
        if article && !bounded && !(before == W.in_ || before == W.within || before == W.for_ || before == W.over) { return nil }
        // the value written only now: most spans asked about are dated (`two weeks ago`) or turned down (`a year`)
        var match = TimexMatch(start: i, end: end, type: .duration, value: Self.durationValue(count, unit))
        // `a year-long truce` describes a span; `its fastest pace in three years` looks back over one
        let adjective = isMark(end, 0x2D) && isGlued(end) && isGlued(end + 1)
        let lookingBack = (max(0, i - 5)..<max(0, i - 1)).contains { isWordIn($0, W.superlatives) }
        if !hyphenated, !adjective, !lookingBack, count > 0, before == W.in_ || before == W.within {
            // the deadline the span points to: `within 90 days` of the reference
            match.date = shiftedDay(by: count, unit).map { .day($0) }
        }
        return match
    }

    static let one: UInt64 = 0xbabc_9c14_cbf4_b6ab  // "one"
    static let than: UInt64 = 0xf3b6_4db8_8902_d3ed  // "than"
    static let least: UInt64 = 0x6ccd_2ed5_1693_09ae  // "least"
    /// Nouns a number and a singular unit describe without a hyphen: `a two day rally`, `a three year plan`.
    static let compoundNouns: WordTable<Bool> = WordTable(set:
        ["rally", "visit", "trip", "meeting", "meetings", "talks", "conference", "summit", "session", "strike", "tour",
         "plan", "program", "programme", "period", "truce", "ceasefire", "cease-fire", "break", "holiday", "event",
         "festival", "stay", "term", "deadline", "moratorium", "suspension", "ban", "window", "extension", "delay",
         "high", "low", "contract", "deal", "agreement", "exemption", "waiver", "review", "investigation"]
            .map(TimexTokenizer.hash))

    /// `P90D`, `P2W`, `P3M`, `P1Y`, `PT2H`; `X` for an unknown count (`several years`).
    ///
    /// Written byte by byte into a small string: the interpolation, with `String(count)`, cost some 700
    /// instructions a value, more than the rest of most matches.
    static func durationValue(_ count: Int, _ unit: TimeUnit) -> String {
        // the count in the value's unit (quarters in months, decades in years; -1 for `X`), its letter, and
        // whether it is a time (`PT`)
        let n: Int, letter: UInt8, time: Bool
        switch unit {
        case .day: (n, letter, time) = (count, 0x44, false)  // D
        case .week, .weekend: (n, letter, time) = (count, 0x57, false)  // W
        case .month: (n, letter, time) = (count, 0x4D, false)  // M
        case .quarter: (n, letter, time) = (count < 0 ? -1 : 3 * count, 0x4D, false)
        case .year: (n, letter, time) = (count, 0x59, false)  // Y
        case .decade: (n, letter, time) = (count < 0 ? -1 : 10 * count, 0x59, false)  // decades are counted in years
        case .hour: (n, letter, time) = (count, 0x48, true)  // H
        case .minute: (n, letter, time) = (count, 0x4D, true)
        }
        // `P`, `T`, twelve digits and the letter fit a small string; no count read from a text has more digits
        guard n < 1_000_000_000_000 else { return "P" + (time ? "T" : "") + String(n) + String(UnicodeScalar(letter)) }
        return String(unsafeUninitializedCapacity: 15) { out in
            var k = 0
            out[k] = 0x50  // P
            k &+= 1
            if time {
                out[k] = 0x54  // T
                k &+= 1
            }
            if n < 0 {
                out[k] = 0x58  // X
                k &+= 1
            } else {
                var digits = 1
                var rest = n
                while rest >= 10 {
                    rest /= 10
                    digits &+= 1
                }
                rest = n
                for d in stride(from: k &+ digits &- 1, through: k, by: -1) {
                    out[d] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
                    rest /= 10
                }
                k &+= digits
            }
            out[k] = letter
            return k &+ 1
        }
    }

    /// The period `count` units from the reference, at that unit's granularity (`two weeks ago`: a week).
    func shifted(by count: Int, _ unit: TimeUnit) -> TemporalValue? {
        switch unit {
        case .day: return .day(reference.adding(days: count))
        case .week: return .week(containing: reference.adding(days: 7 * count))
        case .month:
            let d = reference.adding(months: count)
            return .month(year: d.year, month: d.month)
        case .quarter: return resolver.period(.quarter, offset: count)
        case .year: return .year(reference.year + count)
        case .decade: return .year(reference.year + 10 * count)
        case .weekend, .hour, .minute: return nil
        }
    }

    /// The day `count` units after the reference: `within 90 days`, `in two weeks`, `in three months`.
    func shiftedDay(by count: Int, _ unit: TimeUnit) -> CalendarDate? {
        switch unit {
        case .day: return reference.adding(days: count)
        case .week: return reference.adding(days: 7 * count)
        case .month: return reference.adding(months: count)
        case .quarter: return reference.adding(months: 3 * count)
        case .year: return reference.adding(months: 12 * count)
        case .decade: return reference.adding(months: 120 * count)
        case .weekend, .hour, .minute: return nil
        }
    }

    /// `take effect 15 days after the announcement on March 8`, `within 90 days of June 1`: a span followed by
    /// `after`/`of`/`from` and, in the same clause, a calendar day ends that many units after that day.
    func anchorSpans(_ found: inout [TimexMatch]) {
        for n in found.indices where found[n].type == .duration && n + 1 < found.count {
            let m = found[n]
            let anchor = found[n + 1]
            guard let anchorDate = anchor.date, anchorDate.granularity == .day, anchor.endDate == nil, anchor.start - m.end <= 10,
                isWord(m.end, W.after) || isWord(m.end, W.of) || isWord(m.end, W.from),
                !(m.end..<anchor.start).contains(where: { tokens.isClauseBreak($0) }),
                let counted = Self.countAndUnit(m.value)
            else { continue }
            let (count, unit) = counted
            let day = anchorDate.firstDay
            let end: CalendarDate
            switch unit {
            case .day: end = day.adding(days: count)
            case .week: end = day.adding(days: 7 * count)
            case .month: end = day.adding(months: count)
            case .year: end = day.adding(months: 12 * count)
            default: continue
            }
            found[n].date = .day(end)
            found[n].anchored = true
        }
    }

    /// `P15D` → (15, day): the count and unit `durationValue` wrote, for the units a calendar can add.
    /// Read from the value's UTF-8 in place: an array of its bytes and a string of its digits cost two
    /// allocations and their release a call.
    static func countAndUnit(_ value: String) -> (Int, TimeUnit)? {
        let u = value.utf8
        guard u.count >= 3, u.first == 0x50, let last = u.last else { return nil }
        let unit: TimeUnit
        switch last {
        case 0x44: unit = .day
        case 0x57: unit = .week
        case 0x4D: unit = .month
        case 0x59: unit = .year
        default: return nil
        }
        // (a time, `PT5M`, has its `T` among the digits: none)
        guard let count = Int(Substring(u.dropFirst().dropLast())) else { return nil }
        return (count, unit)
    }
}
