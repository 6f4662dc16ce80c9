/// Turns dated expressions into deadlines: kind, subject, upcoming, one entry per event.
struct DeadlineFinder: Sendable {
    let referenceDate: CalendarDate

    func deadlines(in document: TextDocument, tags: TemporalTags) -> [Deadline] {
        let timexes = tags.timexes
        var found: [Deadline] = []
        let filter = BoilerplateFilter(document: document)
        var t = 0
        while t < timexes.count {
            let sentence = timexes[t].sentenceIndex
            var last = t
            while last < timexes.count && timexes[last].sentenceIndex == sentence { last += 1 }
            defer { t = last }
            guard timexes[t..<last].contains(where: { $0.date != nil && !$0.beforeReference }) else { continue }
            let tokens = tags.tokens[sentence]
            if filter.isBoilerplate(sentence, tokens: tokens) { continue }
            for timex in timexes[t..<last] where !isSuperseded(timex, among: timexes[t..<last], tokens: tokens) {
                if let d = deadline(timex, document: document, tokens: tokens) { found.append(d) }
            }
        }
        return Self.merged(found)
    }

    private func deadline(_ timex: TaggedTimex, document: TextDocument, tokens: [TimexToken]) -> Deadline? {
        guard let date = timex.date, !timex.beforeReference else { return nil }
        guard let lower = tokens.firstIndex(where: { $0.start >= timex.bytes.lowerBound }) else { return nil }
        var upper = lower
        while upper < tokens.count && tokens[upper].end <= timex.bytes.upperBound { upper += 1 }
        let kindReader = DeadlineKindReader(tokens: tokens)
        // `said on Thursday`: when something was said is not an event the article commits to
        if kindReader.isStatementDate(lower, upper) { return nil }
        let (kind, cue) = kindReader.kind(lower, upper, isRange: timex.endDate != nil)
        // `by 2020`, `next year's election`: a year alone is a goal or an era; only a measure's start or end
        // (`the duties take effect in 2026`) is concrete enough to alert on
        if date.granularity == .year && kind != .effective && kind != .expiry { return nil }
        // `a fourth-quarter charge`, `losses to continue into the fourth quarter`: a quarter with no event is a
        // period of results
        if date.granularity == .quarter && kind == .other { return nil }
        // `good news for exporters today`, `the prices we are seeing today`: today with no event is the present
        if kind == .other, date == .day(referenceDate), document.string(timex.bytes).lowercased() == "today" { return nil }
        let gate = DeadlineGate(bytes: document.bytes, tokens: tokens)
        if timex.type == .duration && !timex.anchored && !gate.isCountedDeadline(timex, lower, upper, kind: kind) {
            return nil
        }
        if gate.rejection(lower, upper, kind: kind, granularity: date.granularity) != nil { return nil }
        // a stated range that began before the article (`the expo, held Nov. 5-10`) is under way, not ahead
        let span = timex.endDate == nil || date.firstDay >= referenceDate ? timex.endDate ?? date : date
        // told in the past tense, an event dated today or earlier has already happened
        let happened = timex.tense == .past && date.firstDay <= referenceDate && kind != .expiry
        let range = document.sentences[timex.sentenceIndex]
        return Deadline(
            date: date, endDate: timex.endDate, kind: kind,
            upcoming: span.isUpcoming(relativeTo: referenceDate) && !happened,
            subject: SubjectReader(bytes: document.bytes, tokens: tokens).subject(dateStart: lower, dateEnd: upper, cue: cue),
            text: document.string(timex.bytes), sentence: document.string(range),
            start: document.scalarOffset(ofByte: timex.bytes.lowerBound),
            end: document.scalarOffset(ofByte: timex.bytes.upperBound))
    }

    /// `pushed back to Aug. 12 from Aug. 1`, `delayed from July 9 to Aug. 1`: the `from` date of a
    /// rescheduling is the one that no longer holds.
    private func isSuperseded(_ timex: TaggedTimex, among sentence: ArraySlice<TaggedTimex>, tokens: [TimexToken]) -> Bool {
        func word(before byte: Int) -> UInt64? {
            guard let k = tokens.firstIndex(where: { $0.start >= byte }), k > 0, tokens[k - 1].kind == .word else { return nil }
            return tokens[k - 1].hash
        }
        guard sentence.count > 1, word(before: timex.bytes.lowerBound) == W.from else { return false }
        let newDate = sentence.contains { other in
            guard other.bytes != timex.bytes, let h = word(before: other.bytes.lowerBound) else { return false }
            return h == W.to || h == W.until
        }
        let table = W.rescheduling
        return newDate && tokens.contains { $0.end <= timex.bytes.lowerBound && $0.kind == .word && table.contains($0.hash) }
    }

    /// One entry per (date, end): an article that dates the same day twice (`the truce expires Nov. 10`,
    /// `tariffs snap back on Nov. 10`) tells of one event, named by its first mention with a kind other
    /// than `other`. A vaguer mention of an event a precise one dates is dropped (`next week` beside
    /// `next Thursday` for the same meeting, `Saturday` inside `October 25 to 27`).
    static func merged(_ deadlines: [Deadline]) -> [Deadline] {
        struct Span {
            var first: Int
            var last: Int
            var kind: DeadlineKind
            var ranged: Bool
            var day: Bool
            var upcoming: Bool
            var key: TemporalValue
            var end: TemporalValue?
            /// Written with a number (`Oct. 30`), not only named (`Saturday`, `next week`).
            var calendar: Bool
        }
        let spans = deadlines.map {
            Span(
                first: $0.date.firstDay.daysSinceEpoch, last: ($0.endDate ?? $0.date).lastDay.daysSinceEpoch, kind: $0.kind,
                ranged: $0.endDate != nil, day: $0.date.granularity == .day, upcoming: $0.upcoming, key: $0.date,
                end: $0.endDate, calendar: $0.text.utf8.contains(where: \.isASCIIDigit))
        }
        var kept: [Int] = []
        for (i, d) in spans.enumerated() {
            var subsumed = false
            for (j, e) in spans.enumerated() where j != i && e.kind == d.kind && e.first >= d.first && e.last <= d.last {
                // e is inside d: d is vaguer when it spans more days and is a single period, not a range
                if e.upcoming == d.upcoming, e.last - e.first < d.last - d.first, !d.ranged, !d.day {
                    subsumed = true
                    break
                }
            }
            if !subsumed, !d.ranged, d.day, !d.calendar {
                // a weekday inside a range of the same event: `on Saturday` beside `October 25 to 27`; a
                // calendar date inside one (`debate a bill on Oct. 30` during a window to Nov. 30) is its own
                subsumed = spans.contains { $0.ranged && $0.kind == d.kind && $0.first <= d.first && $0.last >= d.last }
            }
            if subsumed { continue }
            if let c = kept.firstIndex(where: { spans[$0].key == d.key && spans[$0].end == d.end }) {
                if spans[kept[c]].kind == .other && d.kind != .other { kept[c] = i }
                continue
            }
            kept.append(i)
        }
        kept.sort()
        return kept.map { deadlines[$0] }
    }
}
