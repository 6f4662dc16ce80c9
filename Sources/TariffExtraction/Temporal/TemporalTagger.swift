/// What the tagger found in a document, for the one extraction that made it (its token buffers point into
/// `store`, which it holds: not `Sendable`).
struct TemporalTags {
    /// Every temporal expression, in text order.
    var timexes: [TaggedTimex] = []
    /// The tokens of each sentence that holds an expression, by sentence index (empty for the
    /// others): the deadline finder reads them again, and tokenizing twice cost a tenth of extraction.
    var tokens: [TimexTokens]
    /// Where `tokens` are kept; the deadline finder tokenizes the few other sentences it reads into it too.
    let store: TimexTokenizer.Store
}

/// Finds temporal expressions and resolves them against the reference date.
struct TemporalTagger: Sendable {
    let referenceDate: CalendarDate

    /// - Parameter budget: charged per sentence read; the tagger stops when it is spent.
    func tag(_ document: TextDocument, budget: WorkBudget = .unlimited) -> TemporalTags {
        let store = TimexTokenizer.Store()
        var result = TemporalTags(tokens: Array(filled: TimexTokens(start: nil, count: 0), count: document.sentences.count), store: store)
        var lastQuarter: (sentence: Int, value: TemporalValue)?
        var weekdays: [(timex: Int, weekday: Int, date: CalendarDate)] = []
        var anaphors: [(timex: Int, anaphor: Anaphor)] = []
        // one array for the document's sentences: from empty it grew by doubling in every document
        var matches: [TimexMatch] = []
        matches.reserveCapacity(8)
        result.timexes.reserveCapacity(min(document.sentences.count, 64))
        // one reference for the loop: read through `document` at each use, the array was copied (retained) per sentence
        let bytes = document.bytes
        // one tagger for the document, given each sentence's tokens: made per sentence, it read its tables and
        // retained and released the bytes every time
        var tagger = SentenceTagger(bytes: bytes, tokens: TimexTokens(start: nil, count: 0), reference: referenceDate)
        let prefilter = TimexPrefilter.tables
        // read once for the document, like `prefilter`: through the lazy global, every statement question paid a `swift_once`
        let kindTables = DeadlineKindReader.tables
        for (index, range) in document.sentences.enumerated() where TimexPrefilter.mayHoldTime(bytes, range, prefilter) {
            // kept in the store: nearly every sentence the prefilter passes has an expression and keeps them
            let tokens = store.tokens(bytes, range)
            if budget.charge(tokens: tokens.count) { break }
            // no token-level check first: `matches` passes over a sentence with no start as cheaply as a check did
            tagger.tokens = tokens
            tagger.matches(into: &matches)
            guard !matches.isEmpty else { continue }
            // made once the sentence has an expression
            let kinds = DeadlineKindReader(tokens: tokens, tables: kindTables)
            if budget.charge(tokens: 0, found: matches.count) { break }
            result.tokens[index] = tokens
            // each match read in place, through its address: copied out of the array (`for m in matches`), each
            // was a call to its value witness and a retain and a release of its value
            matches.withUnsafeBufferPointer { found in
                for n in found.indices {
                    let m = found.baseAddress.unsafelyUnwrapped + n
                    // `net rose from $52 million a year earlier`, after `third-quarter net`: that quarter a year back
                    var quarterBack: TemporalValue?
                    if let q = lastQuarter, index - q.sentence <= 4, let back = m.pointee.yearsBack {
                        quarterBack = .quarter(year: q.value.firstDay.year - back, quarter: (q.value.firstDay.month - 1) / 3 + 1)
                    }
                    let date = quarterBack ?? m.pointee.date
                    // a year-back value names no quarter of its own: the next one counts from the same quarter
                    if m.pointee.yearsBack == nil, let d = m.pointee.date ?? Self.quarterValue(m.pointee.value), d.granularity == .quarter {
                        lastQuarter = (index, d)
                    }
                    let statement = kinds.isStatementDate(m.pointee.start, m.pointee.end)
                    if let d = m.pointee.bareWeekday, m.pointee.endDate == nil, let day = m.pointee.date?.firstDay,
                        !Self.saysWill(tokens, before: m.pointee.start)
                    {
                        // room for a few at the first: grown from empty, nearly every one was a new array
                        if weekdays.isEmpty { weekdays.reserveCapacity(8) }
                        weekdays.append((result.timexes.count, d, day))
                    }
                    if let a = m.pointee.anaphor { anaphors.append((result.timexes.count, a)) }
                    result.timexes.append(
                        TaggedTimex(
                            bytes: tokens[m.pointee.start].start..<tokens[m.pointee.end - 1].end, sentenceIndex: index, type: m.pointee.type,
                            value: quarterBack?.iso ?? m.pointee.value, date: statement ? nil : date, endDate: statement ? nil : m.pointee.endDate,
                            beforeReference: m.pointee.beforeReference, isStatementDate: statement, anchored: m.pointee.anchored,
                            tokens: m.pointee.start..<m.pointee.end))
                }
            }
        }
        Self.oneDatePerWeekday(&result.timexes, weekdays)
        Self.resolveAnaphors(&result.timexes, anaphors)
        return result
    }

    /// `will`, `shall` or `'ll` in the clause before token `i`: a weekday there is the coming one whatever
    /// the other mentions say (`officials said on Friday …`; `the council will decide on Friday`).
    static func saysWill(_ tokens: TimexTokens, before i: Int) -> Bool {
        var k = i - 1
        while k >= 0, k >= i - 10, !tokens.isClauseBreak(k) {
            if tokens[k].kind == .word, tokens[k].hash == W.will || tokens[k].hash == W.shall || tokens[k].hash == W.ll { return true }
            k -= 1
        }
        return false
    }


    /// An article names a weekday for one day: `on Friday` in the lead and `Friday's vote` further down are the
    /// same Friday, though one clause's tense may point back and another's ahead. Every bare mention of a
    /// weekday takes the date most of them were given; on a tie the earlier one, as news mostly reports days
    /// just past. A mention under `will` is left out: it names the coming day on its own authority.
    static func oneDatePerWeekday(_ timexes: inout [TaggedTimex], _ weekdays: [(timex: Int, weekday: Int, date: CalendarDate)]) {
        guard weekdays.count > 1 else { return }
        // the weekdays named more than once, as bits: the others were each filtered out of the list for nothing
        var seen: UInt8 = 0, repeated: UInt8 = 0
        for w in weekdays {
            let bit: UInt8 = 1 << w.weekday
            if seen & bit != 0 { repeated |= bit }
            seen |= bit
        }
        for weekday in 1...7 where repeated & 1 << weekday != 0 {
            // counted pair by pair while the article names weekdays a few times (nearly always): the list of a
            // weekday's mentions and a dictionary of votes were two allocations; by a dictionary past that, so
            // that a file of thousands of weekdays stays linear
            let mostGiven = weekdays.count <= Self.pairwiseWeekdays ? Self.mostGivenPairwise : Self.mostGivenCounted
            guard let chosen = mostGiven(weekday, weekdays) else { continue }
            let day = chosen.description
            for m in weekdays where m.weekday == weekday && m.date != chosen {
                timexes[m.timex].value = day + timexes[m.timex].value.dropFirst(day.count)
                // a statement date stays without a calendar date
                if timexes[m.timex].date != nil { timexes[m.timex].date = .day(chosen) }
            }
        }
    }

    /// Up to this many weekday mentions in an article, their votes are counted pair by pair (at most this many
    /// squared comparisons per weekday).
    static let pairwiseWeekdays = 32

    /// The date most mentions of `weekday` were given, the earliest on a tie; nil when they all agree.
    /// Quadratic in `weekdays`: for articles with few (`pairwiseWeekdays`).
    static func mostGivenPairwise(_ weekday: Int, _ weekdays: [(timex: Int, weekday: Int, date: CalendarDate)]) -> CalendarDate? {
        var chosen: CalendarDate?
        var most = 0
        var differ = false
        for m in weekdays where m.weekday == weekday {
            if let c = chosen, c != m.date { differ = true }
            var votes = 0
            for other in weekdays where other.weekday == weekday && other.date == m.date { votes += 1 }
            if let c = chosen, votes < most || votes == most && m.date >= c { continue }
            chosen = m.date
            most = votes
        }
        return differ ? chosen : nil
    }

    /// `mostGivenPairwise`'s answer in linear time, by a dictionary of votes.
    static func mostGivenCounted(_ weekday: Int, _ weekdays: [(timex: Int, weekday: Int, date: CalendarDate)]) -> CalendarDate? {
        var votes: [CalendarDate: Int] = [:]
        for m in weekdays where m.weekday == weekday { votes[m.date, default: 0] += 1 }
        guard votes.count > 1 else { return nil }
        return votes.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key })?.key
    }

    /// `2025-Q3` for the quarters that carry no calendar date (`the quarter`), without parsing every value.
    private static func quarterValue(_ value: String) -> TemporalValue? {
        let u = value.utf8
        guard u.count == 7, u[u.index(u.startIndex, offsetBy: 5)] == 0x51 else { return nil }
        return TemporalValue(iso: value)
    }
}
