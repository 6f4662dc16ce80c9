/// Picks the few words that say what a date is about: `APEC summit`, `additional 100% tariffs on Chinese imports`.
///
/// An event noun names itself with its modifiers (`the Trump-Xi meeting`); otherwise the clause
/// before the date, cut at the verb that introduces it, is the subject.
struct SubjectReader {
    let bytes: [UInt8]
    let tokens: TimexTokens
    /// The word tables the reader asks per token, read once per reader: each through a lazy global of its own
    /// paid a `swift_once` per token, some ten a deadline.
    let vocabulary = SubjectReader.tables

    func subject(dateStart lower: Int, dateEnd upper: Int, cue: Int?) -> String {
        withActor(phrase(dateStart: lower, dateEnd: upper, cue: cue))
    }

    /// `meet in Kuala Lumpur` → `US and Chinese officials to meet in Kuala Lumpur`; `additional tariffs on
    /// Chinese imports` → `President Trump's additional tariffs on Chinese imports`: a phrase that names no one
    /// takes the name its clause gives the one who acts.
    private func withActor(_ range: Range<Int>) -> String {
        // `will debate a bill on Oct. 30`, `is open for comment through Nov. 14`: a phrase that opens on its verb
        // takes the clause's subject, past a relative clause or an appositive (`The agency's draft guidance,
        // which …, is open`)
        if let first = range.first, tokens[first].kind == .word, !tokens[first].capitalized,
            vocabulary.pointee.auxiliaries.contains(tokens[first].hash) || Self.modalsAndCan.contains(tokens[first].hash),
            let subject = clauseSubject(before: first)
        {
            return text(subject, " ", range)
        }
        guard !range.isEmpty, !isName(range.lowerBound), !range.contains(where: { isName($0) && !isObject($0) }),
            let actor = actor(before: range.lowerBound)
        else {
            return text(range)
        }
        // `to raise the duty`, and `would raise the duty` with its modal left out: the actor is joined by `to`
        let infinitive = range.lowerBound > 0 && tokens[range.lowerBound - 1].kind == .word
            && (tokens[range.lowerBound - 1].hash == W.to || Self.modalsBeforeVerb.contains(tokens[range.lowerBound - 1].hash))
            && tokens[range.lowerBound].kind == .word && !tokens[range.lowerBound].capitalized
        // `U.S.` leaves a one-letter `S`; `he will`, `'s ruling` are no phrase a name can own
        guard actor.count > 1 || tokens[actor.lowerBound].end - tokens[actor.lowerBound].start > 1,
            tokens[range.lowerBound].kind != .mark || tokens[range.lowerBound].mark == 0x24, tokens[range.lowerBound].kind != .word
                || !vocabulary.pointee.stops.contains(tokens[range.lowerBound].hash) && !vocabulary.pointee.pronouns.contains(tokens[range.lowerBound].hash)
                && tokens[range.lowerBound].hash != W.s
        else { return text(range) }
        if infinitive { return text(actor, " to ", range) }
        guard isName(actor.upperBound - 1) else { return text(range) }
        // `the Asia-Pacific Economic Cooperation (APEC) summit`: the name in parentheses modifies the noun
        if actor.upperBound == range.lowerBound - 1, tokens[range.lowerBound - 1].kind == .mark,
            tokens[range.lowerBound - 1].mark == 0x29
        {
            return text(actor, " ", range)
        }
        // the last byte first: `hasSuffix` compares characters, and most names do not end in `s`
        let endsInS = bytes[tokens[actor.upperBound - 1].end - 1] == 0x73 && text(actor).hasSuffix("s")
        return text(actor, endsInS ? "' " : "'s ", range)
    }

    /// The noun phrase a verb at `verb` has for subject: up to six words back, skipping `, which … ,` or
    /// `, known as … ,` right before the verb; nil when it is a pronoun or nothing noun-like.
    private func clauseSubject(before verb: Int) -> Range<Int>? {
        var end = verb
        if end > 0, tokens[end - 1].kind == .mark, tokens[end - 1].mark == 0x2C {
            var k = end - 2
            // the comma of a date or a number inside the clause (`extended through November 29, 2026,`) is not its start
            while k > 0, end - k <= 16, !(tokens[k].kind == .mark && tokens[k].mark == 0x2C) || isDateComma(k) || isInsideNumber(k) {
                if tokens.isClauseBreak(k) { return nil }
                k -= 1
            }
            guard k > 0, tokens[k].kind == .mark, tokens[k].mark == 0x2C else { return nil }
            end = k
        }
        var start = end
        while start > 0, end - start < 8 {
            let t = tokens[start - 1]
            if t.kind == .mark {
                // `agency's`, `UK–U.S.`, `Ho Chi Minh City-based`
                guard t.mark == 0x27 || (t.mark == 0x2D && !t.spaceBefore) else { break }
            } else if t.kind == .word {
                if vocabulary.pointee.stops.contains(t.hash) || vocabulary.pointee.pronouns.contains(t.hash) || vocabulary.pointee.clauseOpeners.contains(t.hash) { break }
                // `the Chamber of Foreign Trade`: `of` inside a name
                if vocabulary.pointee.prepositions.contains(t.hash), !(start >= 2 && isName(start) && isName(start - 2)) { break }
            }
            start -= 1
        }
        while start < end, tokens[start].kind == .mark || vocabulary.pointee.leading.contains(tokens[start].hash) { start += 1 }
        guard start < end, words(in: start..<end) >= 1, tokens[end - 1].kind == .word else { return nil }
        return start..<end
    }

    private static let modalsAndCan = hashes(["can", "must", "shall"])
    /// Modals whose bare verb a phrase can open on (`it would raise …`).
    private static let modalsBeforeVerb = hashes(["will", "would", "shall", "should", "could", "can", "may", "might", "must"])

    /// A capitalised word that is a name, not a sentence opener, a month or a weekday.
    private func isName(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, t.capitalized, vocabulary.pointee.timexWords[t.hash] == nil else { return false }
        return !vocabulary.pointee.openers.contains(t.hash)
    }

    /// A name after a preposition, maybe through other names (`on Chinese goods`, `in Kuala Lumpur`) is a
    /// place or a target, not who acts.
    private func isObject(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, isName(k) || (tokens[k].kind == .word && tokens[k].hash == W.and) || tokens[k].kind == .mark
            && tokens[k].mark == 0x2D
        {
            k -= 1
        }
        return k >= 0 && tokens[k].kind == .word && Self.objectPrepositions.contains(tokens[k].hash)
    }

    private static let pronouns = hashes(["he", "she", "it", "they", "we", "i", "you", "this", "these", "those"])

    private static let objectPrepositions = hashes([
        "on", "in", "at", "from", "with", "against", "to", "for", "of", "by", "into", "onto", "between", "toward",
        "towards", "across", "over", "under", "about",
    ])

    /// The names before `start` in its clause that act (`Top US and Chinese economic officials are set to …`).
    private func actor(before start: Int) -> Range<Int>? {
        let clauseOpeners = vocabulary.pointee.clauseOpeners  // read once, not per token
        var k = start - 1
        while k >= 0 {
            let t = tokens[k]
            if t.kind == .mark, t.mark == 0x2C || t.mark == 0x22 || tokens.isClauseBreak(k) { return nil }
            // `Washington will decide whether to implement …`: an infinitive after `whether` has the same actor
            if t.kind == .word, clauseOpeners.contains(t.hash),
                !(k + 1 < tokens.count && tokens[k + 1].kind == .word && tokens[k + 1].hash == W.to)
            {
                return nil
            }
            if isName(k), !isObject(k) { break }
            k -= 1
        }
        guard k >= 0 else { return nil }
        var first = k
        while first > 0 {
            let t = tokens[first - 1]
            if isName(first - 1) || (t.kind == .mark && (t.mark == 0x2D || t.mark == 0x27) && !tokens[first].spaceBefore)
                || (t.kind == .word && t.hash == W.and && first >= 2 && isName(first - 2))
            {
                first -= 1
            } else {
                break
            }
        }
        // `… Chinese economic officials are`: the common nouns the names modify, up to the verb
        var end = k + 1
        while end < start, end - k <= 3, tokens[end].kind == .word, !tokens[end].capitalized,
            vocabulary.pointee.actorNouns.contains(tokens[end].hash) || (end + 1 < start && vocabulary.pointee.actorNouns.contains(tokens[end + 1].hash))
        {
            end += 1
        }
        return first..<end
    }

    private func phrase(dateStart lower: Int, dateEnd upper: Int, cue: Int?) -> Range<Int> {
        if let cue, tokens[cue].kind == .word, DeadlineKindReader.nounCues.contains(tokens[cue].hash),
            cue < lower || cue >= upper
        {
            let noun = withRelativeClause(nounPhrase(endingAt: cue, date: lower..<upper), dateStart: lower)
            // `the latest tariffs will undergo a review and hearings on August 20-23`: a lone noun in its own clause
            // takes the clause, which says whose event it is
            if noun.count == 1, cue < lower, let whole = wholeClause(before: lower), whole.contains(cue), whole.lowerBound < cue {
                return whole
            }
            return noun
        }
        // a trigger (`until November 10`): the event noun of the same kind elsewhere in the sentence
        if let cue, cue >= lower - 3, let kind = DeadlineKindReader.cues[tokens[cue].hash] ?? triggerKind(cue),
            let noun = nearestNoun(of: kind, from: lower, to: upper)
        {
            return withRelativeClause(nounPhrase(endingAt: noun, date: lower..<upper), dateStart: lower)
        }
        var range = clause(before: lower)
        // `Under the deal, which takes effect Jan. 1, …`: a relative clause's date is its antecedent's
        if words(in: range) < 3, let noun = antecedent(ofClauseBefore: lower) { return noun }
        // `the tariff on Australian almonds will drop to zero on Jan 1`: one word says nothing; the clause does, and so
        // for an amount alone (`fall to 19.5 per cent on April 1`)
        if words(in: range) < 2 || isAmount(range), let whole = wholeClause(before: lower, clipped: isAmount(range)) { range = whole }
        // `…, from 97.39 hours to 65 hours before the end of the year`, `…, including all cancer drugs from May 1`:
        // a phrase hanging off the main clause after a comma takes the main clause
        if let start = range.first, start > 1, tokens[start - 1].kind == .mark, tokens[start - 1].mark == 0x2C,
            tokens[start].kind == .word, Self.hanging.contains(tokens[start].hash), let main = wholeClause(before: start - 1)
        {
            range = main.lowerBound..<range.upperBound
        }
        if range.count < 2 {
            let after = clause(after: upper)
            // `Without Thursday's deal`: the noun the date's possessive leads to is the event
            if after.count > range.count || isPossessive(upper) && !after.isEmpty { range = after }
        }
        if range.isEmpty, let cue { range = cue..<(cue + 1) }
        if range.isEmpty {
            // nothing phrase-like: the words just before the date, else just after it
            var end = lower
            while end > 0, tokens[end - 1].kind == .word, vocabulary.pointee.trailing.contains(tokens[end - 1].hash) { end -= 1 }
            range = max(0, end - 6)..<end
            if range.isEmpty { range = upper..<min(tokens.count, upper + 6) }
        }
        return range
    }

    /// `a truce that paused these duties through November 10`: a one-word event takes the relative clause that
    /// runs from it to its date, which says what the event does.
    private func withRelativeClause(_ phrase: Range<Int>, dateStart lower: Int) -> Range<Int> {
        let next = phrase.upperBound
        guard phrase.count == 1, next < lower, lower - next <= 8, tokens[next].kind == .word,
            tokens[next].hash == Self.that || tokens[next].hash == Self.which
        else { return phrase }
        var end = lower
        while end > next + 1, tokens[end - 1].kind == .word, vocabulary.pointee.trailing.contains(tokens[end - 1].hash) { end -= 1 }
        if (next..<end).contains(where: { tokens[$0].kind == .mark }) { return phrase }
        return phrase.lowerBound..<end
    }

    /// The noun phrase before `, which`/`, that` when the date at `lower` ends that relative clause within seven words
    /// (`the deal, which takes effect Jan. 1`), else nil.
    private func antecedent(ofClauseBefore lower: Int) -> Range<Int>? {
        var k = lower - 1
        while k > 0, lower - k <= 7, !(tokens[k].kind == .word && (tokens[k].hash == Self.which || tokens[k].hash == Self.that)) {
            if tokens[k].kind == .mark { return nil }
            k -= 1
        }
        guard k >= 2, lower - k <= 7, tokens[k].kind == .word, tokens[k].hash == Self.which || tokens[k].hash == Self.that else { return nil }
        // `the deal, which takes effect Jan. 1`
        if tokens[k - 1].kind == .mark, tokens[k - 1].mark == 0x2C, tokens[k - 2].kind == .word, !tokens[k - 2].capitalized {
            let noun = nounPhrase(endingAt: k - 2, date: lower..<lower)
            return noun.isEmpty ? nil : noun
        }
        // `the 50 percent tariff on Brazilian goods that takes effect on Wednesday`: with no comma, only when the clause's
        // verb follows the pronoun at once (`said that tariffs take effect` has a subject of its own), and through one
        // preposition to the noun it hangs on
        guard tokens[k - 1].kind == .word, !tokens[k - 1].capitalized, k + 1 < lower, tokens[k + 1].kind == .word,
            Self.relativeVerbs.contains(tokens[k + 1].hash)
        else { return nil }
        var noun = nounPhrase(endingAt: k - 1, date: lower..<lower)
        guard !noun.isEmpty else { return nil }
        let p = noun.lowerBound - 1
        if p >= 1, tokens[p].kind == .word, Self.nounPrepositions.contains(tokens[p].hash), tokens[p - 1].kind == .word,
            !tokens[p - 1].capitalized
        {
            let head = nounPhrase(endingAt: p - 1, date: lower..<lower)
            if !head.isEmpty { noun = head.lowerBound..<noun.upperBound }
        }
        return noun
    }

    /// Verbs a relative clause about a date opens on: `that takes effect`, `which expires`, `that will start`.
    private static let relativeVerbs = hashes(
        ["takes", "take", "took", "will", "would", "is", "are", "was", "were", "expires", "expire", "begins", "begin", "starts",
         "start", "comes", "come", "enters", "enter", "ends", "end", "kicks", "runs", "goes", "applies", "apply", "lapses"])

    /// Words that open a relative clause set off by commas.
    private static let relativePronouns = hashes(["which", "who", "whose"])

    static let that: UInt64 = 0x2e82_3c53_efc5_965d  // "that"
    static let which: UInt64 = 0xfa0c_491f_c412_448e  // "which"

    /// The head noun with up to four modifiers before it and an `at/in/with Name` after it; the date's own tokens
    /// (`date`) are part of the phrase when it stands inside it (`the Nov. 8 deadline`).
    private func nounPhrase(endingAt head: Int, date: Range<Int>) -> Range<Int> {
        var start = head
        var words = 0
        while start > 0, words < 4 {
            if date.contains(start - 1) {
                start -= 1
                continue
            }
            let t = tokens[start - 1]
            if t.kind == .word, vocabulary.pointee.stops.contains(t.hash) || vocabulary.pointee.prepositions.contains(t.hash)
                || vocabulary.pointee.leading.contains(t.hash)
            {
                break
            }
            if t.kind == .word { words += 1 }
            if t.kind == .word, !t.capitalized, let w = TimexLexicon.word(t.hash) {
                if case .number = w {} else if case .unit = w {} else { break }
            }
            if t.kind == .mark, !(t.mark == 0x2D || t.mark == 0x27 || t.mark == 0x25 || t.mark == 0x24), !isInsideNumber(start - 1),
                !isMonthPoint(start - 1)
            {
                break
            }
            start -= 1
        }
        while start < head, tokens[start].kind == .mark, tokens[start].mark != 0x24 { start += 1 }
        // `tomorrow's vote`, `Corp.'s announcement`: the possessive of a word left out is no part of the phrase
        if start < head, isPossessiveS(start) { start += 1 }
        var end = head + 1
        if end + 1 < tokens.count, tokens[end].kind == .word, Self.placePrepositions.contains(tokens[end].hash) {
            var k = end + 1
            if tokens[k].kind == .word, tokens[k].hash == W.the { k += 1 }
            var last = k
            while last < tokens.count, tokens[last].kind == .word, tokens[last].capitalized,
                TimexLexicon.word(tokens[last].hash) == nil, last - k < 4
            {
                last += 1
            }
            if last > k { end = last }
        }
        return start..<end
    }

    private func triggerKind(_ i: Int) -> DeadlineKind? {
        let h = tokens[i].hash
        if h == W.until || h == W.till || h == W.through || h == W.thru { return .expiry }
        if h == W.from || h == Self.starting || h == Self.effective { return .effective }
        if h == W.by || h == W.before { return .deadline }
        return nil
    }

    /// The event noun of `kind` nearest the date, outside it; at equal distance the one before it.
    ///
    /// Read outwards from the date, so the search stops at the first hit instead of reading the whole sentence.
    private func nearestNoun(of kind: DeadlineKind, from lower: Int, to upper: Int) -> Int? {
        let nouns = DeadlineKindReader.nounCueKinds
        var d = 1
        while lower - d >= 0 || upper + d - 1 < tokens.count {
            let before = lower - d, after = upper + d - 1
            if before >= 0, tokens[before].kind == .word, nouns[tokens[before].hash] == kind { return before }
            if after < tokens.count, tokens[after].kind == .word, nouns[tokens[after].hash] == kind { return after }
            d += 1
        }
        return nil
    }

    static let starting: UInt64 = 0xca64_78f2_226b_32a7  // "starting"
    static let effective: UInt64 = 0x6fd0_6962_4732_65fd  // "effective"

    /// Words before the date back to the start of its clause, without the trigger and the introducing verb.
    private func clause(before lower: Int) -> Range<Int> {
        // the tables read once, not a lazy-initialisation check per token
        let trailing = vocabulary.pointee.trailing, stops = vocabulary.pointee.stops, auxiliaries = vocabulary.pointee.auxiliaries, leading = vocabulary.pointee.leading
        var end = lower
        while end > 0, tokens[end - 1].kind == .word, trailing.contains(tokens[end - 1].hash) { end -= 1 }
        // `The export controls, set to take effect December 1, …`: the appositive's noun is before the comma
        if end > 0, end < lower, tokens[end - 1].kind == .mark, tokens[end - 1].mark == 0x2C {
            end -= 1
            // `The exclusion process, which was extended through November 29, 2026, will expire on …`: a relative
            // clause before the comma describes the noun before it
            var k = end - 1
            while k > 0, end - k <= 16, !(tokens[k].kind == .mark && tokens[k].mark == 0x2C) || isDateComma(k) || isInsideNumber(k) {
                if tokens.isClauseBreak(k) { break }
                k -= 1
            }
            if k > 0, k + 1 < end, tokens[k].kind == .mark, tokens[k].mark == 0x2C, tokens[k + 1].kind == .word,
                Self.relativePronouns.contains(tokens[k + 1].hash)
            {
                end = k
            }
        }
        var start = end
        var words = 0
        // `the free trade agreement (FTA) between China and South Korea will come into force`: a limit reached
        // inside a phrase after a preposition goes on to the noun the phrase belongs to
        var limit = 9
        while start > 0, words < limit {
            let t = tokens[start - 1]
            // `the first China International Import Expo (CIIE)`: an acronym in parentheses belongs to the phrase;
            // `45.2%`, `1,463 lines`: a point or comma between digits belongs to its number; `India's economy`: a
            // possessive belongs to its noun
            if t.kind == .mark, t.mark != 0x25, t.mark != 0x24, t.mark != 0x28, t.mark != 0x29, t.mark != 0x2D || t.spaceBefore,
                !isInsideNumber(start - 1), !isPossessive(start - 1), !isInitialismPoint(start - 1)
            {
                break
            }
            // `China and South Korea`: two names joined are one party
            let joinsNames = t.kind == .word && t.hash == W.and && start >= 2 && isName(start) && isName(start - 2)
            // `34 per cent tariff`: `per` of a rate is no preposition that ends the phrase
            let perCent = t.kind == .word && t.hash == W.per && tokens[start].kind == .word && tokens[start].hash == W.cent
            if t.kind == .word, stops.contains(t.hash), !auxiliaries.contains(t.hash), !joinsNames, !perCent { break }
            // the letters of `U.S.` are one word, counted at its last
            if t.kind == .word, !(isCapitalLetter(start - 1) && start >= 2 && isInitialismPoint(start - 2)) { words += 1 }
            start -= 1
            if words == limit, limit == 9, start > 0, tokens[start - 1].kind == .word, Self.nounPrepositions.contains(tokens[start - 1].hash) {
                limit = 14
            }
        }
        // stopped by the count at what a number counts (`38.02 percent`, `$5 billion`, `34 per cent`): the number is part
        // of it
        if start > 1, start < end, tokens[start].kind == .word, tokens[start].hash == W.cent, tokens[start - 1].kind == .word,
            tokens[start - 1].hash == W.per, tokens[start - 2].kind == .number
        {
            start -= 1
        }
        if start > 0, start < end, tokens[start].kind == .word, tokens[start - 1].kind == .number {
            start -= 1
            while start > 0, isInsideNumber(start - 1) || tokens[start - 1].kind == .number && isInsideNumber(start) { start -= 1 }
            if start > 0, tokens[start - 1].kind == .mark, tokens[start - 1].mark == 0x24 { start -= 1 }
        }

        // `to impose additional tariffs`: the infinitive's verb says nothing about the subject
        if start > 0, tokens[start - 1].hash == W.to, end - start > 2, tokens[start].kind == .word, !tokens[start].capitalized,
            !vocabulary.pointee.prepositions.contains(tokens[start + 1].hash)
        {
            start += 1
        }
        while start < end, tokens[start].kind == .word, leading.contains(tokens[start].hash) { start += 1 }
        while start < end, tokens[start].kind == .mark, tokens[start].mark != 0x24 { start += 1 }
        return start..<end
    }

    /// Mark `k` is a decimal point or a thousands separator: `.` or `,` with a number glued on each side.
    private func isInsideNumber(_ k: Int) -> Bool {
        guard k > 0, k + 1 < tokens.count, tokens[k].kind == .mark, tokens[k].mark == 0x2E || tokens[k].mark == 0x2C, !tokens[k].spaceBefore
        else { return false }
        return tokens[k - 1].kind == .number && tokens[k + 1].kind == .number && !tokens[k + 1].spaceBefore
    }

    /// Mark `k` is a point of an initialism (`U.S.`, `U.N.`): glued to a one-letter capital before it, and followed by
    /// another glued one or closing the initialism after an earlier point.
    private func isInitialismPoint(_ k: Int) -> Bool {
        guard k > 0, tokens[k].kind == .mark, tokens[k].mark == 0x2E, !tokens[k].spaceBefore, isCapitalLetter(k - 1) else { return false }
        if k + 1 < tokens.count, !tokens[k + 1].spaceBefore, isCapitalLetter(k + 1) { return true }
        return k >= 2 && tokens[k - 2].kind == .mark && tokens[k - 2].mark == 0x2E && !tokens[k - 1].spaceBefore
    }

    /// Mark `k` is the point of a month's abbreviation before its day (`the Dec. 1 vote`).
    private func isMonthPoint(_ k: Int) -> Bool {
        guard k > 0, k + 1 < tokens.count, tokens[k].kind == .mark, tokens[k].mark == 0x2E, !tokens[k].spaceBefore,
            tokens[k - 1].kind == .word, tokens[k - 1].capitalized, tokens[k + 1].kind == .number
        else { return false }
        if case .month? = TimexLexicon.word(tokens[k - 1].hash) { return true }
        return false
    }

    /// Token `k` is one capital letter.
    private func isCapitalLetter(_ k: Int) -> Bool {
        tokens[k].kind == .word && tokens[k].capitalized && tokens[k].end - tokens[k].start == 1
    }

    /// Tokens `range` are an amount and nothing else: a number, maybe with `$`, and only units after it.
    private func isAmount(_ range: Range<Int>) -> Bool {
        guard let first = range.first, tokens[first].kind == .number || tokens[first].kind == .mark && tokens[first].mark == 0x24
        else { return false }
        return range.allSatisfy { tokens[$0].kind != .word || Self.amountWords.contains(tokens[$0].hash) }
    }

    /// The words of an amount, and `from`/`to` between two (`25 percent from 10 percent`).
    private static let amountWords = hashes(
        ["percent", "per", "cent", "pct", "percentage", "points", "point", "million", "billion", "trillion", "dollars", "euros",
         "yuan", "yen", "pounds", "rupees", "won", "from", "to"])

    /// Mark `k` is the comma between a day and its year (`November 29, 2026`).
    private func isDateComma(_ k: Int) -> Bool {
        guard k > 0, k + 1 < tokens.count, tokens[k].kind == .mark, tokens[k].mark == 0x2C else { return false }
        return tokens[k - 1].kind == .number && tokens[k - 1].value <= 31 && tokens[k + 1].kind == .number
            && (1000...2999).contains(tokens[k + 1].value)
    }

    /// Token `i` is the `s` of a possessive: a word `s` glued to an apostrophe glued to what it follows.
    private func isPossessiveS(_ i: Int) -> Bool {
        guard i > 0, tokens[i].kind == .word, tokens[i].hash == W.s, !tokens[i].spaceBefore else { return false }
        return tokens[i - 1].kind == .mark && tokens[i - 1].mark == 0x27 && !tokens[i - 1].spaceBefore
    }

    /// Mark `k` is the apostrophe of a possessive: glued between a word and a glued `s`.
    private func isPossessive(_ k: Int) -> Bool {
        k > 0 && k + 1 < tokens.count && tokens[k - 1].kind == .word && isPossessiveS(k + 1)
    }

    /// Counted in a loop: `filter(…).count` built an array per call, a twentieth of the deadline finder.
    private func words(in range: Range<Int>) -> Int {
        var count = 0
        for k in range where tokens[k].kind == .word { count += 1 }
        return count
    }

    /// From the start of the clause (sentence start, `;`, or the comma after an opening phrase) to the date,
    /// at most twelve words, without its trailing prepositions: the clause's own subject and verb.
    /// - Parameter clipped: a longer clause keeps its last twelve words (`will raise tariffs on $200 billion of Chinese goods
    ///   to 25 percent from 10 percent`), for an amount that must not stand alone.
    private func wholeClause(before lower: Int, clipped: Bool = false) -> Range<Int>? {
        let trailing = vocabulary.pointee.trailing, clauseStarts = vocabulary.pointee.clauseStarts, leading = vocabulary.pointee.leading  // read once
        var end = lower
        while end > 0, tokens[end - 1].kind == .word, trailing.contains(tokens[end - 1].hash) { end -= 1 }
        // `… raise duties on lumber to 45%, effective Jan. 5`: a date phrase set off by a comma dates the clause before it
        if end > 0, end < lower, tokens[end - 1].kind == .mark, tokens[end - 1].mark == 0x2C { end -= 1 }
        var start = end
        while start > 0, end - start < 16 {
            let t = tokens[start - 1]
            if t.kind == .mark, t.mark == 0x2C && !isInsideNumber(start - 1) || t.mark == 0x22 || tokens.isClauseBreak(start - 1) { break }
            if t.kind == .word, clauseStarts.contains(t.hash) { break }
            start -= 1
        }
        while start < end, tokens[start].kind == .mark || leading.contains(tokens[start].hash) || tokens[start].hash == W.to {
            start += 1
        }
        if clipped {
            while words(in: start..<end) > 12 { start += 1 }
            while start < end, tokens[start].kind == .mark || leading.contains(tokens[start].hash) { start += 1 }
        }
        guard (3...12).contains(words(in: start..<end)) else { return nil }
        return start..<end
    }

    /// Prepositions inside a noun phrase (`the agreement between …`, `duties on …`).
    private static let nounPrepositions = hashes(["between", "of", "on", "with", "for", "against", "among"])
    /// Words that open a phrase hanging off a main clause after a comma.
    private static let hanging = hashes(["from", "including", "such", "excluding", "except", "up", "down"])

    private static let clauseStarts = hashes(["that", "which", "who", "while", "because", "whether", "when", "if"])

    private func clause(after upper: Int) -> Range<Int> {
        let leading = vocabulary.pointee.leading, auxiliaries = vocabulary.pointee.auxiliaries, stops = vocabulary.pointee.stops, trailing = vocabulary.pointee.trailing  // read once
        var start = upper
        // `Wednesday's ruling`, `tomorrow's vote`: the date's possessive leads to the event, not into it
        if isPossessive(upper) { start = upper + 2 }
        while start < tokens.count, tokens[start].kind == .mark || leading.contains(tokens[start].hash) { start += 1 }
        var end = start
        var verb = false
        while end < tokens.count, end - start < 8 {
            let t = tokens[end]
            if t.kind == .mark, t.mark != 0x25, t.mark != 0x2D || t.spaceBefore, !isInsideNumber(end), !isPossessive(end),
                !isInitialismPoint(end)
            {
                break
            }
            // `In August the White House will be deciding …`: names alone go on to what they do
            if t.kind == .word, auxiliaries.contains(t.hash), end > start,
                verb || (start..<end).allSatisfy({ isName($0) || leading.contains(tokens[$0].hash) })
            {
                verb = true
                end += 1
                continue
            }
            if t.kind == .word, stops.contains(t.hash) { break }
            end += 1
        }
        while end > start, tokens[end - 1].kind == .word, trailing.contains(tokens[end - 1].hash) { end -= 1 }
        // cut off at its length inside a number or before a possessive's noun (`rates on 1,`, `lifted Canada's`)
        if end - start >= 2, isPossessive(end - 2) { end -= 2 }
        while end > start, tokens[end - 1].kind == .mark, tokens[end - 1].mark != 0x25, !isInitialismPoint(end - 1) { end -= 1 }
        return start..<end
    }

    private func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return String(decoding: bytes[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end], as: UTF8.self)
    }

    /// `text(first) + separator + text(second)`, made as one string: made in parts and appended, it was three
    /// strings and two appends. (Invalid bytes are repaired as in the parts: the separator is whole characters.)
    private func text(_ first: Range<Int>, _ separator: StaticString, _ second: Range<Int>) -> String {
        let a = first.isEmpty ? 0..<0 : tokens[first.lowerBound].start..<tokens[first.upperBound - 1].end
        let b = second.isEmpty ? 0..<0 : tokens[second.lowerBound].start..<tokens[second.upperBound - 1].end
        let gap = separator.utf8CodeUnitCount
        return bytes.withUnsafeBufferPointer { source in
            String(unsafeUninitializedCapacity: a.count + gap + b.count) { out in
                guard let text = source.baseAddress, let at = out.baseAddress else { return 0 }
                at.initialize(from: text + a.lowerBound, count: a.count)
                (at + a.count).initialize(from: separator.utf8Start, count: gap)
                (at + a.count + gap).initialize(from: text + b.lowerBound, count: b.count)
                return a.count + gap + b.count
            }
        }
    }

    private static func hashes(_ words: [String]) -> WordTable<Bool> { WordTable(set: words.map(TimexTokenizer.hash)) }

    /// The tables `vocabulary` points to, in one lazy global, read in place (a copy would be some 350 bytes).
    struct Tables {
        fileprivate let stops = SubjectReader.stops, trailing = SubjectReader.trailing
        fileprivate let auxiliaries = SubjectReader.auxiliaries, leading = SubjectReader.leading
        fileprivate let prepositions = SubjectReader.prepositions, openers = SubjectReader.openers
        fileprivate let clauseOpeners = SubjectReader.clauseOpeners, clauseStarts = SubjectReader.clauseStarts
        fileprivate let actorNouns = SubjectReader.actorNouns, pronouns = SubjectReader.pronouns
        fileprivate let timexWords = TimexLexicon.table
    }

    nonisolated(unsafe) static let tables = ProcessLifetime.pointer(to: Tables())

    /// Words that end a subject phrase going backwards: clause openers, auxiliaries, reporting verbs.
    private static let stops = hashes([
        "to", "that", "which", "who", "whom", "when", "while", "after", "before", "said", "says", "told", "and", "but",
        "as", "is", "are", "was", "were", "will", "would", "could", "should", "may", "might", "has", "have", "had",
        "be", "been", "being", "if", "because", "since", "than", "also", "said", "announced", "according", "whether",
    ])
    /// Trigger words and prepositions between the subject and the date.
    private static let trailing = hashes([
        "on", "in", "at", "by", "from", "with", "starting", "beginning", "effective", "until", "through", "till", "the",
        "for", "of", "as", "no", "later", "than", "before", "after", "during", "within", "over", "around", "set",
        "take", "effect", "into", "come", "to", "will", "would", "is", "are", "was", "were", "has", "have", "had",
        "be", "been", "could", "should", "may", "might", "must", "since", "start", "starts", "begin", "begins",
        "expire", "expires", "end", "ends", "kick", "kicks", "planned", "scheduled", "expected", "due", "slated",
        "such", "around", "about", "approximately", "least", "latest", "earliest",
        // `with the revised order taking effect on`
        "taking",
    ])
    /// Auxiliaries do not end a subject going backwards: `the agreement was signed`.
    private static let auxiliaries = hashes([
        "is", "are", "was", "were", "will", "would", "could", "should", "may", "might", "has", "have", "had", "be", "been",
    ])
    /// Capitalised at the start of a sentence without being names.
    private static let openers = hashes([
        "the", "a", "an", "this", "that", "these", "those", "such", "in", "on", "at", "by", "for", "from", "with",
        "while", "as", "when", "after", "before", "it", "its", "they", "their", "we", "our", "he", "she", "his", "her",
        "both", "some", "many", "most", "top", "senior", "under", "amid", "according", "but", "and", "if",
        "since", "during", "meanwhile", "however", "also", "there", "here", "earlier", "later", "last", "next",
        // function words that open a sentence in capitals and name no one (`Without Thursday's deal, …`)
        "without", "despite", "although", "though", "unless", "because", "following", "until", "once", "over",
        "through", "against", "so", "yet", "then", "now", "still", "even", "instead", "moreover", "besides",
    ])
    /// Words that end the search for an actor going backwards: another clause begins.
    private static let clauseOpeners = hashes(["that", "which", "who", "whom", "while", "because", "if", "when", "whether"])
    /// Common nouns for people and bodies that follow the names they belong to (`Chinese trade officials`).
    private static let actorNouns = hashes([
        "officials", "official", "negotiators", "negotiator", "leaders", "leader", "ministers", "minister",
        "delegations", "delegation", "economic", "trade", "government", "governments", "authorities", "lawmakers",
        "regulators", "envoys", "diplomats", "counterparts", "team", "teams", "side", "sides",
    ])
    private static let leading = hashes(["the", "a", "an", "its", "their", "his", "her", "on", "in", "of", "for", "and"])
    private static let prepositions = hashes(["on", "in", "at", "by", "from", "for", "of", "with", "into", "over", "during"])
    private static let placePrepositions = hashes(["at", "in", "with", "on"])
}
