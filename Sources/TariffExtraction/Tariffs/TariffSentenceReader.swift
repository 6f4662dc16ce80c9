/// Turns one tariff sentence into tariff changes: rates, parties, status, products, dates.
struct TariffSentenceReader {
    /// Named by `changes()` once it finds a rate or a measure verb, if it was not already.
    private(set) var sentence: TariffSentence
    let referenceDate: CalendarDate
    let timexes: ArraySlice<TaggedTimex>
    /// The sentence before, when the finder already tokenized it; built (or named) on demand otherwise.
    var previous: TariffSentence?
    /// The sentence holds no tariff word but the article is about tariffs: only the rates it pays or
    /// calls a `rate` are read (`RatesWithoutTariffWord`), and only with a target it names.
    var withoutTariffWord = false
    /// Set by a caller that has already asked `sentence.hasTariffNoun` (the finder, to choose the sentences
    /// it reads): the reader then does not scan the sentence for one again.
    var hasTariffNoun: Bool?

    /// The sentence before this one, for sides and times the sentence leaves implicit; prepared at most once.
    mutating func previousSentence(in document: TextDocument) -> TariffSentence {
        if let previous, previous.index == sentence.index - 1, previous.isNamed { return previous }
        let prepared =
            if let previous, previous.index == sentence.index - 1 {
                previous.named()
            } else {
                sentence.namedSibling(index: sentence.index - 1, range: document.sentences[sentence.index - 1])
            }
        previous = prepared
        return prepared
    }

    /// A side and how sure we are of it.
    struct Side {
        var code: String?
        var confidence: Double
    }

    struct Draft {
        var expression: RateExpression?
        var noun: Int?
        var anchor: Int
        var span: Range<Int>
        var segment: Range<Int>
        var imposer = Side(code: nil, confidence: 1)
        var target = Side(code: nil, confidence: 1)
        var extraTargets: [String] = []
        /// `Washington and Beijing agreed to cut tariffs`: the same move in both directions.
        var mirrored = false
    }

    /// Appends the sentence's changes to `result` and returns how many.
    /// - Parameters:
    ///   - mutual: the indices in `result`, in order, of the rates like `both countries will eliminate tariffs`: a
    ///     rate each of the article's two parties charges the other, which only the whole article names. A list of
    ///     the few such rates, not a flag per change: most articles have none, and an empty array allocates nothing.
    ///   - document: the sentence's document, lent for the call (a copy held by the reader cost a retain
    ///     and a release of each of its arrays per sentence).
    mutating func changes(into result: inout [TariffChange], mutual byBothParties: inout [Int], in document: TextDocument) -> Int {
        let hasNoun = withoutTariffWord || (hasTariffNoun ?? sentence.hasTariffNoun)
        guard hasNoun else { return 0 }
        var expressions = RateScanner.expressions(in: sentence, hasTariffNoun: hasNoun)
        if withoutTariffWord { expressions.removeAll { !RatesWithoutTariffWord.isStated($0, in: sentence) } }
        // Without a rate and without a measure verb anywhere in it no draft can follow: the sentence's
        // names and party roles (which clause boundaries and sides read) are then never built.
        // A rate-less mention needs a tariff noun, which a sentence without a tariff word (`withoutTariffWord`) lacks.
        guard !expressions.isEmpty || !withoutTariffWord && sentence.hasMeasureVerb(in: 0..<sentence.count) else { return 0 }
        // Without a rate, a mention is kept only with both sides named for sure by the sentence's own names, two
        // different parties: the gazetteer tells whether there are two before any role is read.
        guard !expressions.isEmpty || sentence.namesTwoParties() else { return 0 }
        if !sentence.isNamed { sentence = sentence.named() }
        let s = sentence
        // Without a rate only rate-less mentions can follow, and one is kept only with both its sides named
        // for sure by the sentence's own names: without them, clauses and sides are not read at all.
        guard !expressions.isEmpty || Self.namesBothSides(s) else { return 0 }
        var drafts: [Draft] = []
        drafts.reserveCapacity(expressions.count + 2)  // a rate-less mention or two at most, mostly
        // the clauses, on the stack (at most one per token): an array of them cost an allocation or two per sentence
        withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: s.count) { clauseBuffer in
            let segments = UnsafeBufferPointer(rebasing: clauseBuffer[..<self.segments(into: clauseBuffer)])
            func segment(of token: Int) -> Range<Int> {
                // segments are in order and do not overlap: a binary search, as a sentence can hold hundreds
                var low = 0, high = segments.count
                while low < high {
                    let mid = (low + high) / 2
                    if segments[mid].upperBound <= token { low = mid + 1 } else { high = mid }
                }
                return low < segments.count && segments[low].contains(token) ? segments[low] : 0..<s.count
            }
            for e in expressions {
                drafts.append(Draft(expression: e, noun: e.noun, anchor: e.anchor, span: e.span, segment: segment(of: e.anchor)))
            }
            // Rate-less mentions: `pledged to impose additional tariffs on Chinese goods`.
            // per token: inside a rate's span (bit 1), first token of a clause that has a draft (bit 2); on the stack
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: s.count) { marks in
                marks.initialize(repeating: 0)
                for d in drafts.indices {
                    for k in drafts[d].span where k < s.count { marks[k] |= 1 }
                    if drafts[d].segment.lowerBound < s.count { marks[drafts[d].segment.lowerBound] |= 2 }
                }
                // whether a clause has a measure verb and no negation, read once per clause, not once per noun in it
                var acting: (segment: Range<Int>, acts: Bool)?
                // only the words of a tariff or tax noun class are asked, found by `firstToken`'s scan of classes
                let nouns = TariffWordClass.tariffNoun | .taxNoun
                var k = s.firstToken(from: 0, inAnyOf: nouns)
                while k < s.count {
                    defer { k = s.firstToken(from: k + 1, inAnyOf: nouns) }
                    guard s.isTariffNoun(k) else { continue }
                    let seg = segment(of: k)
                    guard seg.lowerBound >= s.count || marks[seg.lowerBound] & 2 == 0, marks[k] & 1 == 0 else { continue }
                    if acting?.segment != seg {
                        acting = (seg, s.hasMeasureVerb(in: seg) && !seg.contains(where: { s.has($0, .negation) }))
                    }
                    guard acting?.acts == true else { continue }
                    if seg.lowerBound < s.count { marks[seg.lowerBound] |= 2 }
                    drafts.append(Draft(expression: nil, noun: k, anchor: k, span: k..<(k + 1), segment: seg))
                }
            }
        }
        guard !drafts.isEmpty else { return 0 }
        drafts.sort { $0.anchor < $1.anchor }
        // Sides first: a draft that names them too weakly gives no change, and when no draft is left the clause
        // model, the time cues and the classifier (most of a read sentence's cost) are not built.
        assignParties(&drafts, in: document)
        // drafts are asked by index: `contains(where:)` and `for … in` copied each draft they handed on
        guard drafts.indices.contains(where: { !isDropped(drafts[$0]) }) else { return 0 }
        // Time cues only matter once there is a rate or a measure to give a status to.
        let (found, earlierTime) = TimeCueReader(sentence: s, referenceDate: referenceDate).cues(timexes: timexes)
        var cues = found
        if let at = earlierTime, s.index > 0 {
            // `in the same month`: borrow the previous sentence's time (its own words; its timexes are not at hand)
            let previous = previousSentence(in: document)
            let earlier = TimeCueReader(sentence: previous, referenceDate: referenceDate).cues(timexes: []).cues
            if let kind = earlier.first(where: { $0.kind == .oldPast })?.kind ?? earlier.first?.kind {
                cues.append(TimeCue(token: at, kind: kind))
            }
        }
        // built only once the sentence has a rate or a measure, and only when a word the clause rules read
        // is there (the model costs about a tenth of extraction); without it those rules stay silent
        let clauses = Self.clauseRulesMayApply(s, drafts: drafts, cues: cues) ? ClauseModel(bytes: s.bytes, tokens: s.tokens) : ClauseModel.none
        return write(drafts, cues: cues, clauses: clauses, into: &result, mutual: &byBothParties, in: document)
    }

    /// Appends the changes of the sentence's drafts (sides assigned) to `result` and returns how many. Not
    /// `mutating`, unlike `changes`: in the closure of a mutating method each call of the reader's own methods
    /// (the effective date, the zone's boundary, `additional`, the text) copied the whole reader, a retain and a
    /// release of each of its references, some four times per draft.
    private func write(
        _ drafts: [Draft], cues: [TimeCue], clauses: ClauseModel, into result: inout [TariffChange], mutual byBothParties: inout [Int],
        in document: TextDocument
    ) -> Int {
        let s = sentence
        // one classifier for the sentence's drafts: made per draft, it retained and released its four arrays each time.
        // Its list of the words that speak is on the stack (one slot per token): an array cost an allocation per sentence.
        let first = result.count
        // the evidence of the sentence's changes, when it is quoted whole: one string for all of them
        var wholeSentence: String?
        withUnsafeTemporaryAllocation(of: Int.self, capacity: s.count) { speakingRoom in
            let classifier = StatusClassifier(sentence: s, cues: cues, clauses: clauses, speakingRoom: speakingRoom)
            // the status and goods of the last rate written: a bare rate continuing its list shares them
            var listed: (draft: Int, status: TariffStatus, products: [String], namedInForce: Bool)?
            // by index: the enumerated drafts were copies, each retaining and releasing its codes and targets
            for d in drafts.indices {
                // the draft's parts, not a copy of it (a retain and a release of its codes and further targets)
                if isDropped(drafts[d]) { continue }
                let expression = drafts[d].expression, segment = drafts[d].segment, span = drafts[d].span, anchor = drafts[d].anchor
                let rateless = expression == nil
                let zoneStart = max(segment.lowerBound, d > 0 && drafts[d - 1].segment == segment ? boundary(drafts[d - 1].span, span) : 0)
                let zoneEnd = min(segment.upperBound, d + 1 < drafts.count && drafts[d + 1].segment == segment ? boundary(span, drafts[d + 1].span) : s.count)
                let zone = zoneStart..<max(zoneStart, zoneEnd)
                let effective = effectiveDate(anchor: anchor, segment: segment, zone: zone)
                let upcomingEffective = effective.map { $0.isUpcoming(relativeTo: referenceDate) } ?? false
                // The words nearest the rate speak first (`a 15% tariff, down from the 25% threatened`); the clause otherwise.
                let shared = drafts.count > 1 && drafts.indices.contains { drafts[$0].segment == segment && drafts[$0].anchor != anchor }
                var verdict = classifier.classify(segment: shared ? zone : segment, zone: zone, anchor: anchor, span: span, futureDate: upcomingEffective, newLevel: expression?.zeroByWords == true)
                if shared && !verdict.fromCue {
                    verdict = classifier.classify(
                        segment: segment, zone: zone, anchor: anchor, span: span, futureDate: upcomingEffective,
                        newLevel: expression?.zeroByWords == true)
                }
                if rateless && verdict.status == .historical { continue }
                // `a tariff on refined copper of 15% starting in 2027, and 30% starting in 2028`: a rate with no tariff noun
                // of its own that only continues the list of the rate before it (no verb, no name between) shares its
                // status and goods
                let continuesList = listed.map { continues(drafts[d], after: drafts[$0.draft]) } ?? false
                if continuesList, let listed { verdict.status = listed.status }
                // `will keep its 25 percent tariff on steel and 10 percent tariff on aluminum`: a rate joined to one kept
                // in force, with no verb of its own between them, is kept too
                if let listed, listed.namedInForce, !verdict.namedInForce, joinsWithoutVerb(drafts[listed.draft], drafts[d]) {
                    verdict.status = .inEffect
                    verdict.namedInForce = true
                }
                // what a new duty is added to (`on top of the 10% tariff`) is the base, not the addition
                let additional = isAdditional(expression, span: span, zone: zone, clauses: clauses) && !(expression?.points == true && verdict.direction == .decrease)
                    && !verdict.namedInForce
                var direction = expression.map { $0.direction } ?? .unknown
                if direction == .unknown { direction = additional ? .increase : verdict.direction }
                var products = ProductPhrase(sentence: s).products(for: expression, noun: drafts[d].noun, limit: zone.upperBound, in: document)
                if continuesList, products.isEmpty, let listed { products = listed.products }
                if !rateless { listed = (d, verdict.status, products, verdict.namedInForce) }
                let textRange = textBytes(span)
                // `cut tariffs by 115 percentage points`: an amount taken off, not a rate
                let reductionAmount = expression?.points == true && verdict.direction == .decrease
                // the draft's own sides, one change per further target, then the mirrored move (no array of pairs per rate)
                for p in 0...(drafts[d].extraTargets.count + 1) {
                    let imposer: Side, target: Side
                    if p == 0 {
                        (imposer, target) = (drafts[d].imposer, drafts[d].target)
                    } else if p <= drafts[d].extraTargets.count {
                        guard drafts[d].extraTargets[p - 1] != drafts[d].target.code else { continue }
                        (imposer, target) = (drafts[d].imposer, Side(code: drafts[d].extraTargets[p - 1], confidence: drafts[d].target.confidence))
                    } else {
                        guard drafts[d].mirrored else { continue }
                        (imposer, target) = (drafts[d].target, drafts[d].imposer)
                    }
                    // the article's first change: room for several (grown from one, the array was reallocated at the 2nd and 3rd)
                    if result.capacity == 0 { result.reserveCapacity(8) }
                    let aggregate = expression != nil && isAggregate(span: span, zone: zone)
                    // an overall level that has moved (`has dropped to 7.5%`) is the level in force now
                    let status = aggregate && verdict.status == .imposed
                        && (segment.lowerBound..<anchor).contains(where: { s.has($0, .perfectAux) }) ? .inEffect : verdict.status
                    let mutual = imposer.code == nil && target.code == nil && bothPartiesAct(before: anchor, in: segment)
                    // built in the array itself: a local change appended was copied into it and then destroyed. By the
                    // memberwise `init`: the public one was built in a local of its own, then copied (see `TariffChange`)
                    result.append(
                        TariffChange(
                            imposer: imposer.code, target: target.code, products: products,
                            ratePct: reductionAmount ? nil : expression?.rate, previousRatePct: expression?.previous,
                            minimumRatePct: expression?.minimum, additional: additional && !reductionAmount, aggregate: aggregate,
                            direction: direction, status: status, effectiveDate: verdict.namedInForce ? nil : effective,
                            confidence: min(imposer.confidence, target.confidence),
                            text: document.string(textRange), sentence: document.evidence(s.range, around: textRange, whole: &wholeSentence),
                            start: document.scalarOffset(ofByte: textRange.lowerBound),
                            end: document.scalarOffset(ofByte: textRange.upperBound), namedInForce: verdict.namedInForce))
                    if mutual { byBothParties.append(result.count - 1) }
                    // `duties ranging from 17.7% to 81.3%`: the low end is a rate some goods pay, a fact of its own
                    if let low = expression?.minimum, let high = result[result.count - 1].ratePct, low < high, !aggregate {
                        var lowEnd = result[result.count - 1]
                        lowEnd.ratePct = low
                        lowEnd.minimumRatePct = nil
                        result.append(lowEnd)
                        if mutual { byBothParties.append(result.count - 1) }
                    }
                }
            }
        }
        return result.count - first
    }

    /// `draft` is a bare rate (`…, and 30% starting in 2028`) that continues the list of `previous`: no tariff noun of its
    /// own, and between the two rates only a start or a date, commas, `and`/`or` and prepositions.
    private func continues(_ draft: Draft, after previous: Draft) -> Bool {
        let s = sentence
        guard draft.expression != nil, draft.noun == nil, previous.span.upperBound <= draft.span.lowerBound else { return false }
        return (previous.span.upperBound..<draft.span.lowerBound).allSatisfy { k in
            switch s.tokens[k].kind {
            case .comma, .number: return true
            case .word:
                return s.mention(at: k) == nil && (s.has(k, .coordinator) || s.has(k, .preposition) || s.has(k, .effectiveTrigger)
                    || s.has(k, .month) || s.has(k, .determiner))
            default: return false
            }
        }
    }

    /// `previous`'s rate and `draft`'s are joined by `and` or a comma with no verb, name or clause break between them.
    private func joinsWithoutVerb(_ previous: Draft, _ draft: Draft) -> Bool {
        let s = sentence
        guard draft.expression != nil, previous.span.upperBound <= draft.span.lowerBound, draft.span.lowerBound - previous.span.upperBound <= 8
        else { return false }
        let gap = previous.span.upperBound..<draft.span.lowerBound
        return gap.contains { s.has($0, .coordinator) || s.tokens[$0].kind == .comma }
            && !gap.contains { s.has($0, .verb) || s.isMeasureVerb($0) || s.has($0, .clauseBreak) || s.mention(at: $0) != nil || s.looksPast($0) }
    }

    /// A draft whose sides, once assigned, are too uncertain for a change: a rate-less mention needs both
    /// sides for sure, a rate without a tariff word its target.
    private func isDropped(_ draft: Draft) -> Bool {
        if draft.expression == nil,
            draft.imposer.code == nil || draft.target.code == nil || draft.imposer.confidence < 1 || draft.target.confidence < 1
        {
            return true
        }
        return withoutTariffWord && (draft.target.code == nil || draft.target.confidence < 1)
    }

    /// Some name acts and another party's name pays: what a rate-less mention needs to give a change, as
    /// its sides (sure ones only) come from the sentence's own names, never the previous sentence's.
    private static func namesBothSides(_ s: TariffSentence) -> Bool {
        for (m, imposer) in s.mentions.enumerated() where s.mentions[m].role == .imposer {
            for (n, target) in s.mentions.enumerated() where s.mentions[n].role == .target && target.code != imposer.code { return true }
        }
        return false
    }

    // MARK: - Clauses

    /// Words without which no status or `additional` rule that reads the clause model can fire: `will`,
    /// `should`, relative and subordinating words, `in addition`/`on top`; or a clause joined after the rate
    /// that carries a word of the future, a plan or a threat; or `from` (below).
    ///
    /// With `from` the only word of those (and `from` opens no clause of the model), a rule reads the model only
    /// in three cases: a rate right after `from` (`from 15.3% … to 9.8%`, its clause's head); a clause opened by
    /// `whether` (the one subordinator not listed); a coordinate clause (after `and`, `or`, `but`, `yet` or a
    /// stop) when some word is of the future, a plan or a threat, or some cue (`cues`) is of the future.
    /// Otherwise the model and no model give the same verdicts, and it is not built.
    static func clauseRulesMayApply(_ s: TariffSentence, drafts: [Draft], cues: [TimeCue]) -> Bool {
        var joined = false, forward = false, from = false, whether = false, coordinates = false
        let words = clauseWords  // once, not a lazy-initialisation check per token
        let filter = clauseWordFilter
        for k in 0..<s.count {
            let t = s.tokens[k]
            if t.kind == .semicolon || t.kind == .dash { joined = true; coordinates = true; continue }
            if t.kind == .colon { coordinates = true; continue }
            guard t.kind == .word else { continue }
            // one look-up for every word the gate reads by its hash; most words leave at the filter's one shift
            if WordHash.mayBeIn(filter, t.hash), let word = words[t.hash] {
                switch word {
                case .rule: return true
                case .from: from = true
                case .whether: whether = true
                case .coordinator: coordinates = true
                }
            }
            let c = s.lexemes[k].classes
            if c.contains(.coordinator) || c.contains(.clauseBreak) { joined = true }
            if !c.isDisjoint(with: TariffWordClass.futureCue | .announce | .propose | .threat) { forward = true }
            if joined && forward { return true }
        }
        guard from else { return false }
        if whether { return true }
        for d in drafts.indices where s.isWord(drafts[d].span.lowerBound - 1, TariffVocabulary.from) || s.isWord(drafts[d].anchor - 1, TariffVocabulary.from) {
            return true
        }
        return coordinates && (forward || cues.contains { $0.kind == .future })
    }

    /// What a word is to `clauseRulesMayApply`.
    private enum ClauseGateWord { case rule, from, whether, coordinator }

    private static let clauseWords = WordTable<ClauseGateWord>(clauseWordHashes)

    private static let clauseWordHashes: [(UInt64, ClauseGateWord)] =
        [
            "will", "shall", "should", "must", "which", "who", "whose", "addition", "top", "if", "unless", "because",
            "although", "though", "whereas", "while", "after", "before", "when", "once", "until", "since",
        ].map { (TariffTokenizer.hash($0), ClauseGateWord.rule) }
        + [(TariffTokenizer.hash("from"), .from), (TariffTokenizer.hash("whether"), .whether)]
        + ["and", "or", "but", "yet"].map { (TariffTokenizer.hash($0), ClauseGateWord.coordinator) }

    /// `clauseWords` as a `WordHash` filter: a look-up per word of the sentence cost more than the rest of the gate.
    private static let clauseWordFilter: UInt64 = clauseWordHashes.reduce(0) { $0 | WordHash.filterBit($1.0) }

    /// Clause boundaries: `;`, `:`, dashes, `while`/`but`/`which`, and `and`/`,` before a new acting party.
    /// Written to `result` (room for one per token, as clauses are never empty); returns how many.
    private func segments(into result: UnsafeMutableBufferPointer<Range<Int>>) -> Int {
        let s = sentence
        var count = 0
        // where the clause being read starts
        var bound = 0
        // `holdsTariff(bound..<k)`, reading each token at most once over the sentence: the last
        // token found to hold a tariff, and how far the tokens have been read
        var lastTariff = -1
        var readUpTo = 0
        func holdsTariffSinceBound(_ k: Int) -> Bool {
            for j in max(readUpTo, bound)..<max(k, readUpTo) where holdsTariff(j..<(j + 1)) { lastTariff = j }
            readUpTo = max(readUpTo, k)
            return lastTariff >= bound
        }
        // Most tokens can end no clause: one test of their kind and word classes together passes them over,
        // where a switch on the kind first was a branch taken at random between words and the rest.
        let breakingKinds: UInt32 = 1 << TariffToken.Kind.semicolon.rawValue | 1 << TariffToken.Kind.colon.rawValue
            | 1 << TariffToken.Kind.dash.rawValue | 1 << TariffToken.Kind.comma.rawValue
        let breakingWords: TariffWordClass = .clauseBreak | .coordinator
        for k in 0..<s.count {
            let token = s.tokens[k]
            // only words have word classes: a class here is a word's
            guard breakingKinds &>> UInt32(token.kind.rawValue) & 1 != 0 || !s.lexemes[k].classes.isDisjoint(with: breakingWords) else {
                continue
            }
            var breakHere = false
            switch token.kind {
            case .semicolon, .colon, .dash: breakHere = true
            case .comma:
                breakHere = startsActingClause(k + 1) && holdsTariffSinceBound(k)
            case .word:
                if s.has(k, .clauseBreak) { breakHere = true }
                if s.has(k, .coordinator), startsActingClause(k + 1), holdsTariffSinceBound(k) { breakHere = true }
            default: break
            }
            if breakHere, k > bound {
                result[count] = bound..<k
                count += 1
                bound = k
            }
        }
        if bound < s.count {
            result[count] = bound..<s.count
            count += 1
        }
        return count
    }

    /// `In March, Trump threatened…`: an opening phrase without a rate or tariff word is not a clause of its own.
    private func holdsTariff(_ range: Range<Int>) -> Bool {
        range.contains { sentence.isTariffNoun($0) || sentence.tokens[$0].kind == .percent || sentence.has($0, .percentWord) }
    }

    private func startsActingClause(_ k: Int) -> Bool {
        let s = sentence
        var p = k
        if s.has(p, .determiner) { p += 1 }
        if s.has(p, .coordinator) { p += 1 }
        guard let m = s.mention(at: p), s.mentions[m].tokens.lowerBound == p else { return false }
        return s.mentions[m].role == .imposer && !(s.tokens.indices.contains(s.mentions[m].tokens.upperBound) && s.tokens[s.mentions[m].tokens.upperBound].kind == .possessive)
    }

    // MARK: - Attributes

    /// `both countries will eliminate…`, `the two sides agreed to cut…`: the subject is the pair itself.
    func bothPartiesAct(before anchor: Int, in segment: Range<Int>) -> Bool {
        let s = sentence
        for k in segment where k < anchor && s.isWord(k) {
            let h = s.tokens[k].hash
            let pairWord = h == TariffVocabulary.both || (h == TariffVocabulary.two && s.isWord(k - 1, TariffVocabulary.the))
            if pairWord, s.isWord(k + 1), Self.partyNouns.contains(s.tokens[k + 1].hash) { return true }
        }
        return false
    }

    private static let partyNouns = WordTable<Bool>(
        set: ["countries", "sides", "nations", "parties", "economies", "governments", "partners"].map(TariffTokenizer.hash))

    /// Where the words of one rate end and the next rate's begin: at a comma or `and` between them, else halfway.
    private func boundary(_ first: Range<Int>, _ second: Range<Int>) -> Int {
        let lo = first.upperBound, hi = max(first.upperBound, second.lowerBound)
        for k in lo..<hi where sentence.tokens[k].kind == .comma || sentence.has(k, .coordinator) { return k }
        return (lo + hi + 1) / 2
    }

    private func isAdditional(_ expression: RateExpression?, span: Range<Int>, zone: Range<Int>, clauses: ClauseModel) -> Bool {
        let s = sentence
        if expression?.points == true { return true }
        let lo = max(zone.lowerBound, span.lowerBound - 4)
        for k in lo..<min(s.count, span.upperBound) where s.has(k, .additional) && !s.isWord(k, TariffVocabulary.top) {
            return true
        }
        // `on top of`, `in addition to`: the rate before the phrase is added to the one after it, which is the
        // base (`35%, imposed in addition to a pre-existing 4% tariff`: the 4% is not additional)
        let pivots = WordHash.filterBit(TariffVocabulary.top) | WordHash.filterBit(TariffVocabulary.addition)
        // most tokens are neither pivot word: one shift of the token's hash turns them away
        func mayPivot(_ k: Int) -> Bool { k >= 0 && k < s.count && WordHash.mayBeIn(pivots, s.tokens[k].hash) }
        func addsTo(_ k: Int) -> Bool {
            guard mayPivot(k) else { return false }
            return s.isWord(k, TariffVocabulary.top) && s.isWord(k - 1, TariffVocabulary.on) && s.isWord(k + 1, TariffVocabulary.of)
                || s.isWord(k, TariffVocabulary.addition) && s.isWord(k - 1, TariffVocabulary.in) && s.isWord(k + 1, TariffVocabulary.to)
        }
        // the filter in the loop itself: `addsTo`, read in two places, stayed a call per token of the zone
        for k in zone where mayPivot(k) && addsTo(k) {
            if k < span.lowerBound, span.lowerBound - k <= 6 { return false }
            return true
        }
        // `a 35% duty on tires, which was imposed in addition to…`: a relative clause right after the rate's
        // noun phrase says the same of it
        var k = span.upperBound
        while k < min(s.count, span.upperBound + 6) {
            if let c = clauses.clause(at: k), c.kind == .relative, c.tokens.lowerBound >= span.upperBound {
                return c.tokens.contains(where: addsTo)
            }
            k += 1
        }
        return false
    }

    private func isAggregate(span: Range<Int>, zone: Range<Int>) -> Bool {
        let s = sentence
        let lo = max(zone.lowerBound, span.lowerBound - 3)
        for k in lo..<min(s.count, span.upperBound) where s.has(k, .aggregate) {
            if s.has(k, .effectiveTrigger) && !(s.isTariffNoun(k + 1) || s.tokens.indices.contains(k + 1) && s.tokens[k + 1].hash == TariffTokenizer.rateHash) { continue }
            return true
        }
        return false
    }

    /// The date a start word in this sentence introduces (`as of June 1`, `starting April 2`), for rates
    /// of the neighbouring sentences that give no date of their own.
    func statedStartDate() -> TemporalValue? {
        let s = sentence
        // by index: a `for` over the timexes copied each one (its value and dates) and destroyed the copy
        for i in timexes.indices where timexes[i].type == .date || timexes[i].type == .duration {
            let start = timexes[i].bytes.lowerBound
            guard let date = timexes[i].date, let t = s.tokens.firstIndex(where: { $0.end > start }) else { continue }
            if timexes[i].type == .duration && !EffectPhrase.datesSpan(timexes[i], s, at: t) { continue }
            if EffectPhrase.precedes(s, t) { return date }
            if s.has(t, .untilTrigger) || s.has(t - 1, .untilTrigger) { continue }
            if let trigger = Self.effectiveTrigger(s, at: t),
                !Self.weakTriggers.contains(s.tokens[trigger].hash) || s.isWord(trigger + 1, TariffVocabulary.of)
            {
                return date
            }
        }
        return nil
    }

    private static let weakTriggers = WordTable<Bool>(set: [TariffTokenizer.hash("on"), TariffTokenizer.hash("as")])

    /// The first of the tokens `t`, `t - 1`, `t - 2` that is an effective trigger (`starting`, `from`), for a date at `t`
    /// that may or may not include it. Asked in turn: an array of the three was an allocation and its release per date.
    private static func effectiveTrigger(_ s: TariffSentence, at t: Int) -> Int? {
        if s.has(t, .effectiveTrigger) { return t }
        if s.has(t - 1, .effectiveTrigger) { return t - 1 }
        return s.has(t - 2, .effectiveTrigger) ? t - 2 : nil
    }

    /// The first upcoming date of the clause, preferring one introduced by `starting`, `from`, `effective`, then one in
    /// the rate's own zone (`100% on EVs starting Oct. 1, and 25% on steel as of Oct. 15`).
    private func effectiveDate(anchor: Int, segment: Range<Int>, zone: Range<Int>) -> TemporalValue? {
        let s = sentence
        // `a 25 per cent levy on U.S. electric vehicles effective immediately`, `with immediate effect`: from today
        for k in zone where s.isWord(k, TariffVocabulary.immediately) && s.isWord(k - 1, TariffVocabulary.effective)
            || s.isWord(k, TariffVocabulary.immediate) && s.isWord(k + 1, TariffVocabulary.effect)
        {
            return .day(referenceDate)
        }
        var best: (value: TemporalValue, score: Int)?
        for i in timexes.indices where timexes[i].type == .date || timexes[i].type == .duration {  // by index, as above
            guard let date = timexes[i].date else { continue }
            let upcoming = date.isUpcoming(relativeTo: referenceDate)
            // `earlier this year` is not a start date: a period containing today must be a day to count
            if upcoming, date.granularity != .day, date.firstDay <= referenceDate { continue }
            guard let t = s.tokens.firstIndex(endingAfter: timexes[i].bytes.lowerBound) else { continue }
            // `take effect 15 days after March 8`, `within 30 days`: a span the tagger dated
            if timexes[i].type == .duration && !EffectPhrase.datesSpan(timexes[i], s, at: t) { continue }
            // `took effect on March 23`, `in force since April 3`, `on or after Sept. 16`: a start, even past
            let stated = EffectPhrase.precedes(s, t) || EffectPhrase.opensPeriod(s, before: t)
            // a past date is when the measure took effect only when a start word introduces it
            // (`starting April 2`, `effective from July 1`), not `on Monday` (when it was said)
            if !upcoming && !(stated && date.granularity != .year) {
                guard date.granularity == .day, let trigger = Self.effectiveTrigger(s, at: t),
                    !Self.weakTriggers.contains(s.tokens[trigger].hash)
                else { continue }
            }
            // `Mexico's government on Wednesday proposed raising tariffs`: the article's own day, right before a past
            // verb, is when something was done or said
            if !stated, date == .day(referenceDate), let last = s.tokens.firstIndex(endingAfter: timexes[i].bytes.upperBound - 1),
                s.looksPast(last + 1)
            {
                continue
            }
            // the tagger may or may not include the trigger word (`starting November 1`) in the timex
            if !stated, s.has(t, .untilTrigger) || s.has(t - 1, .untilTrigger) || s.has(t - 2, .untilTrigger) && !s.has(t - 1, .effectiveTrigger) {
                continue
            }
            var score = 0
            // `on Tuesday` is usually the day something was said; `from`, `starting`, `take effect` mark a start
            let trigger = Self.effectiveTrigger(s, at: t)
            if stated {
                score += 2
            } else if let trigger {
                // `as of Oct. 15` names a start as surely as `from`; `as` alone, or `on`, may not
                let asOf = s.isWord(trigger + 1, TariffVocabulary.of)
                score += Self.weakTriggers.contains(s.tokens[trigger].hash) && !asOf ? 1 : 2
            }
            if segment.contains(t) { score += 1 }
            guard score > 0 else { continue }
            if zone.contains(t) { score += 1 }
            score = score * 1000 - abs(t - anchor)
            if best == nil || score > best!.score { best = (date, score) }
        }
        return best?.value
    }

    private func textBytes(_ span: Range<Int>) -> Range<Int> {
        let s = sentence
        var lo = span.lowerBound
        while lo > 0, s.has(lo - 1, .additional) || s.has(lo - 1, .tariffModifier) && !s.has(lo - 1, .function) && !s.has(lo - 1, .determiner) { lo -= 1 }
        let hi = max(span.upperBound, lo + 1)
        return s.tokens[lo].start..<s.tokens[hi - 1].end
    }
}
