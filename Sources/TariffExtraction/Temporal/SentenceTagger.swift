/// One temporal expression a pattern recognised, in token indices of its sentence.
struct TimexMatch {
    var start: Int
    /// One past the last token.
    var end: Int
    var type: TimexType = .date
    var value: String
    var date: TemporalValue? = nil
    var endDate: TemporalValue? = nil
    var beforeReference = false
    /// The text gave the year (`March 20, 2026`), or it was inferred from tense (`7 to 9 April`).
    var year: YearSource = .none
    /// A span counted from a date the sentence gives (`15 days after March 8`).
    var anchored = false
    /// `a year ago`, `year-earlier`: how many years back; beside an earnings quarter it means that quarter.
    var yearsBack: Int? = nil
    /// A weekday named alone (`on Friday`, not `next Friday` or `Friday, Oct. 30`): its ISO number, so the
    /// article can give every mention of that name one date.
    var bareWeekday: Int? = nil
    /// `that year`, `the following month`: counted from the date the article gave last, not from its own date.
    var anaphor: Anaphor? = nil
}

/// A period named by reference to the last date mentioned (`later that year`, `the next day`): its unit and how
/// many of them after that date.
struct Anaphor: Sendable, Equatable {
    var unit: TimeUnit
    var offset: Int
}

/// Where a calendar date's year came from.
enum YearSource {
    case none, given, inferred
}

/// Finds the temporal expressions of one sentence, left to right, longest pattern first.
struct SentenceTagger {
    let bytes: [UInt8]
    /// The sentence's tokens: the tagger sets them for each sentence of a document in turn.
    var tokens: TimexTokens
    let resolver: DateResolver
    /// `TimexLexicon.table`, read once per sentence rather than through its lazy global per token.
    let lexicon = TimexLexicon.table
    /// `matchStarts`, read once per sentence like `lexicon`.
    let starts = Self.matchStarts
    /// `startBits`, read once like `starts`.
    let startBits = Self.startBits
    /// `spanWordTables`, read once like `starts`: through their lazy globals, each match `widen` read paid a
    /// `swift_once` call per table it asked.
    private let spanWords = Self.spanWordTables

    init(bytes: [UInt8], tokens: TimexTokens, reference: CalendarDate) {
        self.bytes = bytes
        self.tokens = tokens
        self.resolver = DateResolver(reference: reference)
    }

    var reference: CalendarDate { resolver.reference }

    /// Every expression in the sentence, in order, not overlapping.
    func matches() -> [TimexMatch] {
        var found: [TimexMatch] = []
        matches(into: &found)
        return found
    }

    /// `matches()` in place of what `found` held: the tagger passes one array for every sentence of a
    /// document, so a sentence with expressions does not allocate (and regrow) an array of its own.
    func matches(into found: inout [TimexMatch]) {
        // one or two matches left from the sentence before, if any: `removeAll(keepingCapacity:)` went through
        // `replaceSubrange` at some 150 instructions a sentence
        while !found.isEmpty { found.removeLast() }
        var i = 0
        var givenDay: CalendarDate?
        while true {
            let (start, numberPatterns) = nextPossibleStart(from: i)
            i = start
            guard i < tokens.count else { break }
            // the time of day joined in place: a copy of the match in and another out cost more than the joining
            if var m = firstMatch(at: i, numberPatterns: numberPatterns) {
                addTimeOfDay(to: &m)
                // `until March 20, 2026, followed by hearings from 7 to 9 April`: a date without a year after
                // one with a year in the same sentence is read near it, not by the tense's guess
                if m.year == .given, let d = m.date { givenDay = d.firstDay }
                if m.year == .inferred, let anchor = givenDay { m = near(anchor, m) }
                i = max(m.end, i + 1)
                found.append(consume m)
            } else {
                i += 1
            }
        }
        // a span is anchored on the match after it: a sentence with one match or none has nothing to anchor
        if found.count > 1 { anchorSpans(&found) }
        for n in found.indices { widen(&found[n], before: n > 0 ? found[n - 1].end : 0) }
    }

    /// TimeML extents: the article and the words that bound a span belong to it (`the first nine months`,
    /// `nearly two years`, `the year-ago quarter`, `fiscal 1989`).
    func widen(_ m: inout TimexMatch, before floor: Int) {
        // every word that joins a match from before it has its bit in `leads`; most matches follow another word
        // (`on`, `in`, `by`) or none, and then only a year back's period noun after them can join them
        guard m.start - 1 >= floor, tokens[m.start - 1].kind == .word, spanWords.pointee.leads.mayHold(tokens[m.start - 1].hash)
        else {
            if m.yearsBack != nil, m.end > m.start + 1 || isNumber(m.start), isWordIn(m.end, spanWords.pointee.periodNouns) { m.end += 1 }
            return
        }
        let counted = m.type == .duration || m.yearsBack != nil || opensSpan(m.start)
            || m.end > m.start + 1 && isWord(m.end - 1, W.ago)
        if counted {
            // `nearly`, `more than`, `at least`, `up to`
            if m.start - 3 >= floor, isWord(m.start - 1, Self.asWord), isWord(m.start - 2, Self.long), isWord(m.start - 3, Self.asWord) {
                m.start -= 3  // `as long as a month`
            } else if m.start - 2 >= floor, isWordIn(m.start - 1, spanWords.pointee.boundWords),
                isWordIn(m.start - 2, spanWords.pointee.boundLeads)
            {
                m.start -= 2
            } else if m.start - 1 >= floor, isWordIn(m.start - 1, spanWords.pointee.approximators) {
                m.start -= 1
            }
        }
        if m.type == .duration, m.start - 1 >= floor, opensSpan(m.start - 1) { m.start -= 1 }
        // `the year-ago quarter`, `the year-earlier period`, `the 1988 period`
        if m.yearsBack != nil, m.end > m.start + 1 || isNumber(m.start), isWordIn(m.end, spanWords.pointee.periodNouns) { m.end += 1 }
        if m.start - 1 >= floor, isWord(m.start - 1, W.the),
            m.type == .duration || opensSpan(m.start) || m.yearsBack != nil && isWordIn(m.end - 1, spanWords.pointee.periodNouns)
        {
            m.start -= 1
        }
        // `fiscal 1989`, `the fiscal first quarter`
        if m.start - 1 >= floor, isWord(m.start - 1, W.fiscal), m.date != nil {
            m.start -= 1
            if m.start - 1 >= floor, isWord(m.start - 1, W.the) { m.start -= 1 }
        }
    }

    /// `past`, `last`, `next`, `following`, `first`: words that open a counted span, read from the lexicon the
    /// tagger already holds rather than another table.
    func opensSpan(_ i: Int) -> Bool {
        switch word(i) {
        case .shift(.relative(let k))?: return k != 0
        case .ordinal(1)?: return true
        default: return false
        }
    }
    static let approximators: WordTable<Bool> = WordTable(set: approximatorList.map(TimexTokenizer.hash))
    static let approximatorList = ["nearly", "almost", "around", "approximately", "roughly", "over", "barely"]
    /// `more than`, `less than`, `at least`, `up to`, `fewer than`, `no more than` (its `no` aside).
    static let boundWords: WordTable<Bool> = WordTable(set: boundWordList.map(TimexTokenizer.hash))
    static let boundWordList = ["than", "least", "to", "most"]
    static let boundLeads: WordTable<Bool> = WordTable(set:
        ["more", "less", "fewer", "at", "up"].map(TimexTokenizer.hash))
    static let effect = TimexTokenizer.hash("effect")
    static let force = TimexTokenizer.hash("force")
    static let into = TimexTokenizer.hash("into")
    static let startingParticiples: WordTable<Bool> = WordTable(set: ["taking", "coming", "entering", "going"].map(TimexTokenizer.hash))
    static let startWords: WordTable<Bool> = WordTable(set: ["beginning", "starting", "effective"].map(TimexTokenizer.hash))
    static let periodNouns: WordTable<Bool> = WordTable(set: ["quarter", "period"].map(TimexTokenizer.hash))

    /// The tables `widen` reads, in one lazy global read in place (`ProcessLifetime`).
    struct SpanWords {
        let approximators = SentenceTagger.approximators, boundWords = SentenceTagger.boundWords
        let boundLeads = SentenceTagger.boundLeads, periodNouns = SentenceTagger.periodNouns
        /// The words `widen` may add before a match: `as` (`as long as`), `boundWords`, `approximators`, `the`,
        /// `fiscal` and the lexicon's words that open a span (`opensSpan`: `past`, `next`, `first` …).
        let leads = WordBits(
            [SentenceTagger.asWord, W.the, W.fiscal] + SentenceTagger.boundWordList.map(TimexTokenizer.hash)
                + SentenceTagger.approximatorList.map(TimexTokenizer.hash)
                + TimexLexicon.entries.compactMap { entry in
                    switch entry.meaning {
                    case .shift(.relative(let k)): k != 0 ? TimexTokenizer.hash(entry.word) : nil
                    case .ordinal(1): TimexTokenizer.hash(entry.word)
                    default: nil
                    }
                })
    }

    nonisolated(unsafe) static let spanWordTables = ProcessLifetime.pointer(to: SpanWords())

    /// Whether `match(at: i)` can find anything: a number that may start a date, a lexicon word or one of
    /// `unlistedStarts`. Most tokens are none of these, and asking `match` for them cost a copy of an empty
    /// `TimexMatch?` each (a tenth of the tagger, callgrind). Keep it in step with `match(at:)`:
    /// `SentenceTaggerSkipTests` checks it never skips a token `match` would start at.
    func mayStartMatch(at i: Int) -> Bool {
        Self.mayStartMatch(tokens, at: i, starts, lexicon)
    }

    /// The first token from `i` on that `mayStartMatch(at:)` lets through, or the token count: a loop of its own
    /// that calls nothing, so the table and the tokens stay in registers and no index is bounds-checked. It walks
    /// a pointer, no index to scale per token, and probes the table in the loop itself. With the index, the
    /// `numberPatterns` of a number there (empty for a word), which `numberMatch` then need not work out again.
    private func nextPossibleStart(from i: Int) -> (index: Int, numberPatterns: NumberPatterns) {
        guard i < tokens.count, let base = tokens.baseAddress else { return (i, []) }
        let starts = self.starts, lexicon = self.lexicon, bits = startBits
        var p = base + i
        let end = base + tokens.count
        while p < end {
            // the table first, whatever the kind: numbers and marks have the hash 0, which is no word's, and a
            // word-or-not switch went either way at random (a word table's miss is a branch the processor learns);
            // its bit before it, which turns nearly every other word away in one load
            let hash = p.pointee.hash
            if bits.mayHold(hash), let start = starts[hash] {
                if start == .any || Self.mayFollow(start, tokens, p - base + 1, lexicon) { return (p - base, []) }
            } else if p.pointee.kind == .number {
                let patterns = Self.numberPatterns(tokens, p - base, lexicon)
                if !patterns.isEmpty { return (p - base, patterns) }
            }
            p += 1
        }
        return (tokens.count, [])
    }

    @inline(__always)
    private static func mayStartMatch(
        _ t: UnsafeBufferPointer<TimexToken>, at i: Int, _ starts: WordTable<StartClass>, _ lexicon: WordTable<TimexWord>
    ) -> Bool {
        let token = t[i]
        switch token.kind {
        case .number: return !numberPatterns(t, i, lexicon).isEmpty
        case .word:
            guard let start = starts[token.hash] else { return false }
            return start == .any || mayFollow(start, t, i &+ 1, lexicon)
        case .mark: return false
        }
    }

    /// What a word of `matchStarts` needs right after it to start an expression: most start one whatever follows,
    /// or have patterns too many to tell; the counts, `that` and the ordinals (a fifth of the tokens `match` was
    /// asked about, nearly all of them for nothing: `a`, `one`, `that`, `first`) start one only before a unit, and
    /// the shifts and units (most of the rest it was asked about for nothing) only beside the words their patterns read.
    enum StartClass: UInt8 {
        case any
        /// `a`, `an` and the number words that only count (`two weeks`, `a few days`, `a 90-day truce`, `one-year`):
        /// `duration` needs a unit, `few`/`several` or `-` next.
        case counted
        /// `that`: `anaphoricPeriod` needs a unit in the singular next (`that year`).
        case anaphoric
        /// `first` … `fourth`: the quarters (`the third quarter`, `third-quarter`).
        case ordinal
        /// `this`, `next`, `last`, `end`, `early`, `later` …: `relativeUnit`, `partOf` and their kin read the word
        /// after them, which must be a time word, a number, `-`, or one of `isShiftFollower`'s (`this year`,
        /// `mid-December`, `the end of`, `later that day`, `next fiscal year`, `this morning`). Most of these words
        /// start nothing in news (`this is`, `the previous government`, `to end the talks`). `current` and `past`
        /// are no such start: they are expressions on their own.
        case shift
        /// `day`, `years`, `quarter` …: a unit no count or shift before it took starts an expression only after
        /// `the`, `latest`, `fiscal` or `for` (`the quarter`, `over the weekend`, `for years`), or before a mark or
        /// `end` (`year-end`, `day-long`, `of the year,`).
        case unit
    }

    /// Whether token `k`, right after a start of class `start`, lets it start an expression (see `StartClass`).
    /// A `.unit` start also passes on the word before it (`k - 2`).
    @inline(__always)
    private static func mayFollow(
        _ start: StartClass, _ t: UnsafeBufferPointer<TimexToken>, _ k: Int, _ lexicon: WordTable<TimexWord>
    ) -> Bool {
        if start == .unit, k >= 2, t[k &- 2].kind == .word, isUnitLead(t[k &- 2].hash) { return true }
        guard k < t.count else { return false }
        let next = t[k]
        switch next.kind {
        case .mark: return next.mark == 0x2D ? start != .anaphoric : start == .unit
        case .number: return start == .shift
        case .word: break
        }
        guard let meaning = lexicon[next.hash] else { return start == .shift && isShiftFollower(next.hash) }
        switch start {
        case .shift: return true
        case .unit: return next.hash == W.end
        case .any, .counted, .anaphoric, .ordinal: break
        }
        switch meaning {
        case .unit(_, let plural): return start != .anaphoric || !plural
        case .number(-1): return start == .counted
        default: return false
        }
    }

    /// `the`, `latest`, `fiscal`, `for`: the words before a `.unit` start that its patterns read.
    @inline(__always)
    private static func isUnitLead(_ hash: UInt64) -> Bool {
        hash == W.the || hash == W.latest || hash == W.fiscal || hash == W.for_
    }

    /// The words outside the lexicon that a `.shift` start reads next: `of` (`the end of March`), `that` (`later
    /// that year`), `fiscal` (`next fiscal year`) and the parts of the day (`this morning`).
    @inline(__always)
    private static func isShiftFollower(_ hash: UInt64) -> Bool {
        hash == W.of || hash == Self.that || hash == W.fiscal || hash == W.morning || hash == W.afternoon || hash == W.evening
            || hash == W.night
    }

    /// The keys of `matchStarts` (some 150 of 4,096 bits set): a word that starts nothing is nearly always turned away
    /// by one load and one bit test, where the table's miss compares two slots (some twelve instructions). Most
    /// tokens are no start.
    static let startBits = matchStarts.keyBits()

    /// The words without a lexicon entry that `match(at:)` reads as the start of an expression (`a week`,
    /// `every Monday`, `that year`, `the latest fiscal year`). A word
    /// here that starts nothing only costs a call.
    static let unlistedStarts = ["a", "an", "every", "each", "that", "latest"]

    /// The lexicon's words and `unlistedStarts` in one table, each with its `StartClass`: one probe per word token.
    static let matchStarts: WordTable<StartClass> = WordTable(matchStartWords)

    /// The hashes of `matchStarts`, each with its `StartClass`.
    private static let matchStartWords: [(UInt64, StartClass)] =
        TimexLexicon.entries.map { entry -> (UInt64, StartClass) in
            let start: StartClass
            switch entry.meaning {
            // `two` and `nineteen` also read out years (`spokenMillennium`, `spokenYear`)
            case .number(let n) where n != 2 && n != 19: start = .counted
            case .ordinal: start = .ordinal
            case .shift(.relative) where entry.word == "current" || entry.word == "past": start = .any
            case .shift: start = .shift
            case .unit: start = .unit
            default: start = .any
            }
            return (TimexTokenizer.hash(entry.word), start)
        }
            + unlistedStarts.map { word in
                (TimexTokenizer.hash(word), word == "a" || word == "an" ? .counted : word == "that" ? .anaphoric : .any)
            }

    func match(at i: Int) -> TimexMatch? {
        firstMatch(at: i, numberPatterns: tokens[i].kind == .number ? Self.numberPatterns(tokens, i, lexicon) : [])
    }

    /// `match(at:)`, inlined into `matches(into:)`: called, it took each pattern's match out of the buffer the
    /// pattern wrote and wrote it again into its own (some seventy instructions a call), where inlined the pattern's
    /// match is copied once, into the loop's. `numberPatterns`: `numberPatterns` of token `i` when it is a number.
    @inline(__always)
    private func firstMatch(at i: Int, numberPatterns: NumberPatterns) -> TimexMatch? {
        let t = tokens[i]
        if t.kind == .number {
            if i > 0, !t.spaceBefore, tokens[i - 1].kind == .word || tokens[i - 1].mark == 0x2D {
                return nil  // glued to a word or a minus: `G20`, `COVID-19`, `-20`
            }
            return numberMatch(i, numberPatterns)
        }
        guard t.kind == .word, let word = lexicon[t.hash] else {
            // `a week`, `a few days`, `a 90-day truce`: `duration` counts only before a unit, `few`/`several` or `-`
            if t.kind == .word, isWord(i, W.a) || isWord(i, W.an) {
                switch word(i + 1) {
                case .unit?, .number(-1)?: return duration(i)
                default: return isMark(i + 1, 0x2D) ? duration(i) : nil
                }
            }
            if t.kind == .word, isWord(i, Self.that) { return anaphoricPeriod(i) }
            // `the latest fiscal year`: the last one closed
            if t.kind == .word, isWord(i, W.latest), var m = fiscalYear(i, offset: -1) {
                m.start = isWord(i - 1, W.the) ? i - 1 : i
                return m
            }
            if t.kind == .word, isWord(i, W.every) || isWord(i, W.each) {
                switch word(i + 1) {
                // `every week`: a SET with that period
                case .unit(let unit, false)?:
                    return TimexMatch(start: i, end: i + 2, type: .set, value: Self.durationValue(1, unit))
                // `each Thursday`, `every July`: a SET of those days or months
                case .weekday(let d)? where tokens[i + 1].capitalized:
                    return TimexMatch(start: i, end: i + 2, type: .set, value: "XXXX-WXX-\(d)")
                case .month(let m, false)? where tokens[i + 1].capitalized:
                    return TimexMatch(start: i, end: i + 2, type: .set, value: "XXXX-\(CalendarDate.pad(m, 2))")
                default:
                    break
                }
            }
            return nil
        }
        switch word {
        case .month: return monthFirstDate(i)
        case .weekday: return weekdayDate(i)
        case .holiday(let h): return holiday(i, h)
        case .number(19): return spokenYear(i) ?? duration(i)
        case .number(2): return spokenMillennium(i) ?? duration(i)
        case .decadeName(let tens):
            // `the nineties`: the decade of the century news is written in
            guard isWord(i - 1, W.the), !tokens[i].capitalized else { return nil }
            return TimexMatch(start: i - 1, end: i + 1, value: "19\(tens)")
        case .number: return duration(i)
        default: return relative(i, word)
        }
    }

    /// The number patterns in turn, `timeOfDay`, `numericDate`, `dayFirstDate`, `century`, `duration`, `bareYear`,
    /// the first that matches; each is asked only when the number and the token after it pass the first test it
    /// makes itself (a number of its size, a mark or a word after it), so the many numbers that start nothing
    /// do not enter six patterns, each of which set up its frame to turn them down. `patterns` are `numberPatterns`
    /// of token `i`, as the start scan found them.
    private func numberMatch(_ i: Int, _ patterns: NumberPatterns) -> TimexMatch? {
        if patterns.contains(.time), let m = timeOfDay(i) { return m }
        if patterns.contains(.numeric), let m = numericDate(i) { return m }
        if patterns.contains(.dayFirst), let m = dayFirstDate(i) { return m }
        if patterns.contains(.century), let m = century(i) { return m }
        if patterns.contains(.duration), let m = duration(i) { return m }
        return patterns.contains(.year) ? bareYear(i) : nil
    }

    /// The number patterns of `numberMatch`, one bit each.
    struct NumberPatterns: OptionSet {
        let rawValue: UInt8
        static let time = Self(rawValue: 1)
        static let numeric = Self(rawValue: 2)
        static let dayFirst = Self(rawValue: 4)
        static let century = Self(rawValue: 8)
        static let duration = Self(rawValue: 16)
        static let year = Self(rawValue: 32)
    }

    /// The patterns that can match at number token `i`: those whose own first tests the number and the token
    /// after it pass. Read by the start scan too, so most numbers (`$52 million`, `3.5%`) are not asked at all.
    @inline(__always)
    static func numberPatterns(_ t: UnsafeBufferPointer<TimexToken>, _ i: Int, _ lexicon: WordTable<TimexWord>) -> NumberPatterns {
        let number = t[i]
        let hasNext = i &+ 1 < t.count
        let next = hasNext ? t[i &+ 1] : number
        let nextWord = hasNext && next.kind == .word
        let nextMark: UInt8 = hasNext && next.kind == .mark ? next.mark : 0
        // the word after, looked up once for the tests below
        let meaning = nextWord ? lexicon[next.hash] : nil
        let small = number.digits <= 2
        var patterns: NumberPatterns = []
        // `clockTime`: `12:01`, or a meridiem word (`pm`, `a.m.`) right after
        if small, nextMark == 0x3A || nextWord && (next.hash == W.am || next.hash == W.pm || next.hash == W.a || next.hash == W.p) {
            patterns.insert(.time)
        }
        if nextMark == 0x2D || nextMark == 0x2F { patterns.insert(.numeric) }  // `2025-11-01`, `11/1/2025`
        // `dayNumber`, then a month after `th`, `of`, `-`, `to`, `through`, `until` or `and` (`1st of November`, `25 to 27 October`)
        if small, (1...31).contains(number.value), nextMark == 0x2D || mayFollowDay(meaning, next.hash) { patterns.insert(.dayFirst) }
        if small, case .ordinalSuffix? = meaning, !next.spaceBefore { patterns.insert(.century) }  // `20th`
        // a unit right after (`90 days`), or `-` (`90-day`) or a number (`5 1/2 hours`) before it
        if number.digits <= 4, (1...1000).contains(number.value), nextMark == 0x2D || hasNext && next.kind == .number || isUnit(meaning) {
            patterns.insert(.duration)
        }
        if number.digits == 4, (1800...2199).contains(number.value) { patterns.insert(.year) }  // `year`
        return patterns
    }

    /// Whether a word with lexicon meaning `meaning` and hash `hash` can follow the day of `dayFirstDate`.
    @inline(__always)
    private static func mayFollowDay(_ meaning: TimexWord?, _ hash: UInt64) -> Bool {
        switch meaning {
        case .month?, .ordinalSuffix?: return true
        case nil: return hash == W.of || hash == W.to || hash == W.through || hash == W.until || hash == W.and
        default: return false
        }
    }

    @inline(__always)
    private static func isUnit(_ meaning: TimexWord?) -> Bool {
        if case .unit? = meaning { return true }
        return false
    }

    /// `nineteen ninety-six`, `nineteen seventy nine`: a year read out, as broadcast transcripts write it.
    func spokenYear(_ i: Int) -> TimexMatch? {
        guard case .number(let tens)? = word(i + 1), tens >= 10, tens % 10 == 0 || tens < 20 else { return nil }
        var end = i + 2
        var year = 1900 + tens
        var k = end
        if isMark(k, 0x2D), isGlued(k) { k += 1 }
        if tens >= 20, case .number(let unit)? = word(k), (1...9).contains(unit) {
            year += unit
            end = k + 1
        }
        let dated = i > 0 && tokens[i - 1].kind == .word && W.datePrepositions.contains(tokens[i - 1].hash)
        return TimexMatch(start: i, end: end, value: String(year), date: dated ? .year(year) : nil)
    }

    /// `two thousand`, `the year two thousand and one`: a year after 1999 read out.
    func spokenMillennium(_ i: Int) -> TimexMatch? {
        guard isWord(i + 1, Self.thousand) else { return nil }
        var end = i + 2
        var year = 2000
        var k = end
        if isWord(k, W.and) { k += 1 }
        if case .number(let n)? = word(k), (1...19).contains(n) {
            year += n
            end = k + 1
        }
        // only as a year: `the year two thousand`, `by two thousand`, `in two thousand one`
        let yearWord = isWord(i - 1, W.year) && isWord(i - 2, W.the)
        guard yearWord || i > 0 && tokens[i - 1].kind == .word && W.datePrepositions.contains(tokens[i - 1].hash),
            !isWordIn(end, W.quantityWords), word(end) == nil
        else { return nil }
        return TimexMatch(start: yearWord ? i - 2 : i, end: end, value: String(year), date: .year(year))
    }

    /// `the 20th century`, `the 11th century temple`: TIMEX3 writes a century by its first two digits (`19`).
    func century(_ i: Int) -> TimexMatch? {
        guard tokens[i].digits <= 2, (1...21).contains(tokens[i].value), case .ordinalSuffix? = word(i + 1), isGlued(i + 1),
            case .century? = word(i + 2)
        else { return nil }
        let value = tokens[i].value - 1
        return TimexMatch(start: i, end: i + 3, value: value < 10 ? "0\(value)" : String(value))
    }

    static let thousand: UInt64 = 0xafad_e8fe_a024_d189  // "thousand"

    /// `m`, a day or span whose year was inferred, in year `y` instead.
    /// The year that puts the month and day of `m` nearest to `anchor`, a date stated with its year earlier in the
    /// sentence: `until March 20, 2026, … from 7 to 9 April` is April 2026, but `from December 28, 2026 to
    /// January 5` January 2027 and `on January 15, 2027, after a review on December 20` December 2026. The anchor's
    /// own year when the two are as near.
    static func year(nearest anchor: CalendarDate, of m: TimexMatch) -> Int {
        guard let date = m.date, date.granularity == .day else { return anchor.year }
        var best = anchor.year, distance = Int.max
        for y in [anchor.year, anchor.year - 1, anchor.year + 1] {
            guard let candidate = CalendarDate(year: y, month: date.firstDay.month, day: date.firstDay.day) else { continue }
            let d = abs(candidate.daysSinceEpoch - anchor.daysSinceEpoch)
            if d < distance { (best, distance) = (y, d) }
        }
        return best
    }

    /// `m` read near `anchor` (`year(nearest:of:)`), unless its own clause says it is ahead and that reading puts it
    /// before the reference date while the tense's reading did not: in `the exclusion, which was extended through
    /// October 20, 2025, will expire on May 31` (written in late October 2025) the relative clause's date is no anchor
    /// for the main clause's.
    func near(_ anchor: CalendarDate, _ m: TimexMatch) -> TimexMatch {
        let moved = Self.moved(m, toYear: Self.year(nearest: anchor, of: m))
        guard let before = moved.date?.lastDay, let own = m.date?.lastDay, before < resolver.reference, own >= resolver.reference,
            tense(m.start, m.end) == .future
        else { return moved }
        return m
    }

    static func moved(_ m: TimexMatch, toYear y: Int) -> TimexMatch {
        guard let date = m.date, date.granularity == .day, date.firstDay.year != y,
            let first = CalendarDate(year: y, month: date.firstDay.month, day: date.firstDay.day)
        else { return m }
        var moved = m
        let shift = y - date.firstDay.year
        moved.date = .day(first)
        moved.value = m.type == .date ? first.description : first.description + m.value.dropFirst(first.description.count)
        if let end = m.endDate?.firstDay, let last = CalendarDate(year: end.year + shift, month: end.month, day: end.day) {
            moved.endDate = .day(last)
        }
        moved.beforeReference = false
        return moved
    }

    // MARK: token helpers

    func word(_ i: Int) -> TimexWord? {
        i >= 0 && i < tokens.count && tokens[i].kind == .word ? lexicon[tokens[i].hash] : nil
    }

    /// The hash is compared before the kind: it nearly never matches, so that test is predicted, where a word
    /// or a mark before it came at random.
    func isWord(_ i: Int, _ hash: UInt64) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].hash == hash && tokens[i].kind == .word
    }

    func isWordIn(_ i: Int, _ table: WordTable<Bool>) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .word && table.contains(tokens[i].hash)
    }

    /// The mark byte first, as `isWord` compares the hash first: a word's or a number's `mark` is its first
    /// byte, which is rarely the punctuation asked about.
    func isMark(_ i: Int, _ mark: UInt8) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].mark == mark && tokens[i].kind == .mark
    }

    func isNumber(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .number }

    /// A token directly after the previous one, without whitespace (`25-27`, `mid-December`).
    func isGlued(_ i: Int) -> Bool { i < tokens.count && !tokens[i].spaceBefore }

    /// A verb before token `i` moves a date (`pushed back`, `delayed`, `extended`): `from A to B` after it
    /// is two dates.
    func reschedules(before i: Int) -> Bool {
        let table = W.rescheduling
        return tokens[..<min(i, tokens.count)].contains { $0.kind == .word && table.contains($0.hash) }
    }

    /// A four-digit year the news would plausibly mention.
    func year(_ i: Int) -> Int? {
        guard isNumber(i), tokens[i].digits == 4, (1800...2199).contains(tokens[i].value) else { return nil }
        if isMark(i + 1, 0x25) || isMark(i + 1, 0xB0) { return nil }
        return tokens[i].value
    }

    /// A capitalised month name (`November`, `Nov.`) at `i`: its number and the index after it.
    func monthName(_ i: Int) -> (month: Int, next: Int)? {
        guard case .month(let m, let abbreviation)? = word(i), tokens[i].capitalized else { return nil }
        if abbreviation {
            return isMark(i + 1, 0x2E) && isGlued(i + 1) ? (m, i + 2) : (m, i + 1)
        }
        return (m, i + 1)
    }

    /// A day of the month (`1`, `1st`, `01`) at `i` that is not a quantity: its value and the index after it.
    func dayNumber(_ i: Int) -> (day: Int, next: Int)? {
        guard isNumber(i), tokens[i].digits <= 2, (1...31).contains(tokens[i].value) else { return nil }
        var next = i + 1
        if case .ordinalSuffix? = word(next), isGlued(next) { next += 1 }
        if next < tokens.count {
            let t = tokens[next]
            if t.kind == .mark, t.mark == 0x25 || t.mark == 0xB0 || (t.mark == 0x3A && isNumber(next + 1))
                || (t.mark == 0x2E && isNumber(next + 1) && isGlued(next + 1))
            {
                return nil  // 5%, 20°, 10:30, 1.5
            }
            if t.kind == .word, W.quantityWords.contains(t.hash) { return nil }
        }
        return (tokens[i].value, next)
    }

    /// The tense of the clause around tokens `lower..<upper`.
    func tense(_ lower: Int, _ upper: Int) -> Tense {
        TenseReader(bytes: bytes, tokens: tokens).tense(around: lower, upper)
    }

    /// `until/through/till November 10`: the end of a span whose verb tense tells of its start, so a
    /// past verb still means the nearest date (`the truce lasted until November 10`); a future one
    /// means the next (`will hold a consultation until May 10`).
    func tenseForDate(_ lower: Int, _ upper: Int) -> Tense {
        var k = lower - 1
        // `until mid-November`, `until early December`
        if isMark(k, 0x2D), isGlued(k), isWord(k - 1, W.mid) || isWord(k - 1, W.early) || isWord(k - 1, W.late) { k -= 2 }
        else if isWord(k, W.early) || isWord(k, W.late) || isWord(k, W.mid) { k -= 1 }
        if isWord(k, W.on) || isWord(k, W.the) { k -= 1 }
        let clause = tense(lower, upper)
        // `with the revised order taking effect on Aug. 28`, `the pact coming into force on May 1`: a start told by a
        // participle of its own is the nearest such day, whatever tense the sentence's verb has
        if clause == .past, isWord(k, Self.effect) || isWord(k, Self.force) {
            let verb = isWord(k - 1, Self.into) || isWord(k - 1, W.in_) ? k - 2 : k - 1
            if isWordIn(verb, Self.startingParticiples) { return .present }
        }
        // `extended to Nov. 20` too
        if isWord(k, W.until) || isWord(k, W.till) || isWord(k, W.through) || isWord(k, W.thru) || isWord(k, W.to) {
            return clause == .future ? .future : .present
        }
        // `Beginning March 1, the quota shrinks`: a start with no verb that dates it is the nearest such day; so is one
        // set by a past decision (`Trump on Monday approved tariffs … starting Feb. 7`): the deciding is past, the start
        // as likely ahead
        if clause != .future, isWordIn(k, Self.startWords) { return .present }
        return clause
    }
}

/// Hashes of the function words the patterns look for.
///
/// Written out as literals (`WordHash.of` of the quoted word) so that reading one is a constant,
/// not a lazy global initialised through `swift_once` on every token; `functionWordHashesMatchTheirWords`
/// in the tests keeps them honest.
enum W {
    static let on: UInt64 = 0xa554_4bfd_f9d6_80ba  // "on"
    static let in_: UInt64 = 0xe21f_1b58_1465_299c  // "in"
    static let at: UInt64 = 0x0dc7_aea4_21ec_4453  // "at"
    static let by: UInt64 = 0xfbe6_b7db_78d7_97ed  // "by"
    static let from: UInt64 = 0xe402_aace_8847_3e73  // "from"
    static let to: UInt64 = 0x9742_2fed_6711_28a8  // "to"
    static let until: UInt64 = 0xc909_b0de_6366_7d4b  // "until"
    static let till: UInt64 = 0xf81f_19a0_1cf2_b435  // "till"
    static let through: UInt64 = 0x7ff9_064e_da19_b884  // "through"
    static let thru: UInt64 = 0xf928_66e4_3ce3_e70f  // "thru"
    static let and: UInt64 = 0xdd34_de19_58a0_1f4a  // "and"
    static let between: UInt64 = 0x6a0f_f430_d3ee_3088  // "between"
    static let of: UInt64 = 0x764f_773b_d4f7_13b9  // "of"
    static let the: UInt64 = 0x1060_7e2e_2a78_b2fc  // "the"
    static let a: UInt64 = 0x10b9_9e0d_13cb_0750  // "a"
    static let an: UInt64 = 0xe648_0c04_ea50_4819  // "an"
    static let ago: UInt64 = 0x289d_16bb_4e25_ed83  // "ago"
    static let within: UInt64 = 0xd948_fd1b_2ac4_f620  // "within"
    static let over: UInt64 = 0xe947_31f1_4d74_c3a6  // "over"
    static let during: UInt64 = 0x36e2_afa6_b104_587b  // "during"
    static let since: UInt64 = 0x3e1a_c263_ba15_9110  // "since"
    static let before: UInt64 = 0x9874_93a9_184c_10a6  // "before"
    static let after: UInt64 = 0x2e07_0798_d2ab_f985  // "after"
    static let for_: UInt64 = 0x50bb_9ee0_7778_bf21  // "for"
    static let old: UInt64 = 0xb01d_d2a7_ecfd_06e2  // "old"
    static let s: UInt64 = 0xa8eb_8f3d_957a_fbfd  // "s"
    static let every: UInt64 = 0x9886_e914_e0bf_5cb3  // "every"
    static let each: UInt64 = 0x41af_8e45_374d_cb57  // "each"
    static let per: UInt64 = 0x2bcd_eadd_870e_01a0  // "per"
    static let year: UInt64 = 0x4241_c0fc_8320_405a  // "year"
    static let end: UInt64 = 0x5f1c_546b_3bb5_f00c  // "end"
    static let fiscal: UInt64 = 0xed51_c67b_ed4d_6fc3  // "fiscal"
    static let now: UInt64 = 0xf455_c34f_85f2_b936  // "now"
    static let was: UInt64 = 0xf3e6_2134_435d_9d50  // "was"
    static let were: UInt64 = 0xd0b8_4a57_4539_1360  // "were"
    static let instead: UInt64 = 0xc9d3_22a3_d18f_a86c  // "instead"
    static let cent: UInt64 = 0x6857_a7d3_774d_d233  // "cent"
    static let later: UInt64 = 0xdaf5_8b12_893e_eac4  // "later"
    static let past: UInt64 = 0x5b7d_99ce_fef5_9f48  // "past"
    static let early: UInt64 = 0x2977_88b0_d536_e0ad  // "early"
    static let earlier: UInt64 = 0x4208_532a_de6d_9e19  // "earlier"
    static let current: UInt64 = 0xecc1_b86e_e6ab_e3cb  // "current"
    static let future: UInt64 = 0xa2b5_5eaf_1a94_384b  // "future"
    static let latest: UInt64 = 0xcf6c_fc54_6e3b_ea30  // "latest"
    static let late: UInt64 = 0x0c7b_a955_23c7_5ea5  // "late"
    static let mid: UInt64 = 0xed40_6aea_b255_d9a3  // "mid"
    static let morning: UInt64 = 0xe364_a7f1_0c9d_866a  // "morning"
    static let afternoon: UInt64 = 0x016e_6d38_4aa0_3a83  // "afternoon"
    static let evening: UInt64 = 0xc71d_41d1_348a_196f  // "evening"
    static let night: UInt64 = 0x3577_232e_6ef8_a91a  // "night"
    static let am: UInt64 = 0x90ab_a18d_2dec_3ff9  // "am"
    static let pm: UInt64 = 0x09b7_6960_1ad3_5d20  // "pm"
    static let p: UInt64 = 0x4851_a2d9_1eb7_5fcc  // "p"
    static let m: UInt64 = 0x6e50_20b3_30d5_749b  // "m"
    static let will: UInt64 = 0x17bd_41fd_ea0a_c396  // "will"
    static let shall: UInt64 = 0xfc65_b068_db0c_33b6  // "shall"
    static let ll: UInt64 = 0x382b_6d27_f550_c3b5  // "ll"
    static let quarter: UInt64 = 0x3495_cc2d_49d1_9a54  // "quarter"

    /// Prepositions that make a bare year or month a date (`in 2026`, `since April`).
    static let datePrepositions: WordTable<Bool> = WordTable(set: 
        [
            "in", "since", "by", "until", "till", "through", "from", "during", "before", "after", "of", "for", "to",
            "early", "late", "mid", "end", "around", "between", "and", "throughout", "last", "next", "this", "fiscal",
            "year", "circa", "as", "starting", "beginning", "effective", "ending", "than", "into",
        ].map(TimexTokenizer.hash))

    /// Verbs that move a date: `delayed from July 9 to Aug. 1` names an old date and a new one, not a span.
    /// Only verb forms: `a final push`, `the move`, `a delay` are nouns.
    static let rescheduling: WordTable<Bool> = WordTable(set:
        ["delays", "delayed", "delaying", "postpone", "postpones", "postponed", "postponing", "pushes", "pushed", "moved",
         "extend", "extends", "extended", "extending", "shifted", "reschedule", "rescheduled", "defer", "defers",
         "deferred", "brought"].map(TimexTokenizer.hash))

    /// `the fastest pace in three years`: after these, `in N years` is a span looking back, not a date ahead.
    static let superlatives: WordTable<Bool> = WordTable(set:
        ["fastest", "slowest", "highest", "lowest", "biggest", "largest", "smallest", "strongest", "weakest", "longest",
         "shortest", "sharpest", "steepest", "deepest", "best", "worst", "first", "most", "least"].map(TimexTokenizer.hash))

    /// Words after a number that make it a quantity, not a day.
    static let quantityWords: WordTable<Bool> = WordTable(set: 
        [
            "percent", "per", "pct", "million", "billion", "trillion", "thousand", "hundred", "cent", "cents",
            "points", "point", "degrees", "tons", "tonnes", "people", "dollars", "euros", "yuan", "km", "kg", "mph",
        ].map(TimexTokenizer.hash))
}
