/// Words that say a measure starts to apply, and the start dates an article states apart from its rates.
///
/// `take effect on`, `came into force on`, `in effect since`, `effective`: after these even `on` and a
/// past date name a start (without them `on Monday` is mostly the day something was said).
enum EffectPhrase {
    /// Token `k` ends a phrase of entry into force: `effective`, `(take|into|in) effect`, `(into|in) force`.
    static func ends(_ s: TariffSentence, at k: Int) -> Bool {
        guard s.isWord(k) else { return false }
        let h = s.tokens[k].hash
        if h == effective { return true }
        guard h == effect || h == force else { return false }
        let before = k > 0 && s.isWord(k - 1) ? s.tokens[k - 1].hash : 0
        return before == into || before == TariffVocabulary.in || takeForms.contains(before)
    }

    /// A phrase of entry into force among the `width` tokens before `t`, and no `until`, `before`,
    /// `after` right before `t` (`effective until June 30` names an end).
    static func precedes(_ s: TariffSentence, _ t: Int, width: Int = 4) -> Bool {
        if s.has(t, .untilTrigger) || s.has(t - 1, .untilTrigger), !opensPeriod(s, before: t) { return false }
        return (max(0, t - width)..<max(0, t)).contains { ends(s, at: $0) }
    }

    /// The phrase anywhere in `range`.
    static func occurs(_ s: TariffSentence, in range: Range<Int>) -> Bool {
        range.contains { ends(s, at: $0) }
    }

    /// `since April 3` and `on or after Sept. 16` start a period that is still running.
    static func opensPeriod(_ s: TariffSentence, before t: Int) -> Bool {
        if s.isWord(t - 1, since) || s.isWord(t, since) { return true }
        return s.isWord(t - 1, after) && s.isWord(t - 2, TariffVocabulary.or) && s.isWord(t - 3, TariffVocabulary.on)
    }

    /// A span the tagger dated (`15 days after March 8`, `within 30 days`) counts as a start only when it
    /// is counted from a stated day, or from now (`in`, `within`) after a phrase of entry into force.
    static func datesSpan(_ timex: TaggedTimex, _ s: TariffSentence, at t: Int) -> Bool {
        guard timex.type == .duration, timex.date != nil else { return false }
        if timex.anchored { return true }
        let opens = s.isWord(t, within) || s.isWord(t - 1, within) || s.isWord(t, TariffVocabulary.in) || s.isWord(t - 1, TariffVocabulary.in)
        return opens && precedes(s, s.isWord(t - 1) && !s.has(t - 1, .effectiveTrigger) ? t - 1 : t, width: 3)
    }

    private static var effective: UInt64 { TariffVocabulary.effective }
    private static var effect: UInt64 { TariffVocabulary.effect }
    private static var force: UInt64 { TariffVocabulary.force }
    private static var into: UInt64 { TariffVocabulary.into }
    private static var since: UInt64 { TariffVocabulary.since }
    private static var after: UInt64 { TariffVocabulary.after }
    private static var within: UInt64 { TariffVocabulary.within }
    private static let takeForms = WordTable<Bool>(set: ["take", "takes", "took", "taken", "taking"].map(TariffTokenizer.hash))
}

/// A start date a sentence states for a measure, and whose measure it is.
///
/// `The free trade agreement will come into force from Sunday`, `the U.S. measures, which went into
/// effect on March 23`, a headline `New duties take effect July 6`: the rates of the article often
/// come sentences away, without a date of their own.
struct StartStatement: Sendable {
    var sentence: Int
    var date: TemporalValue
    /// The party the measure belongs to (`the U.S. measures`, `China's tariffs`), when named.
    var owner: String?
    /// The measure is a trade agreement (`the FTA comes into force`): it dates the rates `under the deal`.
    var agreement = false
    /// Whose goods the measure hits, when it names no owner (`the tariffs against China … came into force`).
    var target: String?
    /// The article's measures as a whole, named by no one (`with the new rates coming into effect from February 2`).
    var general = false

    /// The statement in `s`, when one of its dates follows a phrase of entry into force.
    /// - Parameter timexes: the sentence's timexes; the dated ones are read, each at the token it starts at.
    static func read(_ s: TariffSentence, timexes: ArraySlice<TaggedTimex>) -> StartStatement? {
        // by index: a `for` over the timexes copied each one (its value and dates) and destroyed the copy
        for i in timexes.indices {
            guard let date = timexes[i].date, let t = s.tokens.firstIndex(endingAfter: timexes[i].bytes.lowerBound),
                timexes[i].type == .date || EffectPhrase.datesSpan(timexes[i], s, at: t)
            else { continue }
            guard EffectPhrase.precedes(s, t), let phrase = (max(0, t - 4)..<t).last(where: { EffectPhrase.ends(s, at: $0) }) else { continue }
            var statement = StartStatement(sentence: s.index, date: date)
            // The measure is the subject before the phrase, within its clause (`…, which went into effect`).
            var k = phrase - 1
            while k >= 0, k >= phrase - 16, s.tokens[k].kind != .semicolon {
                if s.isWord(k), isAgreementNoun(s.tokens[k].hash) {
                    statement.agreement = true
                    break
                }
                if s.isTariffNoun(k) || s.isWord(k) && measureNouns.contains(s.tokens[k].hash) {
                    statement.owner = owner(of: k, in: s)
                    if statement.owner == nil { statement.target = target(of: k, in: s) }
                    statement.general = statement.owner == nil && statement.target == nil && s.isWord(k - 1)
                        && generalModifiers.contains(s.tokens[k - 1].hash)
                    break
                }
                k -= 1
            }
            return statement
        }
        return nil
    }

    /// `the U.S. measures`, `China's new tariffs`, `Canadian retaliatory duties`: the name before the noun.
    private static func owner(of noun: Int, in s: TariffSentence) -> String? {
        var k = noun - 1
        var steps = 0
        while k >= 0, steps < 3, s.isWord(k), s.mention(at: k) == nil, !s.has(k, .determiner) {
            k -= 1
            steps += 1
        }
        if k >= 0, s.tokens[k].kind == .possessive { k -= 1 }
        guard let m = s.mention(at: k), s.mentions[m].role != .target else { return nil }
        return s.mentions[m].code
    }

    /// `the tariffs against China`, `the duties on Chinese steel`: the target named right after the noun
    /// (the marker says so, whatever role the sentence gives the name elsewhere).
    private static func target(of noun: Int, in s: TariffSentence) -> String? {
        guard s.has(noun + 1, .targetMarker) else { return nil }
        for k in (noun + 2)..<min(s.count, noun + 4) {
            if let m = s.mention(at: k) { return s.mentions[m].code }
        }
        return nil
    }

    /// The sentence names a trade agreement (`under the deal`, `the FTA`): its rates are the agreement's.
    static func namesAgreement(_ s: TariffSentence) -> Bool {
        // most words leave at the filter's one shift
        (0..<s.count).contains { s.isWord($0) && isAgreementNoun(s.tokens[$0].hash) }
    }

    /// `agreement`, `deal`, `pact`, `fta`, `accord`, `treaty`, by their hashes written out (`TariffVocabulary`): the
    /// table and filter they were read from were `static let`s, and each read cost a `swift_once` call.
    @inline(__always) static func isAgreementNoun(_ h: UInt64) -> Bool {
        WordHash.mayBeIn(agreementFilter, h)
            && (h == TariffVocabulary.agreement || h == TariffVocabulary.deal || h == TariffVocabulary.pact || h == TariffVocabulary.fta
                || h == TariffVocabulary.accord || h == TariffVocabulary.treaty)
    }

    /// The agreement nouns as a `WordHash` filter: constants, which the optimizer folds.
    @inline(__always) private static var agreementFilter: UInt64 {
        WordHash.filterBit(TariffVocabulary.agreement) | WordHash.filterBit(TariffVocabulary.deal) | WordHash.filterBit(TariffVocabulary.pact)
            | WordHash.filterBit(TariffVocabulary.fta) | WordHash.filterBit(TariffVocabulary.accord) | WordHash.filterBit(TariffVocabulary.treaty)
    }
    private static let measureNouns = WordTable<Bool>(set:
        ["measures", "measure", "countermeasures", "sanctions", "rates", "changes"].map(TariffTokenizer.hash))
    private static let generalModifiers = WordTable<Bool>(set: ["new", "revised", "amended", "all"].map(TariffTokenizer.hash))
}

extension StartStatement {
    /// Dates the rates of an article that give no date of their own: a start stated in the sentence
    /// before or after; then one stated for the rate's imposer (`the U.S. measures, which went into
    /// effect on…`), for the measure on the rate's target that names no owner (`the tariffs against China,
    /// which came into force on…`), or for the agreement the rate's sentence names, or in the headline;
    /// those four only for measures decided or in force (a threat has not started, whatever else has).
    static func link(_ statements: [StartStatement], to changes: inout [TariffChange], sentences: [Int], agreementSentences: [Int]) {
        guard !statements.isEmpty else { return }
        for c in changes.indices where changes[c].effectiveDate == nil && changes[c].status != .historical && !changes[c].namedInForce {
            let at = sentences[c]
            if let near = statements.first(where: { abs($0.sentence - at) == 1 }) {
                changes[c].effectiveDate = near.date
                continue
            }
            switch changes[c].status {
            case .announced, .imposed, .inEffect: break
            default: continue
            }
            let imposer = changes[c].imposer
            let target = changes[c].target
            if let owned = statements.first(where: { $0.owner != nil && $0.owner == imposer })
                ?? statements.first(where: { $0.owner == nil && $0.target != nil && $0.target == target && target != imposer })
                ?? (agreementSentences.contains(at) ? statements.first(where: \.agreement) : nil)
                ?? statements.first(where: { $0.sentence == 0 && ($0.owner == nil || $0.owner == imposer) })
                // `with the new rates coming into effect from February 2`: a budget's or a decree's changes, one start
                ?? (changes[c].status == .inEffect ? nil : statements.first(where: \.general))
            {
                changes[c].effectiveDate = owned.date
            }
        }
    }
}
