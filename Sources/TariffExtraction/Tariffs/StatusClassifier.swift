/// Decides a tariff's status from the verbs, modals and time words of its clause.
///
/// Precedence follows what an analyst needs first: a rate tied to an old date is history whatever
/// the verb; an explicit lift or pause beats the verb that first imposed the rate; a threat or
/// modal beats an imposition verb (`threatened to impose`); then plans, announcements, rates in force.
struct StatusClassifier {
    let sentence: TariffSentence
    let cues: [TimeCue]
    /// The sentence's clauses: the one holding the rate speaks first.
    let clauses: ClauseModel
    /// The words `classify`'s word loop can learn something from, in order: those of a status class, the status
    /// words, past forms and talk words. Every other token only tells where the rate's own words end, which
    /// `classify` finds apart. Read once per sentence: the loop read every token of the rate's clause per rate.
    /// In the caller's memory (`speakingRoom`), not an array: one allocation and its release per sentence read.
    private let speaking: UnsafeBufferPointer<Int>

    /// - Parameter speakingRoom: room for one index per token of the sentence, which the classifier's list of
    ///   speaking words is kept in; it must outlive the classifier.
    init(sentence: TariffSentence, cues: [TimeCue], clauses: ClauseModel, speakingRoom: UnsafeMutableBufferPointer<Int>) {
        self.sentence = sentence
        self.cues = cues
        self.clauses = clauses
        var count = 0
        let s = sentence
        // read once, not a lazy-initialisation check per word; most words leave at the two filters' one shift
        let talk = Self.talkFilter, talkWords = Self.talkWords
        let words = Self.statusWords | talk
        for k in 0..<s.count where s.isWord(k) {
            let h = s.tokens[k].hash
            if !s.lexemes[k].classes.isDisjoint(with: Self.statusClasses) || s.looksPast(k)
                || WordHash.mayBeIn(words, h) && (Self.isStatusWord(h) || WordHash.mayBeIn(talk, h) && talkWords[h] != nil)
            {
                (speakingRoom.baseAddress! + count).initialize(to: k)
                count += 1
            }
        }
        speaking = UnsafeBufferPointer(rebasing: speakingRoom[..<count])
    }

    struct Verdict {
        var status: TariffStatus
        var direction: TariffDirection
        /// False when no word of the clause spoke to the status and the default was taken.
        var fromCue = true
        /// The rate's own words name it as the one in force (`TariffChange.namedInForce`).
        var namedInForce = false
    }

    /// - Parameters:
    ///   - segment: the clause the rate is in; `zone` the part of it nearest the rate.
    ///   - anchor: the rate's number token (or the tariff noun of a rate-less mention).
    ///   - span: the rate expression's tokens.
    ///   - futureDate: an effective date on or after the reference date was linked.
    ///   - newLevel: the rate is the level a removal leaves (`eliminate tariffs`: 0%), so removal words do not lift it.
    func classify(segment: Range<Int>, zone: Range<Int>, anchor: Int, span: Range<Int>, futureDate: Bool, newLevel: Bool = false) -> Verdict {
        let s = sentence
        var threat = false, propose = false, announce = false, inEffect = false, inEffectNear = false, impose = false, lift = false
        var pause = false
        // a threat told by a word other than `would` (`threatened`, `could`, `if`)
        var threatWord = false
        // `the U.S. will keep its 25 percent tariff on steel` under a deal that takes effect Jan. 1: the rate goes on
        var continuing = false
        // `until Washington withdraws its 25% tariffs`, `unless Brussels drops its duty`: the rate is in force, and what
        // the main clause says (`would keep`, `will retaliate`) is not about it
        var conditionedLift = false
        var future = futureDate
        var increase = false, decrease = false
        var simplePast = false
        var presentBe = false
        let rateIsNewLevel = newLevel || s.isWord(span.lowerBound - 1, TariffVocabulary.to) || s.isWord(anchor - 1, TariffVocabulary.to)
        // The clause that holds the rate, and what its own verb group says (`The tariffs, 25% on steel, will
        // take effect in 15 days`: the verb comes after the rate and past the next rate's words).
        let clauseIndex = clauses.clauseIndex(at: anchor)
        // read in place, not through a closure (which copied the model's array of clauses: a retain and a release)
        let clause: Clause? = if let clauseIndex { clauses.clauses[clauseIndex] } else { nil }
        if let clause, let group = clause.verbGroup, clause.modality == .none, !clause.negated,
            s.isWord(group.lowerBound, TariffVocabulary.will) || s.isWord(group.lowerBound, TariffVocabulary.shall),
            futureOfMeasure(after: group.lowerBound), !isContinuation(group.lowerBound + 1)
        {
            future = true
        }
        // `said the goods should be subject to duties`: what a government says must happen is its decision
        let reportedObligation = clause.map { $0.kind == .reported && $0.modality == .obligation && !$0.negated } ?? false
        // After the rate, a new subject or a subordinate clause (`if Beijing delays…`) no longer speaks of it: the
        // words from the first such token on are detached.
        var firstDetached = segment.upperBound
        // the first mention ending after the token last tested: the tokens are read in order, so a cursor
        // finds the mention covering each one (a binary search per token before)
        var nextMention = 0
        for k in max(segment.lowerBound, span.upperBound)..<max(segment.upperBound, span.upperBound) {
            while nextMention < s.mentions.count && s.mentions[nextMention].tokens.upperBound <= k { nextMention += 1 }
            // `…will remain at 25% until the talks end`: what ends is the talks, not the rate
            if s.has(k, .clauseBreak) || s.isThreatConjunction(k) || s.tokens[k].kind == .comma || s.isWord(k, TariffVocabulary.until)
                || nextMention < s.mentions.count && s.mentions[nextMention].tokens.contains(k) && s.mentions[nextMention].role == .imposer
            {
                firstDetached = k
                break
            }
        }
        // the clause's words in order; the others teach the rules below nothing
        var next = 0
        while next < speaking.count && speaking[next] < segment.lowerBound { next += 1 }
        while next < speaking.count && speaking[next] < segment.upperBound {
            let k = speaking[next]
            next += 1
            let detached = k >= firstDetached
            // read once: the rules below compare it a dozen times, and each `s.tokens[k]` is a call
            let h = s.tokens[k].hash
            var c = s.lexemes[k].classes
            // Most words are of no class the rules below read, no word they compare and no past form: the
            // rules below only take classes away, so such a word can only name the topic of talks.
            if c.isDisjoint(with: Self.statusClasses), !Self.isStatusWord(h), !s.looksPast(k) {
                if k < anchor, !propose, c.subtracting(.nonMeasureHead).isEmpty, isTopicOfTalks(k) { propose = true }
                continue
            }
            // `…now enter duty free, and that share is expected to rise`: a clause joined after the rate's own
            // speaks of something else
            if k > span.upperBound, isOtherCoordinate(k, than: clauseIndex) { c.subtract(Self.forwardClasses) }
            // a condition after the rate (`100% tariffs if talks fail`) still makes it a threat
            if detached { c.subtract(s.isThreatConjunction(k) ? Self.detachedByCondition : Self.detached) }
            // `urged India to remove the tariff`: the removal is asked for, not done
            if propose { c.subtract(TariffWordClass.pause | .lift) }
            // `kept the duty at 21.6% instead of lifting it to 26.4%`: a course not taken says nothing of the rate
            if k > anchor, s.opensAlternative(k - 2) { continue }
            // `the 25% tariff will deal a blow to imports`: the future is the consequence's, not the tariff's
            if k >= span.upperBound, s.isWord(k, TariffVocabulary.will), !futureOfMeasure(after: k) { c.subtract(TariffWordClass.futureCue | .announce) }
            // `will continue to face a 25% tariff`, `will remain at 10%`: what goes on is in force, not announced
            // `Canada's counter-tariffs of 25% … remain in place`: a rate said to stay in force goes on
            if k > anchor, !detached, s.isWord(k), Self.remaining.contains(h), s.isWord(k + 1, TariffVocabulary.in) { continuing = true }
            if s.isWord(k, TariffVocabulary.will), isContinuation(k + 1) {
                c.subtract(TariffWordClass.futureCue | .announce)
                if k < anchor { continuing = true }
            }
            // `the industry was threatened after Mexico announced…`: a threat suffered is no threat made
            if c.contains(.threat), s.looksPast(k), s.has(k - 1, .beForm) || s.has(k - 2, .beForm) && s.isWord(k - 1) && s.lexemes[k - 1].month == 0 {
                c.remove(.threat)
            }
            // `each order`, `the decree`: a verb of deciding after a determiner is a noun, and names no decision
            if c.contains(.announce), s.has(k - 1, .determiner), h != TariffVocabulary.announcement { c.remove(.announce) }
            // `in May` is a month, not a modal
            if s.isThreat(k), c.contains(.threat) {
                threat = true
                if h != TariffVocabulary.would { threatWord = true }
            }
            if c.contains(.propose) && !s.isWord(k - 1, TariffVocabulary.the) { propose = true }
            // talk words are in no word class but the non-measure heads (`trade talks`): most words skip the look-up
            if k < anchor, !propose, c.subtracting(.nonMeasureHead).isEmpty, isTopicOfTalks(k) { propose = true }
            if c.contains(.announce) { announce = true }
            if c.contains(.futureCue) { future = true }
            if c.contains(.impose) { impose = true }
            if c.contains(.increase), k < anchor { increase = true }
            if c.contains(.decrease), k < anchor { decrease = true }
            if c.contains(.lift), !rateIsNewLevel, !c.contains(.marketVerb) || s.has(k + 1, .determiner) {
                // `keep the duties until Washington withdraws its 25% tariffs`, `unless Brussels drops its duty`: a
                // lifting that ends or conditions something else has not happened; the rate is in force
                if k < anchor, anchor - k <= 6, !(k..<anchor).contains(where: { s.tokens[$0].kind == .comma || s.has($0, .coordinator) }),
                    isConditionedLift(k)
                {
                    conditionedLift = true
                } else if !(s.lexemes[k].classes.contains(.lift) && s.isWord(k + 1, TariffVocabulary.to)) {
                    lift = true
                }
            }
            if (h == TariffVocabulary.roll || h == TariffVocabulary.rolled || h == TariffVocabulary.rolling),
                s.isWord(k + 1, TariffVocabulary.back), !rateIsNewLevel, !detached
            {
                lift = true
            }
            if c.contains(.pause) { pause = true }
            let effectOrForce = h == TariffVocabulary.effect || h == TariffVocabulary.force
            if c.contains(.inEffect), !effectOrForce {
                inEffect = true
                // worked out only here: computed for every word before, though read for so few
                if (anchor - 5...anchor + 5).contains(k) || (k >= span.lowerBound - 4 && k <= span.upperBound + 4) { inEffectNear = true }
            }
            if effectOrForce,
                s.isWord(k - 1, TariffVocabulary.in) || s.isWord(k - 1, TariffVocabulary.into)
                    || s.isWord(k - 1, TariffVocabulary.took) || s.isWord(k - 2, TariffVocabulary.went)
            {
                inEffect = true
                inEffectNear = true
            }
            if h == TariffVocabulary.is || h == TariffVocabulary.are { presentBe = true }
            // `…, compared with imported goods`: a participle in a clause after the rate tells no tense of it
            // `imported goods`: a participle before the goods it describes is an adjective; `, compared with`,
            // `, based on`: a participle opening a phrase after a comma is no verb of the clause
            if s.looksPast(k), !s.isThreat(k), !isPerfectOrModal(k), !detached, !s.has(k + 1, .goodsNoun),
                !(k > 0 && s.tokens[k - 1].kind == .comma && s.has(k + 1, .preposition))
            {
                simplePast = true
            }
        }
        // Time: an old date in the rate's own zone, or anywhere in a simple-past sentence.
        var localOld = false, sentenceOld = false
        for cue in cues where cue.kind == .oldPast {
            if zone.contains(cue.token) && !cue.sinceStart { localOld = true }
            sentenceOld = true
        }
        // `the previous rate`, `once 25%`; not `former President Bolsonaro`, who is a person, not a time
        for k in zone where s.has(k, .pastCue) && !s.isWord(k + 1, TariffVocabulary.to)
            && !(k + 1 < s.count && s.isWord(k + 1) && (s.tokens[k + 1].capitalized || s.has(k + 1, .actorNoun)))
        {
            localOld = true
        }
        var direction: TariffDirection = increase ? .increase : decrease ? .decrease : .unknown
        // a loop, not `contains(where:)`: its closure, calling `isOtherCoordinate`, held a copy of the classifier (a
        // retain and a release of each of its references per rate)
        var futureCueInZone = false
        for i in cues.indices where cues[i].kind == .future && segment.contains(cues[i].token) && !isOtherCoordinate(cues[i].token, than: clauseIndex) {
            futureCueInZone = true
            break
        }
        // `If talks fail, …`: a condition opening the sentence makes every rate in it a threat
        if s.isWord(0) && (s.tokens[0].hash == TariffVocabulary.if || s.tokens[0].hash == TariffVocabulary.unless) { threat = true }
        // `said the bloc would apply a 15% levy on US aircraft from Tuesday`: a reported `would` with a start set ahead and
        // no condition tells a decision, not a threat
        if threat, !threatWord, futureDate, !(0..<s.count).contains(where: { s.isThreatConjunction($0) }) {
            threat = false
            announce = true
        }
        let modal = threat || future || futureCueInZone
        // `which were imposed in 2009 on top of a pre-existing 4% tariff`: in a relative or adverbial clause
        // told in the past, a rate in force was in force then (a main clause may hide a present one the
        // model does not split off: `scrapped its tariffs in 2024, so that goods already enter duty-free`)
        let pastClause = clause.map {
            $0.tense == .past && $0.modality == .none && ($0.kind == .relative || $0.kind == .subordinate) && ($0.head ?? anchor) < anchor
        } ?? false
        // `lowered its overall level from 15.3% … to 9.8%`: the level a change started from is history
        if !rateIsNewLevel, s.isWord(span.lowerBound - 1, TariffVocabulary.from) || s.isWord(anchor - 1, TariffVocabulary.from),
            let head = clause?.head, head < anchor, s.has(head, .decrease) || s.has(head, .increase),
            (span.upperBound..<min(s.count, span.upperBound + 8)).contains(where: { s.isWord($0, TariffVocabulary.to) && $0 + 1 < s.count && s.tokens[$0 + 1].kind == .number })
        {
            localOld = true
        }
        if !futureDate, !inEffectNear || pastClause && sentenceOld, localOld || (sentenceOld && simplePast && !modal) {
            return Verdict(status: .historical, direction: direction)
        }
        if lift {
            if direction == .unknown { direction = .decrease }
            return Verdict(status: .lifted, direction: direction)
        }
        // `will not call Trump to negotiate the 50 percent tariff that takes effect on Wednesday`: a rate whose own words
        // set its start ahead is decided, whatever talks are held about it
        if propose, futureDate, !threat, EffectPhrase.occurs(s, in: span.upperBound..<max(span.upperBound, zone.upperBound)) {
            propose = false
            announce = true
        }
        if pause { return Verdict(status: .paused, direction: direction) }
        // `the existing 6.1% duty`, `the standard 10% car import duty`, `will keep its 25% tariff`: the rate in force,
        // whatever is announced beside it
        if continuing || conditionedLift || namedInForce(span.lowerBound) || namedInForce(anchor) {
            return Verdict(status: .inEffect, direction: direction, namedInForce: true)
        }
        if threat { return Verdict(status: .threatened, direction: direction) }
        if propose { return Verdict(status: .proposed, direction: direction) }
        if announce || future || futureCueInZone || reportedObligation { return Verdict(status: .announced, direction: direction) }
        if inEffect { return Verdict(status: .inEffect, direction: direction) }
        if impose { return Verdict(status: .imposed, direction: direction) }
        // A rate stated as a present fact is in force; one told in the past was imposed.
        _ = presentBe
        return Verdict(status: simplePast ? .imposed : .inEffect, direction: direction, fromCue: simplePast)
    }

    /// Every class a rule of `classify`'s word loop reads (`marketVerb` only beside `lift`).
    @inline(__always) private static var statusClasses: TariffWordClass {
        TariffWordClass.threat | .announce | .propose | .futureCue | .impose | .increase | .decrease | .lift | .pause | .inEffect
    }

    /// The words `classify`'s loop compares whatever their classes: `roll(ed/ing) back`, `in effect`, `into force`.
    /// Most words leave at the filter's one shift, before any of the five comparisons.
    @inline(__always) private static func isStatusWord(_ h: UInt64) -> Bool {
        WordHash.mayBeIn(statusWords, h)
            && (h == TariffVocabulary.roll || h == TariffVocabulary.rolled || h == TariffVocabulary.rolling
                || h == TariffVocabulary.effect || h == TariffVocabulary.force)
    }

    /// The words of `isStatusWord`, as a `WordHash` filter.
    @inline(__always) private static var statusWords: UInt64 {
        WordHash.filterBit(TariffVocabulary.roll) | WordHash.filterBit(TariffVocabulary.rolled)
            | WordHash.filterBit(TariffVocabulary.rolling) | WordHash.filterBit(TariffVocabulary.effect)
            | WordHash.filterBit(TariffVocabulary.force)
    }

    /// The classes a clause joined after the rate loses: it speaks of something else. These sets are written
    /// with `|`, not as array literals: in `classify`'s loop over every token the literals were built as arrays
    /// at run time, an allocation each.
    /// The rate's own words name it as the one in force: `existing`, `current`, `standard` right before it, or `on top of
    /// the` it.
    /// - Parameter first: the rate's first token, or its number.
    private func namedInForce(_ first: Int) -> Bool {
        let s = sentence
        let k = first - 1
        if s.isWord(k) && Self.inForceModifiers.contains(s.tokens[k].hash) { return true }
        // `the 10 and 15 per cent tariffs`: the second of two listed rates is named as the first is
        if k >= 1, s.isWord(k, TariffVocabulary.and) || s.isWord(k, TariffVocabulary.or), s.tokens[k - 1].kind == .number {
            return namedInForce(k - 1)
        }
        // `on top of the 10 and 15 per cent tariffs Beijing slapped in March`: what a new duty is added to is in force
        let the = s.isWord(k, TariffVocabulary.the) ? k : k + 1
        return s.isWord(the - 1, TariffVocabulary.of) && s.isWord(the - 2, TariffVocabulary.top) && s.isWord(the - 3, TariffVocabulary.on)
    }

    private static let inForceModifiers = WordTable<Bool>(set:
        ["existing", "current", "standard", "prevailing", "regular", "normal", "ordinary", "applied"].map(TariffTokenizer.hash))

    /// The lift verb at `k` opens a clause of `until` or `unless` (`until Washington withdraws`, `unless Brussels drops`):
    /// the word up to four tokens before it, past its subject's name and words, is the conjunction.
    private func isConditionedLift(_ k: Int) -> Bool {
        let s = sentence
        var j = k - 1
        while j >= 0, j >= k - 4 {
            if s.isWord(j, TariffVocabulary.until) || s.isThreatConjunction(j) && s.isWord(j, TariffVocabulary.unless) { return true }
            if s.tokens[j].kind != .word || s.has(j, .verb) { return false }
            j -= 1
        }
        return false
    }

    /// `continue`, `remain`, `stay` after `will`: what goes on, not what is announced.
    private func isContinuation(_ k: Int) -> Bool {
        sentence.isWord(k) && Self.continuations.contains(sentence.tokens[k].hash)
    }

    private static let remaining = WordTable<Bool>(set: ["remain", "remains", "stay", "stays"].map(TariffTokenizer.hash))
    private static let continuations = WordTable<Bool>(set:
        ["continue", "remain", "stay", "keep", "still"].map(TariffTokenizer.hash))

    @inline(__always) private static var forwardClasses: TariffWordClass { TariffWordClass.futureCue | .announce | .propose | .threat }
    /// What words after a condition (`if`, `unless`) lose; the other words after a detaching word lose `threat` too.
    @inline(__always) private static var detachedByCondition: TariffWordClass { TariffWordClass.pause | .lift | .propose | .announce }
    @inline(__always) private static var detached: TariffWordClass { detachedByCondition | .threat }

    /// Does the verb after `will` (past `be`, `have` and adverbs) act on a tariff: impose, raise, cut,
    /// lift, take effect, apply? `will deal a blow`, `will hurt farmers` say what a tariff does instead.
    private func futureOfMeasure(after will: Int) -> Bool {
        let s = sentence
        var k = will + 1
        while k < s.count, k <= will + 4 {
            if s.has(k, .beForm) || s.isWord(k, TariffVocabulary.be) || s.has(k, .perfectAux) || s.has(k, .auxiliary)
                || s.looksVerbOrAdverb(k) && s.lexemes[k].classes.isEmpty && !s.looksPast(k)
            {
                k += 1
                continue
            }
            let c = s.lexemes[k].classes
            let acts: TariffWordClass = [.impose, .increase, .decrease, .lift, .pause, .inEffect, .effectiveTrigger, .announce, .threat, .propose, .marketVerb, .doubling, .halving]
            return !c.isDisjoint(with: acts) || s.looksPast(k) || !s.isWord(k)
        }
        return true
    }

    /// `Talks focused on duty-free access`, `negotiations on cutting tariffs`, `the ministers discussed a 5%
    /// tariff`: what is being talked over is not decided yet. Talks that only frame the time of something
    /// else (`after talks collapsed, …`) name no topic, so they do not count.
    private func isTopicOfTalks(_ k: Int) -> Bool {
        let s = sentence
        // asked of most words before the rate: one shift of the hash turns away most of those that are no talk word
        guard WordHash.mayBeIn(Self.talkFilter, s.tokens[k].hash), let word = Self.talkWords[s.tokens[k].hash] else { return false }
        if word == .verb { return true }
        for p in (k + 1)...(k + 2) where s.isWord(p) {
            if Self.topicWords.contains(s.tokens[p].hash) { return true }
            if !s.looksVerbOrAdverb(p) { return false }
        }
        return false
    }

    private enum TalkWord { case verb, noun }
    /// Verbs of talking over (`discussed`) and the nouns of talks (`negotiations`), which need a topic word after them.
    private static let talkWords = WordTable<TalkWord>(talkHashes)
    private static let talkHashes =
        ["discuss", "discusses", "discussed", "discussing", "negotiate", "negotiates", "negotiating"].map { (TariffTokenizer.hash($0), TalkWord.verb) }
        + ["talks", "negotiations", "discussions", "dialogue", "dialogues"].map { (TariffTokenizer.hash($0), TalkWord.noun) }
    /// `talkWords` as a `WordHash` filter.
    private static let talkFilter: UInt64 = talkHashes.reduce(0) { $0 | WordHash.filterBit($1.0) }
    /// What follows a talks noun to name its topic: `on`, `over`, `about`, `focused on`, `covered`.
    private static let topicWords = WordTable<Bool>(set: [
        "on", "over", "about", "focused", "focus", "focuses", "focusing", "centered", "centred", "centering", "covered",
        "cover", "covers", "covering", "touched", "addressed", "included", "includes", "including",
    ].map(TariffTokenizer.hash))

    /// Is token `k` in a coordinate clause other than the rate's (`clause`)?
    private func isOtherCoordinate(_ k: Int, than clause: Int?) -> Bool {
        guard let clause, let other = clauses.clauseIndex(at: k), other != clause else { return false }
        return clauses.clauses[other].kind == .coordinate && clauses.clauses[other].tokens.lowerBound > clauses.clauses[clause].tokens.lowerBound
    }

    /// `has imposed`, `would have raised`, `to be lifted`, `being taxed`: a participle, not a simple past.
    private func isPerfectOrModal(_ k: Int) -> Bool {
        let s = sentence
        for back in 1...2 {
            let p = k - back
            guard p >= 0 else { break }
            if s.has(p, .perfectAux) || s.isThreat(p) || s.isWord(p, TariffVocabulary.will) || s.isWord(p, TariffVocabulary.be)
                || s.isWord(p, TariffVocabulary.is) || s.isWord(p, TariffVocabulary.are) || s.isWord(p, TariffVocabulary.determinerThe)
                || s.isWord(p, TariffVocabulary.to) || s.isWord(p, TariffVocabulary.being)
            {
                return true
            }
            if s.isWord(p) && !s.looksVerbOrAdverb(p) { break }
        }
        return false
    }
}
