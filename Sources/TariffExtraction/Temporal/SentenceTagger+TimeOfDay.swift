/// Times of day: `12:01 a.m.`, `5 p.m. EDT`, `14:30 GMT`.
///
/// News gives them for the moment a measure starts (`at 12:01 a.m. on Friday`). A time joined to a
/// day (`… on Friday`, `Aug. 7 at 12:01 a.m.`) makes one TIME expression dated by that day, so the
/// words before it still tell what happens then; a time alone is anchored to the reference date and
/// dates nothing.
extension SentenceTagger {
    /// A time of day starting at token `i`, with the day that follows it when one does.
    func timeOfDay(_ i: Int) -> TimexMatch? {
        guard let (hour, minute, end) = clockTime(i) else { return nil }
        var next = end
        if isWord(next, W.on) || isMark(next, 0x2C) { next += 1 }
        if next < tokens.count, let day = match(at: next), day.type == .date, let date = day.date, date.granularity == .day,
            day.endDate == nil
        {
            let d = date.firstDay
            return TimexMatch(
                start: i, end: day.end, type: .time, value: Self.timeValue(d, hour, minute), date: date,
                beforeReference: day.beforeReference)
        }
        return TimexMatch(start: i, end: end, type: .time, value: Self.timeValue(reference, hour, minute))
    }

    /// `at 12:01 a.m.` right after a day's match: the two become one TIME expression.
    ///
    /// Inlined for its first test, which three matches in four (no single day) fail: the call, which saved and
    /// restored a dozen registers, cost more than the test.
    @inline(__always)
    func addTimeOfDay(to m: inout TimexMatch) {
        guard m.type == .date, m.endDate == nil, let date = m.date, date.granularity == .day else { return }
        addTimeOfDay(to: &m, day: date.firstDay)
    }

    /// `addTimeOfDay(to:)` for a match of the one day `day`.
    private func addTimeOfDay(to m: inout TimexMatch, day: CalendarDate) {
        // `Friday morning`, `Wednesday night`: one TIME, the day with its part
        if m.end < tokens.count, tokens[m.end].kind == .word, let part = Self.partOfDay(tokens[m.end].hash) {
            m.end += 1
            m.type = .time
            m.value = day.description + "T" + part
            return
        }
        let at = isWord(m.end, W.at) || isMark(m.end, 0x2C) ? m.end + 1 : m.end
        guard let (hour, minute, end) = clockTime(at) else { return }
        m.end = end
        m.type = .time
        m.value = Self.timeValue(day, hour, minute)
    }

    /// `12:01`, `12:01 a.m.`, `5 p.m.`, `5pm`, each with an optional time zone: hour (0–23), minute, end.
    private func clockTime(_ i: Int) -> (hour: Int, minute: Int, end: Int)? {
        guard isNumber(i), tokens[i].digits <= 2 else { return nil }
        var hour = tokens[i].value
        var minute = 0
        var k = i + 1
        if isMark(k, 0x3A), isGlued(k), isNumber(k + 1), isGlued(k + 1), tokens[k + 1].digits == 2 {
            minute = tokens[k + 1].value
            k += 2
        }
        let hasMinutes = k > i + 1
        if let (afternoon, after) = meridiem(k) {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (afternoon ? 12 : 0)
            k = after
        } else if !hasMinutes {
            return nil  // a bare number is not a time
        }
        guard hour <= 23, minute <= 59 else { return nil }
        if k < tokens.count, tokens[k].kind == .word, Self.zones.contains(tokens[k].hash) { k += 1 }
        return (hour, minute, k)
    }

    /// `a.m.`, `p.m.`, `am`, `PM`: whether it is the afternoon, and the index after it.
    private func meridiem(_ k: Int) -> (afternoon: Bool, next: Int)? {
        guard k < tokens.count, tokens[k].kind == .word else { return nil }
        let h = tokens[k].hash
        if h == W.am || h == W.pm { return (h == W.pm, k + 1) }
        // `a.m.` is the words `a` and `m` with periods between
        guard h == W.a || h == W.p, isMark(k + 1, 0x2E), isGlued(k + 1), isWord(k + 2, W.m), isGlued(k + 2) else {
            return nil
        }
        let end = isMark(k + 3, 0x2E) && isGlued(k + 3) ? k + 4 : k + 3
        return (h == W.p, end)
    }

    static func timeValue(_ day: CalendarDate, _ hour: Int, _ minute: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day.description)T\(two(hour)):\(two(minute))"
    }

    /// The TIMEX3 part of the day a word names (compared with literal hashes: this runs for every day found).
    static func partOfDay(_ hash: UInt64) -> String? {
        switch hash {
        case W.morning: return "MO"
        case W.afternoon: return "AF"
        case W.evening: return "EV"
        case W.night: return "NI"
        default: return nil
        }
    }


    /// Time zones news prints after a time.
    private static let zones: WordTable<Bool> = WordTable(set:
        ["et", "edt", "est", "ct", "cdt", "cst", "pt", "pdt", "pst", "gmt", "utc", "bst", "cet", "cest", "jst", "kst",
         "hkt", "sgt", "ist"].map(TimexTokenizer.hash))
}
