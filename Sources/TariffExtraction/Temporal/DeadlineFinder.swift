/// Turns dated expressions into deadlines: kind, subject, upcoming, one entry per event.
struct DeadlineFinder: Sendable {
    let referenceDate: CalendarDate

    /// - Parameter budget: charged per dated sentence; the finder stops when it is spent.
    func deadlines(in document: TextDocument, tags: TemporalTags, budget: WorkBudget = .unlimited) -> [Deadline] {
        let timexes = tags.timexes
        var found: [Deadline] = []
        // where each was found, and the vague ones, to fold a vague mention into its dated event
        var places: [Place] = []
        // at most one per expression: one allocation each instead of growing from one (a hostile file of
        // dates grows past the cap as before)
        found.reserveCapacity(min(timexes.count, 256))
        places.reserveCapacity(min(timexes.count, 256))
        var vague: [VagueMention] = []
        let filter = BoilerplateFilter()
        // read only when some span is counted from something other than the article's date
        // (the questions below go by index: `contains(where:)` on the expressions copied each one it passed, its
        // value string retained and released)
        let anchors = timexes.indices.contains { timexes[$0].type == .duration && !timexes[$0].anchored }
            ? EventAnchors(timexes, tokens: tags.tokens) : nil
        // the readers' tables, read once for the document: through their lazy globals, every date paid a `swift_once`
        // per table its kind reader and its gate read
        let tables = Readers(kinds: DeadlineKindReader.tables, gate: DeadlineGate.tables)
        var t = 0
        while t < timexes.count {
            let sentence = timexes[t].sentenceIndex
            var last = t
            while last < timexes.count && timexes[last].sentenceIndex == sentence { last += 1 }
            defer { t = last }
            guard (t..<last).contains(where: { i in
                (timexes[i].date != nil || anchors != nil && timexes[i].type == .duration) && !timexes[i].beforeReference
            }) else { continue }
            let tokens = tags.tokens[sentence]
            if budget.charge(tokens: tokens.count, found: last - t) { break }
            // the sentence's deadlines are read first and the boilerplate filter asked only when there are some: most
            // dated sentences give none, and for those the filter (a probe per word) could change nothing
            let foundBefore = found.count, vagueBefore = vague.count
            // what the gate last read of a clause of the sentence, for the next date there (and, when the clause is the
            // whole sentence, the filter's promotion test of it)
            var clauseWords: DeadlineGate.ClauseWords?
            defer {
                if found.count > foundBefore {
                    let next = sentence + 1 < tags.tokens.count ? tags.tokens[sentence + 1] : TimexTokens(start: nil, count: 0)
                    if filter.isBoilerplate(
                        sentence, tokens: tokens, next: next, in: document, store: tags.store,
                        promotional: clauseWords?.promotionalSentence(count: tokens.count))
                    {
                        found.removeSubrange(foundBefore...)
                        places.removeSubrange(foundBefore...)
                        vague.removeSubrange(vagueBefore...)
                    }
                }
            }
            // only a sentence of two dates or more can move one to the other (most have one: no slice of the
            // expressions, a retain and a release, for them)
            let rescheduling = last - t > 1 ? Rescheduling(timexes[t..<last], tokens: tokens) : nil
            for i in t..<last where !(rescheduling?.supersedes(timexes[i]) ?? false) {
                // an upcoming start is a false alarm; a past one is stored as what happened
                if i > t, let day = timexes[i].date, day.firstDay >= referenceDate,
                    EventAnchors.isSpanStart(timexes[i], after: timexes[i - 1], tokens: tokens)
                {
                    continue
                }
                guard
                    let (lower, upper, cue) = deadline(
                        timexes, i, document: document, tokens: tokens, anchors: anchors, into: &found, tables: tables,
                        clauseWords: &clauseWords)
                else { continue }
                if let v = VagueMention.read(found[found.count - 1], index: found.count - 1, lower: lower, upper: upper, cue: cue,
                    tokens: tokens, referenceDate: referenceDate)
                {
                    vague.append(v)
                }
                places.append(Place(timex: i, sentence: sentence, lower: lower, upper: upper, cue: cue))
            }
        }
        // consumed, so that the kept deadlines are the array's only reference when `finish` writes them (else each
        // document's deadlines were copied whole on the first write)
        let folded = VagueMention.folded(consume found, vague) { i in
            let tokens = tags.tokens[places[i].sentence]
            var words = VagueMention.contentWords(places[i].lower, places[i].upper, tokens)
            // the event noun that gave the kind counts too: `talks on Thursday` and `the talks later this month` are one
            // event, `a cabinet meeting on Thursday` and `talks later this month` two
            if let cue = places[i].cue, tokens[cue].kind == .word, DeadlineKindReader.nounCues.contains(tokens[cue].hash) {
                words.append(tokens[cue].hash)
            }
            return words
        }
        var kept = Self.merged(consume folded)
        // the deadlines of a sentence, which are next to each other, share its evidence when it is quoted whole
        var quoted: (sentence: Int, whole: String?) = (-1, nil)
        for k in kept.indices {
            let place = places[kept[k].start]
            if place.sentence != quoted.sentence { quoted = (place.sentence, nil) }
            finish(&kept[k], at: place, timexes, document: document, tags: tags, wholeSentence: &quoted.whole)
        }
        return kept
    }

    /// The tables of the readers `deadline` makes for each date (`DeadlineKindReader.tables`, `DeadlineGate.tables`).
    private struct Readers {
        let kinds: UnsafePointer<DeadlineKindReader.Tables>
        let gate: UnsafePointer<DeadlineGate.Tables>
    }

    /// Where a deadline was found: its expression, sentence and tokens, and the word that gave its kind.
    private struct Place {
        var timex: Int
        var sentence: Int
        var lower: Int
        var upper: Int
        var cue: Int?
    }

    /// Writes what only a kept deadline needs, its subject, evidence and offsets: merging, folding and the
    /// boilerplate filter read none of them, and about one deadline in seven is dropped by them after its strings
    /// were made. Until then a deadline's `start` holds the index of its `Place`.
    /// - Parameter wholeSentence: the sentence quoted whole, once made (`TextDocument.evidence(_:around:whole:)`).
    private func finish(
        _ d: inout Deadline, at place: Place, _ timexes: [TaggedTimex], document: TextDocument, tags: TemporalTags,
        wholeSentence: inout String?
    ) {
        let bytes = timexes[place.timex].bytes
        d.subject = SubjectReader(bytes: document.bytes, tokens: tags.tokens[place.sentence])
            .subject(dateStart: place.lower, dateEnd: place.upper, cue: place.cue)
        d.sentence = document.evidence(document.sentences[place.sentence], around: bytes, whole: &wholeSentence)
        d.start = document.scalarOffset(ofByte: bytes.lowerBound)
        d.end = document.scalarOffset(ofByte: bytes.upperBound)
    }

    /// Appends the deadline of expression `index` of `timexes` to `found`, its `start` holding the index of its place
    /// (`found`'s count before) until `finish` writes it, and returns its tokens and cue; nil when it is none. Read in
    /// place, field by field: handed over as a value, each expression was copied, its value string retained and
    /// released; and written in place: returned as an optional value, each deadline was copied out and in again.
    /// `clauseWords` is what the gate last read of a clause of this sentence (`DeadlineGate.clauseWords`).
    private func deadline(
        _ timexes: [TaggedTimex], _ index: Int, document: TextDocument, tokens: TimexTokens, anchors: EventAnchors?,
        into found: inout [Deadline], tables: Readers, clauseWords: inout DeadlineGate.ClauseWords?
    ) -> (lower: Int, upper: Int, cue: Int?)? {
        guard !timexes[index].beforeReference, timexes[index].date != nil || timexes[index].type == .duration && anchors != nil
        else { return nil }
        // the tokens the tagger matched, else found again from the bytes (a binary search and a walk per expression)
        let lower: Int, upper: Int
        if let matched = timexes[index].tokens {
            (lower, upper) = (matched.lowerBound, matched.upperBound)
        } else {
            guard let first = tokens.firstIndex(startingAtOrAfter: timexes[index].bytes.lowerBound) else { return nil }
            var end = first
            while end < tokens.count && tokens[end].end <= timexes[index].bytes.upperBound { end += 1 }
            (lower, upper) = (first, end)
        }
        // the tense of the expression's clause, read the first time a rule below asks: most expressions are
        // settled without it, and reading it for every one the tagger found cost a twelfth of the tagger
        var knownTense: Tense?
        func tense() -> Tense {
            if let knownTense { return knownTense }
            let read = TenseReader(bytes: document.bytes, tokens: tokens).tense(around: lower, upper)
            knownTense = read
            return read
        }
        // `within 60 days of the decision`, `three weeks after the approval`: the event dated earlier in the article
        var counted = timexes[index].anchored
        let date: TemporalValue
        // (told in the past, `used up within ten days of opening`, it is history; the tense is read only for a span
        // that names what it is counted from, which the others, most, never could)
        if timexes[index].type == .duration, !timexes[index].anchored, let anchors, EventAnchors.isCounted(after: upper, tokens),
            tense() != .past, let day = anchors.day(ending: timexes[index], lower, upper, tokens: tokens)
        {
            date = .day(day)
            counted = true
        } else if let value = timexes[index].date {
            date = value
        } else {
            return nil
        }
        // `said on Thursday`: when something was said is not an event the article commits to (the tagger read it
        // on these same tokens)
        if timexes[index].isStatementDate { return nil }
        let kindReader = DeadlineKindReader(tokens: tokens, tables: tables.kinds)
        let gate = DeadlineGate(bytes: document.bytes, tokens: tokens, tables: tables.gate)
        // with no word right before the date to decide, the nearest event word of its clause does: the clause's words,
        // which the gate reads below, are read first, and a clause with no event word is not walked again for one
        let kind: DeadlineKind, cue: Int?
        if let trigger = kindReader.triggerKind(lower, upper, isRange: timexes[index].endDate != nil) {
            (kind, cue) = Self.meetingThatBegins(trigger, kindReader, lower, upper, tokens)
        } else if date.granularity == .year || date.granularity == .quarter, !(clauseWords?.holds(lower, upper) ?? false) {
            // a year or a quarter needs an event word to be kept (below), and most have none that keeps them (`in 2024`,
            // `the 2018 tariffs`): the kind reader's walk, a few words either way, answers without the clause's words,
            // a walk of the whole clause that the gate then reads only for the few that are kept
            (kind, cue) = kindReader.eventKind(lower, upper)
        } else {
            (kind, cue) = gate.clauseWords(lower, upper, known: &clauseWords).holdsEventWord
                ? kindReader.eventKind(lower, upper) : (.other, nil)
        }
        // `by 2020`, `next year's election`: a year alone is a goal or an era; only a measure's start or end
        // (`the duties take effect in 2026`) is concrete enough to alert on
        if date.granularity == .year && kind != .effective && kind != .expiry { return nil }
        // `a fourth-quarter charge`, `losses to continue into the fourth quarter`: a quarter with no event is a
        // period of results
        if date.granularity == .quarter && kind == .other { return nil }
        // `good news for exporters today`, `the prices we are seeing today`: today with no event is the present
        if kind == .other, date == .day(referenceDate), document.string(timexes[index].bytes).lowercased() == "today" { return nil }
        if kind == .other, Self.isGenericOrRelative(tokens, lower, upper) { return nil }
        // `the latest figures as of Monday`, `as of Wednesday evening, he still had not signed`: `as of` the article's
        // day or earlier is the state of things when it was written; a start needs `effective as of` or a verb of
        // starting in the clause (`the new rates apply as of today`)
        if kind == .effective, let cue, Self.isStateAsOf(tokens, cue: cue, lower, upper), date.firstDay <= referenceDate,
            tense() != .future
        {
            return nil
        }
        // `we are here this week`, `the bombings this month`, `the average turnover for October is`: the week or month
        // the article is written in, with no event and not told as ahead, is the present (`later this month`, `the
        // end of the month` point ahead whatever the tense)
        if kind == .other, date.granularity == .week || date.granularity == .month, date.firstDay <= referenceDate,
            referenceDate <= date.lastDay, tense() != .future
        {
            let text = document.string(timexes[index].bytes).lowercased()
            // `contains` of a string matches characters through the string-processing library, some 6,000 instructions
            // a call: asked only when the bytes hold `end`, which a match needs
            if !text.hasPrefix("late"), !(Self.holdsEnd(text) && text.contains("end")) { return nil }
        }
        // (a span of no kind is no counted deadline whatever its tense: the tense is not read for it)
        if timexes[index].type == .duration && !counted
            && (kind == .other || !gate.isCountedDeadline(timexes[index], lower, upper, kind: kind, tense: tense()))
        {
            return nil
        }
        if gate.rejection(lower, upper, kind: kind, granularity: date.granularity, clauseWords: &clauseWords) != nil { return nil }
        // a stated range that began before the article (`the expo, held Nov. 5-10`) is under way, not ahead
        let span = timexes[index].endDate == nil || date.firstDay >= referenceDate ? timexes[index].endDate ?? date : date
        // told in the past tense, an event dated today or earlier has already happened; an expiry too when the
        // idiom says the time is over (`up until Thursday they had described him as a witness`, `it was not until
        // Tuesday that he revealed`), not when the past verb set the end (`the pause was extended until today`);
        // an end told with no `until` before the date is a past event like any other (`the truce ended on Friday`,
        // `the alliance admitted three members on Friday, formally ending …`)
        // (asked only of a span still ahead: one that is over is not upcoming whatever its tense, and the tense of
        // most dates that get this far, past days, was read for nothing)
        let upcoming = span.isUpcoming(relativeTo: referenceDate)
            && !(date.firstDay <= referenceDate && tense() == .past
                && (kind != .expiry || Self.isPastUntil(tokens, lower) || !Self.isOpenEnd(tokens, lower)))
        // the subject, the evidence and the offsets are written by `finish` if the deadline is kept
        found.append(
            Deadline(
                date: date, endDate: timexes[index].endDate, kind: kind, upcoming: upcoming,
                subject: "", text: document.string(timexes[index].bytes), sentence: "", start: found.count, end: 0))
        return (lower, upper, cue)
    }

    /// Some byte of `text` is an ASCII digit, read in place: the UTF-8 view's iterator cost some ten instructions a byte.
    private static func holdsDigit(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(where: \.isASCIIDigit) } ?? text.utf8.contains(where: \.isASCIIDigit)
    }

    /// The bytes `end` are in `text`: needed for `text.contains("end")`, whose characters `e`, `n`, `d` are one byte each.
    private static func holdsEnd(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        var (a, b): (UInt8, UInt8) = (0, 0)
        while let c = utf8.next() {
            if a == 0x65 && b == 0x6E && c == 0x64 { return true }
            (a, b) = (b, c)
        }
        return false
    }

    /// `the people of tomorrow`, `the world of today`: a time of day after `of` names an era. `three days later`,
    /// `seven days later`: counted from an event the sentence tells of (`the soonest he could leave would be seven
    /// days later`), not from the article's date; with no event word of its own it is no deadline.
    /// Read from the tokens: no string per dated expression.
    private static func isGenericOrRelative(_ tokens: TimexTokens, _ lower: Int, _ upper: Int) -> Bool {
        guard upper > lower, tokens[upper - 1].kind == .word else { return false }
        let last = tokens[upper - 1].hash
        if upper - lower == 1, days.contains(last) {
            return lower > 0 && tokens[lower - 1].kind == .word && tokens[lower - 1].hash == W.of
        }
        return upper - lower > 1 && last == laterWord
    }

    private static let days: WordTable<Bool> = WordTable(set: ["today", "tomorrow", "yesterday"].map(TimexTokenizer.hash))
    private static let laterWord = TimexTokenizer.hash("later")

    /// `as of` (not `effective as of`) decided the kind, and no verb or noun of starting is in the clause.
    private static func isStateAsOf(_ tokens: TimexTokens, cue: Int, _ lower: Int, _ upper: Int) -> Bool {
        guard cue >= 1, tokens[cue].hash == W.of, tokens[cue - 1].kind == .word, tokens[cue - 1].hash == asWord,
            !(cue >= 2 && tokens[cue - 2].kind == .word && tokens[cue - 2].hash == effectiveWord)
        else { return false }
        var first = lower
        while first > 0, !tokens.isClauseBreak(first - 1) { first -= 1 }
        var last = upper
        while last < tokens.count, !tokens.isClauseBreak(last) { last += 1 }
        let cues = DeadlineKindReader.cues
        return !(first..<last).contains { k in
            k != cue && tokens[k].kind == .word && cues[tokens[k].hash] == .effective
        }
    }

    private static let asWord = TimexTokenizer.hash("as")
    private static let effectiveWord = TimexTokenizer.hash("effective")

    /// `up until` or `not until` right before the date.
    private static func isPastUntil(_ tokens: TimexTokens, _ lower: Int) -> Bool {
        let k = tokens.indexBeforeDate(lower)
        guard k >= 1, tokens[k].kind == .word, tokens[k].hash == W.until, tokens[k - 1].kind == .word else { return false }
        return tokens[k - 1].hash == upWord || tokens[k - 1].hash == notWord
    }

    /// `until Friday`, `through today`, `to Friday`: a word right before the date (or its `on`) that sets an end a
    /// past verb may have put ahead (`the pause was extended until today`).
    private static func isOpenEnd(_ tokens: TimexTokens, _ lower: Int) -> Bool {
        let k = tokens.indexBeforeDate(lower)
        return k >= 0 && tokens[k].kind == .word && openEnds.contains(tokens[k].hash)
    }

    private static let openEnds: WordTable<Bool> =
        WordTable(set: ["until", "till", "through", "thru", "to", "into"].map(TimexTokenizer.hash))
    private static let upWord = TimexTokenizer.hash("up")
    private static let notWord = TimexTokenizer.hash("not")

    /// `pushed back to Aug. 12 from Aug. 1`, `delayed from July 9 to Aug. 1`: the `from` date of a
    /// rescheduling is the one that no longer holds.
    ///
    /// Read once per sentence, then asked per date: asking the sentence again for every date made a
    /// sentence of n dates cost n² (a hostile list of them, n³).
    private struct Rescheduling {
        let tokens: TimexTokens
        let count: Int
        /// Some date of the sentence follows `to` or `until`: the new date.
        let hasNewDate: Bool
        /// Where the first rescheduling verb ends, if there is one.
        let verbEnd: Int?

        init(_ sentence: ArraySlice<TaggedTimex>, tokens: TimexTokens) {
            self.tokens = tokens
            count = sentence.count
            // nearly every sentence has no `from` date: then nothing is superseded and the words are not read
            guard sentence.count > 1,
                sentence.indices.contains(where: { Self.word(before: sentence[$0].tokens, sentence[$0].bytes.lowerBound, tokens) == W.from })
            else {
                verbEnd = nil
                hasNewDate = false
                return
            }
            let table = W.rescheduling
            verbEnd = tokens.lazy.filter { $0.kind == .word && table.contains($0.hash) }.map(\.end).min()
            guard verbEnd != nil else {
                hasNewDate = false
                return
            }
            // A `from` date never follows `to`: no other date with the same bytes can be the new one.
            hasNewDate = sentence.indices.contains { i in
                guard let h = Self.word(before: sentence[i].tokens, sentence[i].bytes.lowerBound, tokens) else { return false }
                return h == W.to || h == W.until
            }
        }

        func supersedes(_ timex: TaggedTimex) -> Bool {
            guard count > 1, hasNewDate, let verbEnd, verbEnd <= timex.bytes.lowerBound else { return false }
            return Self.word(before: timex.tokens, timex.bytes.lowerBound, tokens) == W.from
        }

        /// The word right before an expression, from the first of the tokens the tagger matched (`matched`): a
        /// binary search over the sentence's tokens for the one starting at `byte`, for each date of every sentence
        /// with two, only for an expression made elsewhere. Given the two fields, not the expression: a copy of it
        /// retained and released its value.
        private static func word(before matched: Range<Int>?, _ byte: Int, _ tokens: TimexTokens) -> UInt64? {
            let first: Int
            if let matched {
                first = matched.lowerBound
            } else {
                guard let k = tokens.firstIndex(startingAtOrAfter: byte) else { return nil }
                first = k
            }
            guard first > 0, tokens[first - 1].kind == .word else { return nil }
            return tokens[first - 1].hash
        }
    }

    /// One entry per (date, end): an article that dates the same day twice (`the truce expires Nov. 10`,
    /// `tariffs snap back on Nov. 10`) tells of one event, named by its first mention with a kind other
    /// than `other`. A vaguer mention of an event a precise one dates is dropped (`next week` beside
    /// `next Thursday` for the same meeting, `Saturday` inside `October 25 to 27`).
    /// `a public hearing will be held … beginning on July 24`, `talks starting Monday`: what begins is a meeting when a
    /// meeting noun before the date heads the clause; otherwise the trigger's own kind.
    private static func meetingThatBegins(
        _ trigger: (kind: DeadlineKind, cue: Int?), _ reader: DeadlineKindReader, _ lower: Int, _ upper: Int, _ tokens: TimexTokens
    ) -> (kind: DeadlineKind, cue: Int?) {
        guard trigger.kind == .effective, let c = trigger.cue, tokens[c].hash == SubjectReader.starting || tokens[c].hash == beginning
        else { return trigger }
        // read from the trigger back: the trigger (`beginning`) is an event word itself
        let event = reader.eventKind(c, upper)
        guard event.kind == .meeting, let e = event.cue, e < c, DeadlineKindReader.nounCues.contains(tokens[e].hash) else { return trigger }
        return event
    }

    private static let beginning = TimexTokenizer.hash("beginning")

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
        if deadlines.count < 2 { return deadlines }
        // the spans and the indices kept, on the stack: two arrays were two allocations and their release per article
        return withUnsafeTemporaryAllocation(of: Span.self, capacity: deadlines.count) { spans -> [Deadline] in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: deadlines.count) { kept -> [Deadline] in
                // by index, field by field: mapping the deadlines copied each one whole (three strings retained and released)
                for i in deadlines.indices {
                    let date = deadlines[i].date, end = deadlines[i].endDate
                    let first = date.firstDay.daysSinceEpoch
                    // a single day ends where it starts: its days counted once
                    let last = end == nil && date.granularity == .day ? first : (end ?? date).lastDay.daysSinceEpoch
                    (spans.baseAddress! + i).initialize(
                        to: Span(
                            first: first, last: last, kind: deadlines[i].kind, ranged: end != nil, day: date.granularity == .day,
                            upcoming: deadlines[i].upcoming, key: date, end: end,
                            calendar: Self.holdsDigit(deadlines[i].text)))
                }
                // The rules compare spans with each other. Only distinct spans can answer differently, so each
                // distinct one is judged once, against the others sorted by first day: an article (or a
                // hostile file) that names one date 100,000 times costs 100,000 look-ups, not 10^10 comparisons.
                struct Judged: Hashable {
                    var kind: DeadlineKind
                    var first: Int
                    var last: Int
                    var upcoming: Bool
                    var ranged: Bool
                    var day: Bool
                    var calendar: Bool
                    /// An upcoming month, quarter or year: `VagueMention.folded` has already dropped it if a dated
                    /// deadline is the same event (same kind and a content word shared), so another one dated inside it
                    /// is another event (`a cabinet meeting on Thursday` and `talks later this month`).
                    var foldedBefore: Bool
                }
                struct Event: Hashable {
                    var key: TemporalValue
                    var end: TemporalValue?
                }
                func judged(_ s: Span) -> Judged {
                    Judged(
                        kind: s.kind, first: s.first, last: s.last, upcoming: s.upcoming, ranged: s.ranged, day: s.day, calendar: s.calendar,
                        foldedBefore: s.upcoming && !s.ranged && !s.day && s.key.granularity != .week)
                }
                // hashing costs more than it saves for the handful of dates of an article
                let large = deadlines.count > 32
                // many dates: distinct ones sorted by first day, for a range look-up; a few: the spans as they are, read in
                // place (an array of them was an allocation per article)
                let sorted = large ? Array(Set(spans.map(judged))).sorted { $0.first < $1.first } : []
                func isSubsumed<Others: RandomAccessCollection<Judged>>(_ d: Judged, among distinct: Others) -> Bool
                where Others.Index == Int {
                    var subsumed = false
                    if !d.ranged, !d.day, !d.foldedBefore {
                        // e is inside d: d is vaguer when it spans more days and is a single period, not a range
                        var low = 0, high = large ? distinct.count : 0
                        while low < high {
                            let mid = (low + high) / 2
                            if distinct[mid].first < d.first { low = mid + 1 } else { high = mid }
                        }
                        for e in distinct[low...] {
                            if large && e.first > d.last { break }
                            if e.kind == d.kind, e.first >= d.first, e.last <= d.last, e.upcoming == d.upcoming, e.last - e.first < d.last - d.first {
                                subsumed = true
                                break
                            }
                        }
                    }
                    if !subsumed, !d.ranged, d.day, !d.calendar {
                        // a weekday inside a range of the same event: `on Saturday` beside `October 25 to 27`; a
                        // calendar date inside one (`debate a bill on Oct. 30` during a window to Nov. 30) is its own
                        subsumed = distinct.contains { $0.ranged && $0.kind == d.kind && $0.first <= d.first && $0.last >= d.last }
                    }
                    return subsumed
                }
                var verdicts: [Judged: Bool] = [:]
                // `kept[..<keptCount]`: the spans kept, by index
                var keptCount = 0
                var keptByEvent: [Event: Int] = [:]
                for (i, d) in spans.enumerated() {
                    let key = judged(d)
                    let subsumed: Bool
                    if large {
                        subsumed = verdicts[key] ?? isSubsumed(key, among: sorted)
                        verdicts[key] = subsumed
                    } else {
                        subsumed = isSubsumed(key, among: spans.lazy.map(judged))
                    }
                    if subsumed { continue }
                    let event = Event(key: d.key, end: d.end)
                    let known =
                        large ? keptByEvent[event] : kept[..<keptCount].firstIndex { spans[$0].key == d.key && spans[$0].end == d.end }
                    if let c = known {
                        if spans[kept[c]].kind == .other && d.kind != .other { kept[c] = i }
                        continue
                    }
                    if large { keptByEvent[event] = keptCount }
                    kept[keptCount] = i
                    keptCount += 1
                }
                // nothing merged away: the input as it is, without copying every deadline
                if keptCount == deadlines.count { return deadlines }
                var inOrder = UnsafeMutableBufferPointer(rebasing: kept[..<keptCount])
                inOrder.sort()
                var result: [Deadline] = []
                result.reserveCapacity(keptCount)
                for k in 0..<keptCount { result.append(deadlines[kept[k]]) }
                return result
            }
        }
    }
}
