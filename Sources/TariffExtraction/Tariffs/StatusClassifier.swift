/// Decides a tariff's status from the verbs, modals and time words of its clause.
///
/// Precedence follows what an analyst needs first: a rate tied to an old date is history whatever
/// the verb; an explicit lift or pause beats the verb that first imposed the rate; a threat or
/// modal beats an imposition verb (`threatened to impose`); then plans, announcements, rates in force.
struct StatusClassifier {
    let sentence: TariffSentence
    let cues: [TimeCue]

    struct Verdict {
        var status: TariffStatus
        var direction: TariffDirection
    }

    /// - Parameters:
    ///   - segment: the clause the rate is in; `zone` the part of it nearest the rate.
    ///   - anchor: the rate's number token (or the tariff noun of a rate-less mention).
    ///   - span: the rate expression's tokens.
    ///   - futureDate: an effective date on or after the reference date was linked.
    func classify(segment: Range<Int>, zone: Range<Int>, anchor: Int, span: Range<Int>, futureDate: Bool) -> Verdict {
        let s = sentence
        var threat = false, propose = false, announce = false, inEffect = false, impose = false, lift = false, pause = false
        var future = futureDate
        var increase = false, decrease = false
        var simplePast = false
        var presentBe = false
        let rateIsNewLevel = s.isWord(span.lowerBound - 1, TariffVocabulary.to) || s.isWord(anchor - 1, TariffVocabulary.to)
        for k in segment {
            guard s.isWord(k) else { continue }
            let c = s.lexemes[k].classes
            if c.contains(.threat) { threat = true }
            if c.contains(.propose) && !s.isWord(k - 1, TariffVocabulary.the) { propose = true }
            if c.contains(.announce) { announce = true }
            if c.contains(.futureCue) { future = true }
            if c.contains(.impose) { impose = true }
            if c.contains(.increase), k < anchor { increase = true }
            if c.contains(.decrease), k < anchor { decrease = true }
            if c.contains(.lift), k < anchor || k < span.upperBound + 3, !rateIsNewLevel, !c.contains(.marketVerb) || s.has(k + 1, .determiner) {
                if !(s.lexemes[k].classes.contains(.lift) && s.isWord(k + 1, TariffVocabulary.to)) { lift = true }
            }
            if (s.tokens[k].hash == TariffVocabulary.roll || s.tokens[k].hash == TariffVocabulary.rolled || s.tokens[k].hash == TariffVocabulary.rolling),
                s.isWord(k + 1, TariffVocabulary.back), !rateIsNewLevel
            {
                lift = true
            }
            if c.contains(.pause) { pause = true }
            if c.contains(.inEffect), abs(k - anchor) <= 5 || (k >= span.lowerBound - 4 && k <= span.upperBound + 4) {
                inEffect = true
            }
            if (s.tokens[k].hash == TariffVocabulary.effect || s.tokens[k].hash == TariffVocabulary.force),
                s.isWord(k - 1, TariffVocabulary.in) || s.isWord(k - 1, TariffVocabulary.into)
            {
                inEffect = true
            }
            if s.tokens[k].hash == TariffVocabulary.took || s.tokens[k].hash == TariffVocabulary.went, s.isWord(k + 1, TariffVocabulary.effect) || s.isWord(k + 1, TariffVocabulary.into) {
                inEffect = true
            }
            if s.tokens[k].hash == TariffVocabulary.is || s.tokens[k].hash == TariffVocabulary.are { presentBe = true }
            if s.looksPast(k), !c.contains(.threat), !isPerfectOrModal(k) { simplePast = true }
        }
        // Time: an old date in the rate's own zone, or anywhere in a simple-past sentence.
        var localOld = false, sentenceOld = false
        for cue in cues where cue.kind == .oldPast {
            if zone.contains(cue.token) { localOld = true }
            sentenceOld = true
        }
        for k in zone where s.has(k, .pastCue) && !s.isWord(k + 1, TariffVocabulary.to) { localOld = true }
        var direction: TariffDirection = increase ? .increase : decrease ? .decrease : .unknown
        let futureCueInZone = cues.contains { $0.kind == .future && segment.contains($0.token) }
        let modal = threat || future || futureCueInZone
        if !futureDate, !inEffect, localOld || (sentenceOld && simplePast && !modal) {
            return Verdict(status: .historical, direction: direction)
        }
        if lift {
            if direction == .unknown { direction = .decrease }
            return Verdict(status: .lifted, direction: direction)
        }
        if pause { return Verdict(status: .paused, direction: direction) }
        if threat { return Verdict(status: .threatened, direction: direction) }
        if propose { return Verdict(status: .proposed, direction: direction) }
        if announce || future || futureCueInZone { return Verdict(status: .announced, direction: direction) }
        if inEffect { return Verdict(status: .inEffect, direction: direction) }
        if impose { return Verdict(status: .imposed, direction: direction) }
        return Verdict(status: presentBe ? .inEffect : simplePast ? .imposed : .announced, direction: direction)
    }

    /// `has imposed`, `would have raised`, `to be lifted`: a participle, not a simple past.
    private func isPerfectOrModal(_ k: Int) -> Bool {
        let s = sentence
        for back in 1...2 {
            let p = k - back
            guard p >= 0 else { break }
            if s.has(p, .perfectAux) || s.has(p, .threat) || s.isWord(p, TariffVocabulary.will) || s.isWord(p, TariffVocabulary.be)
                || s.isWord(p, TariffVocabulary.is) || s.isWord(p, TariffVocabulary.are) || s.isWord(p, TariffVocabulary.determinerThe)
                || s.isWord(p, TariffVocabulary.to)
            {
                return true
            }
            if s.isWord(p) && !s.looksVerbOrAdverb(p) { break }
        }
        return false
    }
}
