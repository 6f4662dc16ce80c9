/// `The pact was signed on May 22, 2019, and took effect the following year`, `killed on Oct. 23. Earlier that
/// day, …`, `published on Dec. 9; the duties apply from the next day`: periods an article counts from the date it
/// told last, not from the day it was written.
extension TemporalTagger {
    /// How many sentences back the date an anaphor counts from may be; further away, the reference date stands.
    static let anaphorReach = 3

    /// Moves each anaphoric period to the date it counts from: the nearest date before it, within
    /// `anaphorReach` sentences, precise enough for its unit (a day for `the next day`, a month for `the following
    /// month`). Without one, `the next day` keeps the value read from the reference date, and `that day` is no
    /// expression: with nothing dated before it, it is generic (`you have strong redemptions that day`).
    static func resolveAnaphors(_ timexes: inout [TaggedTimex], _ anaphors: [(timex: Int, anaphor: Anaphor)]) {
        var generic: [Int] = []
        for (index, anaphor) in anaphors {
            let sentence = timexes[index].sentenceIndex
            var k = index - 1
            var resolved = false
            while k >= 0, sentence - timexes[k].sentenceIndex <= anaphorReach {
                if let anchor = anchorValue(timexes[k]), let moved = counted(anaphor, from: anchor) {
                    timexes[index].value = moved.iso
                    if timexes[index].date != nil { timexes[index].date = moved }
                    timexes[index].beforeReference = false
                    resolved = true
                    break
                }
                k -= 1
            }
            if !resolved, anaphor.offset == 0 { generic.append(index) }
        }
        for index in generic.reversed() { timexes.remove(at: index) }
    }

    /// A calendar value of a dated expression (`Oct. 23`, `June 1998`, `Friday morning`), or nil for spans,
    /// sets and the vague (`now`, `recently`).
    private static func anchorValue(_ timex: TaggedTimex) -> TemporalValue? {
        guard timex.type == .date || timex.type == .time else { return nil }
        if let date = timex.date { return date }
        // a date of saying keeps its value without a `date`; a time of day's value starts with its day
        let value = timex.value.utf8.count > 10 && timex.type == .time ? String(timex.value.prefix(10)) : timex.value
        return TemporalValue(iso: value)
    }

    /// The period `anaphor` names, counted from `anchor`, or nil when the anchor is vaguer than its unit.
    private static func counted(_ anaphor: Anaphor, from anchor: TemporalValue) -> TemporalValue? {
        let day = anchor.firstDay
        switch (anaphor.unit, anchor.granularity) {
        case (.day, .day): return .day(day.adding(days: anaphor.offset))
        case (.week, .day), (.week, .week): return .week(containing: day.adding(days: 7 * anaphor.offset))
        case (.month, .day), (.month, .month):
            let d = CalendarDate(year: day.year, month: day.month, day: 1)!.adding(months: anaphor.offset)
            return .month(year: d.year, month: d.month)
        case (.quarter, .day), (.quarter, .month), (.quarter, .quarter):
            let index = day.year * 4 + (day.month - 1) / 3 + anaphor.offset
            return .quarter(year: index / 4, quarter: index % 4 + 1)
        case (.year, _): return .year(day.year + anaphor.offset)
        default: return nil
        }
    }
}
