/// Tells a date an article commits to from a date that only places something in time.
///
/// Real news dates many things that no analyst wants an alert for: the dateline, a photo caption,
/// a statistic (`inflation picked up in August`), a generic remark (`at the end of the year you make
/// enough money`), the day a decision was announced. Each test here names one such family in general
/// English; the deadline finder asks before it makes a deadline.
struct DeadlineGate {
    let bytes: [UInt8]
    let tokens: TimexTokens
    /// `tables`, which the deadline finder reads once per document and gives every gate it makes: through their
    /// lazy globals, the tests below paid a `swift_once` call per table they read, one or two per date.
    private let tables: UnsafePointer<Tables>

    init(bytes: [UInt8], tokens: TimexTokens, tables: UnsafePointer<Tables> = DeadlineGate.tables) {
        self.bytes = bytes
        self.tokens = tokens
        self.tables = tables
    }

    /// The word tables the gate's tests read, in one lazy global read in place (`ProcessLifetime`).
    struct Tables {
        fileprivate let lexicon = DeadlineGate.lexicon, subordinators = DeadlineGate.subordinators
        fileprivate let captionWords = DeadlineGate.captionWords, negations = DeadlineGate.negations
        fileprivate let periodEnds = DeadlineGate.periodEnds, accountingPeriods = DeadlineGate.accountingPeriods
        fileprivate let formerly = DeadlineGate.formerly, planned = DeadlineGate.planned
        fileprivate let scheduling = DeadlineGate.scheduling, speculative = DeadlineGate.speculative
        fileprivate let nounCues = DeadlineKindReader.nounCues, reporting = ClauseLexicon.reporting
        fileprivate let boilerplate = BoilerplateFilter.vocabulary
    }

    nonisolated(unsafe) static let tables = ProcessLifetime.pointer(to: Tables())

    /// Why the date at tokens `lower..<upper` is no deadline, or nil when it may be one.
    /// - Parameter clauseWords: the clause words last read in the same sentence (nil for none), reused when the date
    ///   is in that clause and written when it is not: the clause is mostly the whole sentence, and each date of it
    ///   read all its words again.
    func rejection(
        _ lower: Int, _ upper: Int, kind: DeadlineKind, granularity: Granularity, clauseWords: inout ClauseWords?
    ) -> Rejection? {
        if isDateline(lower, upper) { return .dateline }
        if isInCaption(upper) { return .caption }
        // one pass over the clause finds it and says which of the costlier readings below can apply
        let words = self.clauseWords(lower, upper, known: &clauseWords)
        let (first, last) = (words.first, words.last)
        if let business = words.businessOrData { return business }
        if words.all.contains(.formerlyOrPlanned), isSuperseded(lower, first) { return .superseded }
        if isFrontedStatementDate(lower, upper) { return .statement }
        if isAccountingPeriodEnd(lower) { return .statistic }
        if kind == .effective || kind == .expiry, granularity == .year || granularity == .quarter,
            !words.all.contains(.measure), !namesEvent(first, last)
        {
            return .coarsePeriod
        }
        guard kind == .other else { return nil }
        if let generic = words.genericOrIndicator { return generic }
        if words.all.contains(.quantity) && words.all.contains(.movement) { return .statistic }
        if words.all.contains(.negation), isNegated(lower, upper, first) { return .negated }
        if words.all.contains(.can), isGovernedByCan(lower, upper, first, last) { return .generic }
        if let announcing = words.firstAnnouncing, announcing < lower, granularity == .day, isAnnouncementDay(lower, clauseStart: first) {
            return .statement
        }
        return nil
    }

    /// The words of the clause around the date at `lower..<upper`: `known` when it is that clause, else read and kept
    /// in `known` for the next date of the sentence. The deadline finder asks it before the kind reader's walk
    /// (`holdsEventWord`) and `rejection` after, so that the clause is read once for both.
    func clauseWords(_ lower: Int, _ upper: Int, known: inout ClauseWords?) -> ClauseWords {
        if let known, known.holds(lower, upper) { return known }
        let words = ClauseWords(tokens, around: lower, upper, lexicon: tables.pointee.lexicon, boilerplate: tables.pointee.boilerplate)
        known = words
        return words
    }

    /// What the lexicon says of a clause's words, read in one pass: the readings of `rejection` that need no more
    /// than which lists its words are in, without a pass over the clause for each. None of it depends on where in
    /// the clause the date is: another date of the same clause reads it as it is (`holds`).
    struct ClauseWords {
        /// Every list some word of the clause is in.
        fileprivate var all: GateWord = []
        /// The first verb of announcing in the clause: one before the date is what `isAnnouncementDay` needs.
        fileprivate var firstAnnouncing: Int?
        /// The first generic pronoun (`you`, not after `thank`) or indicator noun of the clause, as its rejection.
        fileprivate var genericOrIndicator: Rejection?
        /// The clause around the date (`DeadlineGate.clause`): its first token and one past its last.
        let first: Int
        let last: Int
        /// No token of the clause breaks it (the date's own were not looked at by the search for its ends).
        private var unbroken = true
        /// Some word of the clause starts a promotion (`BoilerplateFilter.startsPromotion`).
        private var promotional = false

        /// `BoilerplateFilter`'s promotion test of the sentence of `count` tokens when this clause is all of it, else
        /// nil: the filter, asked of every sentence that gave a deadline, then does not read its words again.
        func promotionalSentence(count: Int) -> Bool? {
            first == 0 && last == count ? promotional : nil
        }

        /// Some word of the clause, the date's own included, is an event word (`DeadlineKindReader.cues`): without
        /// one, `DeadlineKindReader.eventKind`, which looks for the nearest in the clause, finds none.
        var holdsEventWord: Bool { all.contains(.eventWord) }

        /// Whether the date at `lower..<upper` is in this clause, which its search would then find again.
        func holds(_ lower: Int, _ upper: Int) -> Bool {
            unbroken && first <= lower && upper <= last
        }

        /// Reads the words while it looks for the clause's ends, back from the date and on from it: finding the clause
        /// first and reading it after went over every token twice.
        fileprivate init(
            _ tokens: TimexTokens, around lower: Int, _ upper: Int, lexicon: WordTable<GateWord>,
            boilerplate: UnsafePointer<BoilerplateFilter.Tables>
        ) {
            var all: GateWord = [], firstAnnouncing: Int?, genericOrIndicator: Rejection?, promotional = false
            /// Word `k`'s lists; `overwrite` while reading backwards, so the first such word of the clause decides.
            func read(_ k: Int, overwrite: Bool) {
                guard tokens[k].kind == .word, let w = lexicon[tokens[k].hash] else { return }
                all.formUnion(w)
                if w.contains(.promotionLead), !promotional,
                    let lead = boilerplate.pointee.promotionLeads[tokens[k].hash],
                    BoilerplateFilter.startsPromotion(k, lead, tokens, boilerplate)
                {
                    promotional = true
                }
                if w.contains(.announcing), overwrite || firstAnnouncing == nil { firstAnnouncing = k }
                guard overwrite || genericOrIndicator == nil else { return }
                if w.contains(.genericPronoun), !(k > 0 && tokens[k - 1].hash == DeadlineGate.thank) {
                    genericOrIndicator = .generic
                } else if w.contains(.indicator) {
                    genericOrIndicator = .statistic
                }
            }
            var first = lower
            while first > 0, !tokens.isClauseBreak(first - 1) {
                first -= 1
                read(first, overwrite: true)
            }
            for k in lower..<upper {
                read(k, overwrite: false)
                if tokens.isClauseBreak(k) { unbroken = false }
            }
            var last = upper
            while last < tokens.count, !tokens.isClauseBreak(last) {
                read(last, overwrite: false)
                last += 1
            }
            (self.first, self.last, self.promotional) = (first, last, promotional)
            (self.all, self.firstAnnouncing, self.genericOrIndicator) = (all, firstAnnouncing, genericOrIndicator)
        }

        /// `Giant said it plans to expand its plant in Hungary in March`, `Toyota will announce its quarterly earnings
        /// on Nov. 6`, `the agency releases September trade data on Wednesday`: a firm's own plans and the calendar of
        /// statistics are dated, but no trade measure or procedure happens then. Whatever the kind: `close the plant by
        /// March` reads as a due date. A clause that also names a measure (`when the tariffs take effect on March 1`)
        /// or a filing (`must submit sales data by March 1`) keeps its date.
        var businessOrData: Rejection? {
            if all.contains(.measure) { return nil }
            if all.contains(.dataNoun) && all.contains(.publishing) { return .dataRelease }
            return all.contains(.businessNoun) ? .companyPlan : nil
        }
    }

    enum Rejection: Equatable {
        case dateline, caption, generic, statistic, statement, companyPlan, dataRelease, superseded, coarsePeriod, negated
    }

    /// `construction is set to begin in early 1991`, `the company won't be profitable until 1994`, `the trend will
    /// continue into the fourth quarter`, `its fourth quarter ended June 30`: a year or a quarter that something
    /// starts or ends in is too coarse to alert on unless its clause names a measure or a procedure (`the duties take
    /// effect in 2026`) or an event (`the truce expires next year`); otherwise it is a forecast, a goal or a period of
    /// accounts. A stated due date (`the results are due in the third quarter`) and a meeting keep their own reading.
    /// (`rejection` reads the measure with the clause's other words, in `ClauseWords`; this asks for the event.)
    private func namesEvent(_ first: Int, _ last: Int) -> Bool {
        let events = tables.pointee.nounCues
        return (first..<last).contains { k in tokens[k].kind == .word && events.contains(tokens[k].hash) }
    }

    /// `officials said they did not plan to remove him on Thursday morning`, `the minister will not travel to Geneva on
    /// Monday`: with no event word to say otherwise, a date whose verb is denied dates nothing. `will not take effect
    /// until Nov. 1` has its kind from `until` and is not asked; a date in the possessive names its own event (`not
    /// working for any candidate in next week's election`).
    private func isNegated(_ lower: Int, _ upper: Int, _ first: Int) -> Bool {
        let end = tokens[upper - 1].end
        // `'s` or `’s` (E2 80 99) right after the date
        if end < bytes.count, bytes[end] == 0x27 || end + 2 < bytes.count && bytes[end] == 0xE2 && bytes[end + 1] == 0x80
            && bytes[end + 2] == 0x99
        {
            return false
        }
        var k = lower - 1
        let negations = tables.pointee.negations, subordinators = tables.pointee.subordinators  // once, not per word
        while k >= first, k >= lower - 8 {
            let t = tokens[k]
            if t.kind == .mark {
                if t.mark == 0x2C { return false }
            } else if negations.contains(t.hash) {
                // `didn't`: the `t` after an apostrophe
                return t.hash != Self.tWord || (k > 0 && tokens[k - 1].kind == .mark && !t.spaceBefore)
            } else if subordinators.contains(t.hash) {
                return false
            }
            k -= 1
        }
        return false
    }

    private static let negationWords = ["not", "never", "t"]
    private static let negations: WordTable<Bool> = WordTable(set: negationWords.map(TimexTokenizer.hash))
    static let tWord: UInt64 = 0xcab9_182b_f1ad_ef0f  // "t"

    /// `a loss for the year ending June 30`, `for the year ending tomorrow`, `the quarter ended Sept. 30`: the last day of
    /// a period of accounts or statistics, not something that expires. `the truce ending Nov. 10` keeps its date.
    private func isAccountingPeriodEnd(_ lower: Int) -> Bool {
        let k = tokens.indexBeforeDate(lower)
        guard k >= 1, tokens[k].kind == .word, tables.pointee.periodEnds.contains(tokens[k].hash), tokens[k - 1].kind == .word
        else { return false }
        return tables.pointee.accountingPeriods.contains(tokens[k - 1].hash)
    }

    private static let periodEnds: WordTable<Bool> = WordTable(set: ["ending", "ended"].map(TimexTokenizer.hash))
    private static let accountingPeriods: WordTable<Bool> = WordTable(set:
        ["year", "years", "quarter", "quarters", "half", "month", "months", "week", "weeks"].map(TimexTokenizer.hash))

    /// `Friday, an FBI official said …`, `On Monday, the ministry announced …`: a date that opens the sentence before a
    /// comma, where the first finite verb after it is one of saying, is when it was said. `On Monday, the duties will
    /// take effect, officials said` reaches `will` first and keeps its date.
    private func isFrontedStatementDate(_ lower: Int, _ upper: Int) -> Bool {
        guard lower == 0 || lower == 1 && tokens[0].kind == .word && tokens[0].hash == W.on,
            upper < tokens.count, tokens[upper].kind == .mark, tokens[upper].mark == 0x2C
        else { return false }
        let tense = TenseReader(bytes: bytes, tokens: tokens)
        var k = upper + 1
        while k < tokens.count, k <= upper + 10, !tokens.isClauseBreak(k) {
            if tokens[k].kind == .word, !tokens[k].capitalized {
                if tables.pointee.reporting.reports(tokens[k].hash, .datesStatement) { return true }
                if tense.cue(at: k) != nil || tables.pointee.subordinators.contains(tokens[k].hash) { return false }
            }
            k += 1
        }
        return false
    }

    /// `the talks, originally set for Oct. 30, will now open on Nov. 5`, `the report, initially due in October`: a
    /// date said to have been the first plan is one that no longer holds. So is one that `had been set` (`the offer,
    /// which had been set to expire Nov. 6`): the past perfect of a plan tells of a plan since changed.
    private func isSuperseded(_ lower: Int, _ first: Int) -> Bool {
        var k = lower - 1
        let formerly = tables.pointee.formerly, planned = tables.pointee.planned
        while k >= first, k >= lower - 5 {
            if tokens[k].kind == .word, formerly.contains(tokens[k].hash) { return true }
            if k >= first + 2, tokens[k].kind == .word, planned.contains(tokens[k].hash), tokens[k - 1].hash == Self.been,
                tokens[k - 2].hash == Self.had
            {
                return true
            }
            // `The measures, which were due to expire on October 30, will now apply until October 2027`: the past of a
            // plan, with a new one after it
            if k >= first + 1, tokens[k].kind == .word, planned.contains(tokens[k].hash),
                tokens[k - 1].hash == W.was || tokens[k - 1].hash == W.were, Self.hasNewPlan(after: lower, tokens)
            {
                return true
            }
            if tokens[k].kind == .mark, tokens[k].mark == 0x2C { return false }
            k -= 1
        }
        return false
    }

    /// `now` or `instead` after the date: the sentence goes on to the plan that holds.
    private static func hasNewPlan(after lower: Int, _ tokens: TimexTokens) -> Bool {
        (lower..<tokens.count).contains { tokens[$0].kind == .word && (tokens[$0].hash == W.now || tokens[$0].hash == W.instead) }
    }

    private static let plannedWords = ["set", "scheduled", "due", "expected", "planned", "slated"]
    private static let planned: WordTable<Bool> = WordTable(set: plannedWords.map(TimexTokenizer.hash))

    private static let formerlyWords = ["originally", "initially", "previously", "formerly"]
    private static let formerly: WordTable<Bool> = WordTable(set: formerlyWords.map(TimexTokenizer.hash))

    /// `must respond within two weeks`, `the tariffs kick in in ten days`: a span counted from the article's date
    /// is a deadline when it is short (days or weeks) and stated as fact. `within 20 years`, `could take effect
    /// within a week`, `used up within ten days of opening` (counted from an event, or told in the past) are
    /// estimates and histories.
    /// - Parameter tense: the tense of the expression's clause (`TenseReader.tense(around:_:)`).
    func isCountedDeadline(_ timex: TaggedTimex, _ lower: Int, _ upper: Int, kind: DeadlineKind, tense: Tense) -> Bool {
        guard kind != .other, tense != .past,
            let (_, unit) = SentenceTagger.countAndUnit(timex.value), unit == .day || unit == .week
        else { return false }
        if upper < tokens.count, tokens[upper].kind == .word,
            tokens[upper].hash == W.of || tokens[upper].hash == W.after || tokens[upper].hash == W.from
        {
            return false
        }
        let (first, _) = clause(lower, upper)
        let speculative = tables.pointee.speculative
        return !(first..<lower).contains { tokens[$0].kind == .word && speculative.contains(tokens[$0].hash) }
    }

    private static let speculative: WordTable<Bool> = WordTable(set:
        ["could", "might", "may", "possibly", "perhaps", "likely", "unlikely"].map(TimexTokenizer.hash))

    /// `SHANGHAI, July 2 --`, `BEIJING, April 6 (Xinhua) --`: the place in capitals and the dash say
    /// when the report was filed. Outlets that print the place in title case (`Ottawa, Dec. 1 (Reuters) -`)
    /// count when a spaced dash follows: prose that names a place before a date has a word in lower case
    /// (`talks open in Geneva, Dec. 1`). So do a byline (`By Ann Lee — May 4, 2026 at 9 a.m.`, `Ann Lee, Seoul —
    /// 4 May 2026, 18:05`) and a wire line that opens on its date (`Oct 24 (Reuters) -`).
    func isDateline(_ lower: Int, _ upper: Int) -> Bool {
        if isByline(lower) || isLeadingWireDate(upper, lower) || isDateOnlyLine(lower, upper) { return true }
        guard lower >= 2, lower <= 8 else { return false }
        var sawPlace = false, titleCase = false
        for k in 0..<lower {
            let t = tokens[k]
            if t.kind == .word {
                if !isAllCapitals(t) {
                    guard t.capitalized else { return false }
                    titleCase = true
                }
                sawPlace = true
            } else if t.kind == .mark, t.mark == 0x2C || t.mark == 0x2E || t.mark == 0x2F {
                continue
            } else {
                return false
            }
        }
        guard sawPlace, tokens[lower - 1].kind == .mark, tokens[lower - 1].mark == 0x2C else { return false }
        // the dash after the date, maybe after an agency in parentheses
        var k = upper
        if k < tokens.count, tokens[k].kind == .mark, tokens[k].mark == 0x28 {
            while k < tokens.count, k < upper + 6, !(tokens[k].kind == .mark && tokens[k].mark == 0x29) { k += 1 }
            k += 1
        }
        // `BRUSSELS, June 20, 2018` on a line of its own: nothing follows the place and its date
        if k >= tokens.count { return true }
        guard tokens[k].kind == .mark else { return false }
        // a place in title case only before a spaced dash (`Ottawa, Dec 1 -- `, not `Monday, Dec 1-3`)
        if titleCase { return tokens[k].mark == 0x2D && tokens[k].spaceBefore }
        // `NEW DELHI, Dec 2 (IANS): India will …`: some agencies close their dateline with a colon
        return tokens[k].mark == 0x2D || tokens[k].mark == 0x3A
    }

    /// A line that holds nothing but its date, maybe with a clock time and its zone (`December 7, 2026`, `Dec. 7,
    /// 2026 9:30 a.m. ET`): when the page was written, under a byline or a headline. No event is told without a word.
    private func isDateOnlyLine(_ lower: Int, _ upper: Int) -> Bool {
        guard isStampLead(lower) else { return false }
        var k = upper
        while k < tokens.count {
            let t = tokens[k]
            if t.kind == .word, !Self.clockWords.contains(t.hash) { return false }
            k += 1
        }
        return true
    }

    /// What may stand before a time stamp's date: nothing but marks, a short weekday (`Tue 1 Jul 2025`), or a stamp word
    /// (`Posted:`, `Published on`, `Updated`) after names and marks only (`Peter Lee · CBC News · Posted: Jun 29, 2018`).
    /// A headline in title case (`Tariffs Take Effect Friday`) has no stamp word, so it stays a sentence.
    private func isStampLead(_ lower: Int) -> Bool {
        var k = lower - 1
        if k >= 0, tokens[k].kind == .mark, tokens[k].mark == 0x2C { k -= 1 }
        if k >= 0, tokens[k].kind == .word, tokens[k].capitalized, Self.shortWeekdays.contains(tokens[k].hash) { k -= 1 }
        while k >= 0, tokens[k].kind == .mark || tokens[k].hash == W.on { k -= 1 }
        guard k >= 0 else { return true }
        guard tokens[k].kind == .word, Self.stampWords.contains(tokens[k].hash) else { return false }
        for j in 0..<k where !(tokens[j].kind == .mark || tokens[j].kind == .word && tokens[j].capitalized) { return false }
        return true
    }

    private static let shortWeekdays: WordTable<Bool> = WordTable(set:
        ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"].map(TimexTokenizer.hash))
    private static let stampWords: WordTable<Bool> = WordTable(set:
        ["posted", "published", "updated", "modified", "dated", "issued", "date"].map(TimexTokenizer.hash))

    /// Words a time stamp has beside its date: `at`, `a.m.`, a time zone.
    private static let clockWords: WordTable<Bool> = WordTable(set:
        ["at", "am", "pm", "a", "p", "m", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "gmt", "utc", "bst",
         "cet", "cest", "ist", "jst", "hkt", "sgt", "aest", "aedt"].map(TimexTokenizer.hash))

    /// Only names before the date (capitalised words, commas, hyphens inside a name), and a spaced dash right
    /// before it: who wrote the report, and when. A sentence of prose has a word in lower case before its dash.
    private func isByline(_ lower: Int) -> Bool {
        // the dash: `—`, or `--` as two marks
        var dash = lower - 1
        while dash > 0, tokens[dash].kind == .mark, tokens[dash].mark == 0x2D, !tokens[dash].spaceBefore { dash -= 1 }
        guard lower >= 2, lower <= 10, dash > 0, tokens[dash].kind == .mark, tokens[dash].mark == 0x2D, tokens[dash].spaceBefore
        else { return false }
        var sawName = false
        for k in 0..<dash {
            let t = tokens[k]
            if t.kind == .word {
                // `Mei-hua`: the second half of a hyphenated name may be lower case
                let joined = k > 0 && !t.spaceBefore && tokens[k - 1].kind == .mark && tokens[k - 1].mark == 0x2D
                guard t.capitalized || joined else { return false }
                sawName = true
            } else if t.kind == .mark, t.mark == 0x2C || t.mark == 0x2E || (t.mark == 0x2D && !t.spaceBefore) {
                continue
            } else {
                return false
            }
        }
        return sawName
    }

    /// `Oct 24 (Reuters) - Talks resume …`: the date opens the sentence and an agency in parentheses and a
    /// dash follow it.
    private func isLeadingWireDate(_ upper: Int, _ lower: Int) -> Bool {
        guard lower == 0, upper + 3 < tokens.count, tokens[upper].kind == .mark, tokens[upper].mark == 0x28,
            tokens[upper + 1].kind == .word, tokens[upper + 1].capitalized
        else { return false }
        var k = upper + 2
        while k < tokens.count, k < upper + 6, !(tokens[k].kind == .mark && tokens[k].mark == 0x29) { k += 1 }
        k += 1
        return k < tokens.count && tokens[k].kind == .mark && tokens[k].mark == 0x2D
    }

    private func isAllCapitals(_ t: TimexToken) -> Bool {
        t.capitalized && t.end - t.start >= 2 && !bytes[t.start..<t.end].contains { $0 >= 0x61 && $0 <= 0x7A }
    }

    /// `… in November in the labs of … [Photo by …]`: a caption the sentence splitter kept with the text.
    func isInCaption(_ upper: Int) -> Bool {
        var k = upper
        while k + 1 < tokens.count {
            let t = tokens[k]
            if t.kind == .mark, t.mark == 0x5B || t.mark == 0x28, tokens[k + 1].kind == .word,
                tables.pointee.captionWords.contains(tokens[k + 1].hash)
            {
                return true
            }
            k += 1
        }
        return false
    }

    /// `a batch of milk can reach tables as soon as Wednesday`: what can happen, not what will. `can` governs
    /// the date only when no verb with a tense of its own stands between (`Brazil can ask for a panel once the
    /// period runs out on Oct. 10` dates the running out). Generic remarks addressed to anyone (`at the end of
    /// the year you make enough money`) are caught by their `you` in `rejection`.
    private func isGovernedByCan(_ lower: Int, _ upper: Int, _ first: Int, _ last: Int) -> Bool {
        let tense = TenseReader(bytes: bytes, tokens: tokens)
        let subordinators = tables.pointee.subordinators
        func governedByCan(_ range: StrideThrough<Int>) -> Bool {
            for k in range where tokens[k].kind == .word && !tokens[k].capitalized {
                if tokens[k].hash == Self.canWord { return true }
                // `… on Nov. 5 over whether Trump can use …`: another clause's `can`
                if tense.cue(at: k) != nil || subordinators.contains(tokens[k].hash) { return false }
            }
            return false
        }
        // `… runs out on Oct. 10`, `a container leaving port on Monday can reach …`
        return governedByCan(stride(from: lower - 1, through: first, by: -1))
            || governedByCan(stride(from: upper, through: last - 1, by: 1))
    }

    // A figure of the economy dated, not a measure or an event (`consumer inflation picked up in August`,
    // `exports dropped in June`): an indicator noun, or a quantity with a verb of movement, in `rejection`.

    /// `China announced a decision to make … on Friday`, `according to health officials Saturday`: the
    /// day of the announcement, when nothing after the verb of announcing says `will` or `would`.
    /// `first` is the clause's first token, which `rejection` has already found.
    func isAnnouncementDay(_ lower: Int, clauseStart first: Int) -> Bool {
        let tense = TenseReader(bytes: bytes, tokens: tokens)
        let lexicon = tables.pointee.lexicon, scheduling = tables.pointee.scheduling  // read once, not per word
        var k = lower - 1
        while k >= first {
            let t = tokens[k]
            if t.kind == .word, !t.capitalized || k == first {
                // `the list will be published on Dec. 15`, `figures due to be released`: the announcing is ahead
                if lexicon[t.hash]?.contains(.announcing) == true { return !DeadlineKindReader.isPassiveAhead(tokens, k) }
                if scheduling.contains(t.hash) { return false }
                // a finite verb that is not past between the two (`said the window closes`, `said talks would`)
                // dates another event; an infinitive (`a decision to make`) does not
                let infinitive = k > 0 && tokens[k - 1].kind == .word && tokens[k - 1].hash == W.to
                if !infinitive, let cue = tense.cue(at: k), cue != .past { return false }
            }
            k -= 1
        }
        return false
    }

    /// The clause around the date: from the last `;`, `:` or sentence start, to the next one.
    private func clause(_ lower: Int, _ upper: Int) -> (Int, Int) {
        var first = lower
        while first > 0, !tokens.isClauseBreak(first - 1) { first -= 1 }
        var last = upper
        while last < tokens.count, !tokens.isClauseBreak(last) { last += 1 }
        return (first, last)
    }

    static let thank: UInt64 = 0x7acc_ae68_88e6_93b6  // "thank"
    static let been: UInt64 = 0xa578_147c_12f3_e752  // "been"
    static let had: UInt64 = 0x9ce5_853b_4124_65c9  // "had"
    static let canWord: UInt64 = 0x87e5_fe70_6b37_f268  // "can"

    /// The lists `ClauseWords` reads, one entry per word: one probe per word of the clause instead of one per list.
    fileprivate struct GateWord: OptionSet, Sendable {
        let rawValue: UInt16
        static let genericPronoun = Self(rawValue: 1 << 0)
        static let indicator = Self(rawValue: 1 << 1)
        static let can = Self(rawValue: 1 << 2)
        static let announcing = Self(rawValue: 1 << 3)
        static let quantity = Self(rawValue: 1 << 4)
        static let movement = Self(rawValue: 1 << 5)
        static let measure = Self(rawValue: 1 << 6)
        static let businessNoun = Self(rawValue: 1 << 7)
        static let dataNoun = Self(rawValue: 1 << 8)
        static let publishing = Self(rawValue: 1 << 9)
        /// `isSuperseded` needs one of these in the clause: without, it is not asked.
        static let formerlyOrPlanned = Self(rawValue: 1 << 10)
        /// `isNegated` needs one of these in the clause: without, it is not asked.
        static let negation = Self(rawValue: 1 << 11)
        /// `DeadlineKindReader.cues`: the kind reader walks the clause for one only when it has one (`holdsEventWord`).
        static let eventWord = Self(rawValue: 1 << 12)
        /// `BoilerplateFilter.promotionLeadWords`: the walk asks the filter's test only of these (`promotionalSentence`).
        static let promotionLead = Self(rawValue: 1 << 13)
    }

    private static let lexicon: WordTable<GateWord> = {
        var t: [(UInt64, GateWord)] = []
        func add(_ words: [String], _ w: GateWord) {
            for word in words { t.append((TimexTokenizer.hash(word), w)) }
        }
        add(genericPronouns, .genericPronoun)
        add(indicators, .indicator)
        add(["can"], .can)
        add(announcing, .announcing)
        add(quantities, .quantity)
        add(movements, .movement)
        add(measureWords, .measure)
        add(businessNouns, .businessNoun)
        add(dataNouns, .dataNoun)
        add(publishing, .publishing)
        add(formerlyWords + plannedWords, .formerlyOrPlanned)
        add(negationWords, .negation)
        add(DeadlineKindReader.cueLists.flatMap(\.words), .eventWord)
        add(BoilerplateFilter.promotionLeadWords, .promotionLead)
        return WordTable(t) { $0.union($1) }
    }()

    private static let subordinators: WordTable<Bool> = WordTable(set:
        ["whether", "that", "if", "which", "who", "because", "when", "while", "once", "unless", "so"].map(TimexTokenizer.hash))

    private static let captionWords: WordTable<Bool> = WordTable(set:
        ["photo", "photos", "file", "picture", "image", "video"].map(TimexTokenizer.hash))

    private static let genericPronouns = ["you", "your", "yourself"]

    /// Nouns that only ever name a statistic.
    private static let indicators = [
        "inflation", "cpi", "ppi", "gdp", "deflation", "pmi", "unemployment", "jobless",
    ]

    /// Quantities that a statistic moves: with a verb of movement they are a figure, not a measure.
    private static let quantities = [
        "exports", "imports", "shipments", "sales", "prices", "price", "output", "production", "growth", "demand",
        "volume", "volumes", "revenue", "profits", "earnings", "surplus", "deficit", "index", "shares", "stocks",
        "yields", "consumption", "spending", "investment",
    ]

    private static let movements = [
        "rose", "rise", "rises", "rising", "fell", "fall", "falls", "falling", "dropped", "drop", "drops", "climbed",
        "climb", "grew", "grow", "grows", "increase", "increased", "increases", "decrease", "decreased", "declined",
        "decline", "slowed", "slow", "picked", "jumped", "surged", "plunged", "slumped", "soared", "eased", "expect",
        "expects", "expected", "forecast", "forecasts", "accelerate", "accelerated",
    ]

    /// What a firm runs or reports: dated in its own plans, not in trade policy.
    private static let businessNouns = [
        "plant", "plants", "factory", "factories", "capacity", "gigawatts", "megawatts", "store", "stores", "outlets",
        "refinery", "headquarters", "workforce", "layoffs", "ipo", "dividend", "dividends", "earnings", "profit",
        "profits", "revenue", "revenues", "shareholders",
        // securities and corporate deals: maturities (`debentures due March 1, 2011`), payment and record dates
        // (`payable Dec. 7 to stock of record Nov. 22`), redemptions and closings (`the transaction is expected to
        // close by Dec. 15`) are the firm's calendar, not a measure's (a loan is not among them: `a federal loan program`
        // is policy)
        "notes", "bonds", "debentures", "debenture", "stock", "payable", "redeem", "redeemed", "redemption",
        "redeemable", "transaction", "acquisition", "merger", "placement",
    ]

    /// Statistics a calendar of releases dates: with a verb of publishing, the date is a release.
    private static let dataNouns = [
        "data", "figures", "statistics", "numbers", "earnings", "results", "survey", "payrolls", "gdp", "cpi", "ppi",
        "pmi", "estimates", "readings",
    ]

    private static let publishing = [
        "release", "releases", "releasing", "publish", "publishes", "publishing", "report", "reports", "reporting",
        "announce", "announces", "post", "posts", "unveil", "unveils", "issue", "issues",
    ]

    /// Trade measures and the procedures around them: a clause naming one is about policy, whoever else it names.
    private static let measureWords = [
        "tariff", "tariffs", "duty", "duties", "quota", "quotas", "ban", "bans", "surtax", "surcharge", "levy",
        "levies", "safeguard", "safeguards", "sanctions", "restrictions", "controls", "embargo", "investigation",
        "probe", "ruling", "decision", "review", "exclusion", "exclusions", "exemption", "exemptions", "agreement",
        "deal", "pact", "treaty", "negotiations", "talks", "hearing", "vote", "deadline", "measure", "measures",
        "rule", "rules", "regulation", "regulations", "law", "bill", "policy", "anti-dumping", "countervailing",
        "dumping", "submit", "file", "filing", "comments", "customs", "allocation", "allocations", "license",
        "licence", "licenses", "permit", "permits", "summit", "summits",
        // what a regulator sets (`may not meet the new government capital criteria effective Dec. 7`)
        "criteria", "requirement", "requirements", "standards", "guidelines",
    ]

    /// Words that put the date on something ahead even after a verb of announcing.
    private static let scheduling: WordTable<Bool> = WordTable(set:
        ["scheduled", "expected", "due", "planned", "agreed", "until", "from", "starting", "effective", "by",
         "before", "after"].map(TimexTokenizer.hash))

    /// Verbs that report a decision or a statement: the date after them, with no `will` between, is theirs.
    private static let announcing = [
        "announced", "according", "unveiled", "released", "published", "issued", "declared", "said", "told", "updated",
        "posted",
    ]
}
