/// Turns dated expressions into deadlines: kind, subject, upcoming, one entry per event.
struct DeadlineFinder: Sendable {
    let referenceDate: CalendarDate

    func deadlines(in document: TextDocument, timexes: [TaggedTimex]) -> [Deadline] {
        var found: [Deadline] = []
        var tokens: [TimexToken] = []
        let filter = BoilerplateFilter(document: document)
        var t = 0
        while t < timexes.count {
            let sentence = timexes[t].sentenceIndex
            var last = t
            while last < timexes.count && timexes[last].sentenceIndex == sentence { last += 1 }
            defer { t = last }
            guard timexes[t..<last].contains(where: { $0.date != nil && !$0.beforeReference }) else { continue }
            TimexTokenizer.tokenize(document.bytes, document.sentences[sentence], into: &tokens)
            if filter.isBoilerplate(sentence, tokens: tokens) { continue }
            for timex in timexes[t..<last] {
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
        let (kind, cue) = DeadlineKindReader(tokens: tokens).kind(lower, upper, isRange: timex.endDate != nil)
        // `next year's election`: a bare year names an era, not an event to alert on
        if kind == .other && date.granularity == .year { return nil }
        let span = timex.endDate ?? date
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

    /// One entry per (date, end, kind); a vaguer mention of an event a precise one dates is dropped
    /// (`next week` beside `next Thursday` for the same meeting, `Saturday` inside `October 25 to 27`).
    static func merged(_ deadlines: [Deadline]) -> [Deadline] {
        var result: [Deadline] = []
        for (i, d) in deadlines.enumerated() {
            if result.contains(where: { $0.date == d.date && $0.endDate == d.endDate && $0.kind == d.kind }) { continue }
            let first = d.date.firstDay
            let last = (d.endDate ?? d.date).lastDay
            let subsumed = deadlines.enumerated().contains { j, e in
                guard j != i, e.kind == d.kind, e.upcoming == d.upcoming else { return false }
                let eFirst = e.date.firstDay
                let eLast = (e.endDate ?? e.date).lastDay
                guard eFirst >= first, eLast <= last else { return false }
                let dDays = last.daysSinceEpoch - first.daysSinceEpoch
                let eDays = eLast.daysSinceEpoch - eFirst.daysSinceEpoch
                // e is inside d: d is vaguer when it spans more days and e is the single precise date or range
                return eDays < dDays && d.endDate == nil && d.granularity != .day
            } || deadlines.contains { e in
                // a single day inside a range of the same event: `on Saturday` beside `October 25 to 27`
                guard d.endDate == nil, d.granularity == .day, let eEnd = e.endDate, e.kind == d.kind else { return false }
                return e.date.firstDay <= first && eEnd.lastDay >= last
            }
            if !subsumed { result.append(d) }
        }
        return result
    }
}
