/// One token as the clause model reads it; the tariff and the temporal tokenizers both map to it.
struct ClauseUnit: Sendable {
    enum Kind: UInt8, Sendable {
        case word, number, comma
        /// `;`, a clause-ending `:`, a spaced dash: the sentence goes on with a new clause.
        case stop
        case quote, other
    }

    var start: Int
    var end: Int
    var kind: Kind
    var hash: UInt64
    var capitalized: Bool
}

/// One clause of a sentence: where it is, what opened it, and what its verb group says.
struct Clause: Sendable, Equatable {
    enum Kind: UInt8, Sendable {
        /// The sentence's own statement, or the frame of a report (`…, officials said`).
        case main
        /// `after Mexico retaliated`, `while talks go on`: an adverbial clause.
        case subordinate
        /// `if talks fail`, `unless Beijing backs down`: a condition.
        case condition
        /// `, which cut tariffs to zero`: says something of the noun before it.
        case relative
        /// What someone says: after `said (that)`, or before `…, X said`.
        case reported
        /// After `;`, `but`, or `and` with a verb of its own.
        case coordinate
    }

    var kind: Kind
    /// The clause's extent, clauses nested in it included (`ClauseModel.clauseIndex(at:)` gives the innermost).
    var tokens: Range<Int>
    /// The word that opened it (`if`, `which`, `but`, the verb of saying before a reported clause).
    var opener: Int?
    /// The clause it depends on: the main clause of a subordinate, the frame of a report.
    var parent: Int?
    /// Auxiliaries, adverbs and negation up to and including the head verb.
    var verbGroup: Range<Int>?
    /// The verb that carries the clause's meaning (`threatened` in `has threatened to impose`).
    var head: Int?
    /// The verb an infinitive after the head names (`impose` in `threatened to impose`).
    var governed: Int?
    var tense: ClauseTense = .unmarked
    var modality: Modality = .none
    var negated = false
    var passive = false
    var subject: Range<Int>?
    var object: Range<Int>?
}

/// The clauses of one sentence, built once from its tokens and read by the tense, deadline-kind and
/// tariff readers instead of each scanning for verbs and boundaries its own way.
///
/// A linear pass opens and closes clauses at `;`, dashes, subordinators, relative pronouns after a
/// comma or noun, verbs of saying with a complement, a trailing `…, X said`, and `and`/`but` before a
/// new finite verb; a second pass reads each clause's verb group.
struct ClauseModel: Sendable {
    let clauses: [Clause]
    /// What the builder read of each token, its innermost clause (`owner`) among it; one entry more at the end.
    /// Kept whole rather than copied out into an array of owners: that array cost an allocation and a
    /// release per model.
    private let facts: [TokenFacts]
    /// Tokens in the sentence (`facts` has one entry more, or none in `none`).
    private let count: Int

    /// No clauses read: every token is outside any clause.
    static let none = ClauseModel(clauses: [], facts: [], count: 0)

    private init(clauses: [Clause], facts: [TokenFacts], count: Int) {
        self.clauses = clauses
        self.facts = facts
        self.count = count
    }

    /// The innermost clause holding token `i`.
    func clauseIndex(at i: Int) -> Int? {
        i >= 0 && i < count ? Int(facts[i].owner) : nil
    }

    func clause(at i: Int) -> Clause? {
        clauseIndex(at: i).map { clauses[$0] }
    }

    /// The clause and the clauses it depends on, innermost first (`threatened` governs `if … fail`).
    func chain(at i: Int) -> [Clause] {
        var result: [Clause] = []
        var c = clauseIndex(at: i)
        while let index = c, result.count < clauses.count {
            result.append(clauses[index])
            c = clauses[index].parent
        }
        return result
    }

    private init(bytes: [UInt8], facts: consuming [TokenFacts]) {
        // moved, not copied: while a second reference is alive, the first write (the end marker) copied them all
        var facts = consume facts
        let n = facts.count
        facts.append(Builder.endMarker(n))
        // the builder reads and writes the facts through a buffer pointer (see `Builder.facts`)
        clauses = facts.withUnsafeMutableBufferPointer { buffer in
            var builder = Builder(bytes: bytes, count: n, facts: buffer)
            builder.split()
            for c in builder.clauses.indices { builder.readVerbGroup(c) }
            return builder.clauses
        }
        count = n
        self.facts = facts
    }

    init(bytes: [UInt8], tokens: some Collection<TariffToken>) {
        // one entry more for the builder's end marker
        var facts: [TokenFacts] = []
        facts.reserveCapacity(tokens.count + 1)
        for t in tokens {
            let kind: ClauseUnit.Kind
            switch t.kind {
            case .word: kind = .word
            case .number, .percent: kind = .number
            case .comma: kind = .comma
            case .semicolon, .colon, .dash: kind = .stop
            case .quote: kind = .quote
            default: kind = .other
            }
            facts.append(TokenFacts(unit: ClauseUnit(start: t.start, end: t.end, kind: kind, hash: t.hash, capitalized: t.capitalized)))
        }
        self.init(bytes: bytes, facts: consume facts)
    }

    init(bytes: [UInt8], tokens: TimexTokens) {
        var facts: [TokenFacts] = []
        facts.reserveCapacity(tokens.count + 1)
        for (i, t) in tokens.enumerated() {
            var kind = ClauseUnit.Kind.other
            switch t.kind {
            case .word: kind = .word
            case .number: kind = .number
            case .mark:
                if tokens.isClauseBreak(i) || t.mark == 0x2D && t.spaceBefore && (i + 1 == tokens.count || tokens[i + 1].spaceBefore) {
                    kind = .stop
                } else if t.mark == 0x2C {
                    kind = .comma
                } else if t.mark == 0x22 {
                    kind = .quote
                }
            }
            facts.append(TokenFacts(unit: ClauseUnit(start: t.start, end: t.end, kind: kind, hash: t.hash, capitalized: t.capitalized)))
        }
        self.init(bytes: bytes, facts: consume facts)
    }
}

extension ClauseModel {
    /// `imposed`, `retaliated`: a word of five letters or more ending in `-ed` (not `-eed`: `agreed` is listed).
    @inline(__always) static func isRegularPast(_ u: ClauseUnit, _ bytes: [UInt8]) -> Bool {
        guard u.kind == .word, u.end - u.start >= 5 else { return false }
        return bytes[u.end - 1] | 0x20 == 0x64 && bytes[u.end - 2] | 0x20 == 0x65
    }

    /// One token as the builder reads it: the token, and what the builder learns of it. The token is kept
    /// here, not in an array of its own, so that the model allocates no array it does not keep but this one.
    private struct TokenFacts {
        var unit: ClauseUnit
        /// Its entry in the clause lexicon.
        var word: ClauseWord = []
        /// A finite verb (or an auxiliary) in its place.
        var finite = false
        /// The first token from here on that is a finite verb, a comma or a stop (`count` when none):
        /// look-aheads cost one read instead of a scan, so long sentences stay linear.
        var nextVerbOrBreak: Int32 = 0
        /// The first stop from here on (`count` when none).
        var nextStop: Int32 = 0
        /// The innermost clause holding the token, given by `split`.
        var owner: Int32 = 0
    }

    private struct Builder {
        let bytes: [UInt8]
        /// Tokens in the sentence (`facts` has one entry more).
        let count: Int
        /// During `split`, a clause's `head` is the first finite verb it owns, as tokens are given to it;
        /// `readVerbGroup` starts from it and puts the real head there. No array of its own: the model is
        /// built for most tariff sentences, and each array is an allocation and a release.
        var clauses: [Clause] = []
        /// The innermost open clause (-1 when none). The clauses open around it are its parents: each clause
        /// opens inside the one open before it, or with no parent once all are closed, so the parent links
        /// are the stack of open clauses.
        var top = -1
        /// What each token is for the clause rules, read once; one more entry at the end (no word, not finite,
        /// both look-aheads `count`). One array, not four: the model is built for every tariff sentence with a
        /// clause word, and four arrays cost four allocations and four releases each time.
        /// Their owners are written by `split`, and the model keeps the array. The builder reads and writes it in
        /// place, through a pointer valid while the model is built: an array write checked uniqueness and bounds
        /// (a call per token for the owners alone); indices stay within 0...count.
        let facts: UnsafeMutableBufferPointer<TokenFacts>

        /// `facts` holds `count` tokens and `endMarker(count)` after them.
        init(bytes: [UInt8], count n: Int, facts: UnsafeMutableBufferPointer<TokenFacts>) {
            self.bytes = bytes
            count = n
            self.facts = facts
            Self.readFacts(into: facts, count: n, bytes: bytes)
            // a sentence has a handful of clauses: one allocation each instead of growing from one. Six, not eight: six
            // clauses (160 bytes each) are the largest block `malloc` hands out from its per-thread cache, and a larger
            // one took its slow path (some 300 instructions more) for every model
            clauses.reserveCapacity(6)
        }

        /// The entry after the last token: no token, no word, not finite, both look-aheads `count`.
        static func endMarker(_ count: Int) -> TokenFacts {
            TokenFacts(
                unit: ClauseUnit(start: 0, end: 0, kind: .other, hash: 0, capitalized: false), nextVerbOrBreak: Int32(count),
                nextStop: Int32(count))
        }

        /// Each token's lexicon entry and finiteness, then both look-aheads from the right; `facts` has
        /// one entry more than the `n` tokens.
        private static func readFacts(into facts: UnsafeMutableBufferPointer<TokenFacts>, count n: Int, bytes: [UInt8]) {
            let lexicon = ClauseLexicon.table  // once, not a lazy-initialisation check per word
            let auxiliary: ClauseWord = [.future, .possibleModal, .obligationModal, .pastAux, .presentAux, .perfectAux]
            let verb: ClauseWord = [.pastVerb, .presentVerb, .reports]
            // each word's entry, then whether it is a finite verb (or an auxiliary) in its place, in one pass: the
            // test reads the entry of the word before, already written (names and months are capitalised; after a
            // determiner or preposition `plans`, `cuts`, `set` are nouns)
            for i in 0..<n where facts[i].unit.kind == .word {
                let w = lexicon[facts[i].unit.hash, default: []]
                facts[i].word = w
                if facts[i].unit.capitalized, i > 0, facts[i - 1].unit.kind != .quote { continue }
                let afterOpener = i > 0 && facts[i - 1].word.contains(.nounOpener)
                if !w.isDisjoint(with: auxiliary) {
                    facts[i].finite = !afterOpener || w.contains(.possibleModal) && facts[i - 1].unit.hash != ClauseLexicon.toWord
                } else if !afterOpener {
                    facts[i].finite = !w.isDisjoint(with: verb) || ClauseModel.isRegularPast(facts[i].unit, bytes)
                }
            }
            // the running look-aheads kept in registers, not read back from the entry after
            var nextVerbOrBreak = Int32(n), nextStop = Int32(n)
            var i = n - 1
            while i >= 0 {
                let k = facts[i].unit.kind
                if k == .stop { nextStop = Int32(i) }
                if facts[i].finite || k == .comma || k == .stop { nextVerbOrBreak = Int32(i) }
                facts[i].nextVerbOrBreak = nextVerbOrBreak
                facts[i].nextStop = nextStop
                i -= 1
            }
        }

        /// Gives token `k` to clause `c`.
        private mutating func assign(_ k: Int, _ c: Int) {
            facts[k].owner = Int32(c)
            if facts[k].finite, clauses[c].head == nil, clauses[c].opener != k { clauses[c].head = k }
        }

        /// `0 <= i < count` in one unsigned comparison (a negative `i` wraps above any count), not two branches.
        @inline(__always) private func holds(_ i: Int) -> Bool { UInt(bitPattern: i) < UInt(bitPattern: count) }

        private func word(_ i: Int) -> ClauseWord {
            holds(i) ? facts[i].word : []
        }

        private func isWord(_ i: Int, _ hash: UInt64) -> Bool {
            holds(i) && facts[i].unit.kind == .word && facts[i].unit.hash == hash
        }

        /// A finite verb in `from..<from+limit`, before any comma or stop.
        private func finiteAhead(_ from: Int, _ limit: Int) -> Int? {
            guard from < count else { return nil }
            let k = Int(facts[from].nextVerbOrBreak)
            return k < count && k < from + limit && facts[k].finite ? k : nil
        }

        /// Does the open clause already hold a finite verb of its own (before token `k`)?
        private func hasVerb(_ c: Int, before k: Int) -> Bool {
            clauses[c].head.map { $0 < k } ?? false
        }

        private mutating func open(_ kind: Clause.Kind, at start: Int, opener: Int?, parent: Int?) {
            clauses.append(Clause(kind: kind, tokens: start..<start, opener: opener, parent: parent))
            top = clauses.count - 1
        }

        private mutating func closeTop(at end: Int) {
            guard top >= 0 else { return }
            let c = top
            clauses[c].tokens = clauses[c].tokens.lowerBound..<max(end, clauses[c].tokens.lowerBound)
            top = clauses[c].parent ?? -1
        }

        /// More than one clause is open: the innermost has a parent.
        private var nested: Bool { clauses[top].parent != nil }

        mutating func split() {
            let n = count
            open(.main, at: 0, opener: nil, parent: nil)
            var k = 0
            while k < n {
                let u = facts[k].unit
                switch u.kind {
                case .stop:
                    assign(k, top)
                    while top >= 0 { closeTop(at: k + 1) }
                    open(.coordinate, at: k + 1, opener: nil, parent: nil)
                    k += 1
                    continue
                case .comma:
                    // a relative or adverbial clause ends at its comma
                    if nested, clauses[top].kind == .relative || clauses[top].kind == .subordinate || clauses[top].kind == .condition {
                        assign(k, top)
                        closeTop(at: k + 1)
                        k += 1
                        continue
                    }
                    assign(k, top)
                    // `…, Chinese officials said.`: what came before is what they said
                    if !nested, isTrailingReport(after: k), hasVerb(top, before: k) {
                        let reported = top
                        closeTop(at: k + 1)
                        clauses[reported].kind = .reported
                        open(.main, at: k + 1, opener: nil, parent: nil)
                        clauses[reported].parent = top
                    }
                    k += 1
                    continue
                case .word:
                    let w = word(k)
                    if w.contains(.relative), k > 0, facts[k - 1].unit.kind == .comma || facts[k - 1].unit.kind == .word && !word(k - 1).contains(.nounOpener) && !word(k - 1).contains(.subordinator),
                        finiteAhead(k + 1, 8) != nil
                    {
                        let parent = top
                        open(.relative, at: k, opener: k, parent: parent)
                        assign(k, top)
                        k += 1
                        continue
                    }
                    if w.contains(.subordinator), !isWord(k + 1, ClauseLexicon.toWord),
                        finiteAhead(k + 1, 10) != nil || w.contains(.condition) && k == clauses[top].tokens.lowerBound
                    {
                        if nested, clauses[top].kind != .reported { closeTop(at: k) }
                        let parent = top
                        open(w.contains(.condition) ? .condition : .subordinate, at: k, opener: k, parent: parent)
                        assign(k, top)
                        k += 1
                        continue
                    }
                    if w.contains(.coordinator), hasVerb(top, before: k),
                        w.contains(.contrast) || startsNewVerb(after: k)
                    {
                        let parent = clauses[top].parent
                        let kind: Clause.Kind = clauses[top].kind == .reported ? .reported : .coordinate
                        closeTop(at: k)
                        open(kind, at: k, opener: k, parent: parent)
                        assign(k, top)
                        k += 1
                        continue
                    }
                    if w.contains(.reports), let use = ClauseLexicon.reporting[u.hash], use.contains(.complement), !u.capitalized || k == 0,
                        !hasVerb(top, before: k) || clauses[top].kind == .reported
                    {
                        var start = k + 1
                        if word(start).contains(.complementizer) { start += 1 }
                        // `said on Monday that`, `told reporters that`: a few words may come before `that`
                        else {
                            // no closures here: each would copy the builder's arrays
                            var j = k + 1
                            while j < min(n, k + 7), facts[j].unit.kind != .comma, facts[j].unit.kind != .stop, !facts[j].word.contains(.complementizer) { j += 1 }
                            if j > k + 1, j < min(n, k + 7), facts[j].word.contains(.complementizer) { start = j + 1 }
                        }
                        if start < n, finiteAhead(start, 14) != nil {
                            assign(k, top)
                            for j in k + 1..<start { assign(j, top) }
                            let parent = top
                            open(.reported, at: start, opener: k, parent: parent)
                            k = start
                            continue
                        }
                    }
                default:
                    break
                }
                assign(k, top)
                k += 1
            }
            while top >= 0 { closeTop(at: n) }
            // drop clauses that ended up empty (a stop at the very end)
            if let last = clauses.last, last.tokens.isEmpty, clauses.count > 1, !facts[..<count].contains(where: { $0.owner == Int32(clauses.count - 1) }) {
                clauses.removeLast()
            }
        }

        /// `and it will`, `and Beijing retaliated`, `and raised`: a finite verb after at most a short subject.
        private func startsNewVerb(after k: Int) -> Bool {
            guard let v = finiteAhead(k + 1, 5) else { return false }
            // `tariffs on steel and aluminum imposed in March`: a participle after a noun list is no new clause
            if v == k + 1 { return !ClauseModel.isRegularPast(facts[v].unit, bytes) || !word(k - 1).isEmpty || facts[k - 1].unit.kind != .word }
            var j = k + 1
            while j < v, facts[j].unit.kind == .word { j += 1 }
            return j == v
        }

        /// `, officials said`, `, the ministry said in a statement`: a short subject then a verb of saying,
        /// and nothing after it but its own circumstances.
        private func isTrailingReport(after comma: Int) -> Bool {
            var k = comma + 1
            while k < count, k <= comma + 7 {
                if facts[k].unit.kind == .comma || facts[k].unit.kind == .stop { return false }
                if facts[k].word.contains(.reports), let use = ClauseLexicon.reporting[facts[k].unit.hash], use.contains(.complement) || use.contains(.speaker) {
                    return finiteAhead(k + 1, count) == nil && Int(facts[k + 1].nextStop) == count
                }
                if facts[k].finite { return false }
                k += 1
            }
            return false
        }

        /// Subject and object spans are read at most this far: they are cues, and a sentence of names
        /// without a verb must not cost a scan per clause.
        static let spanLimit = 40

        /// Finds the clause's verb group and reads tense, modality, polarity, voice, subject and object.
        mutating func readVerbGroup(_ c: Int) {
            let extent = clauses[c].tokens
            let contentStart = clauses[c].opener.map { max($0 + 1, extent.lowerBound) } ?? extent.lowerBound
            guard var f = clauses[c].head else { return }
            // `tires produced in China should be subject to`: a participle after a noun, then the auxiliary
            // that is the clause's real verb group
            if ClauseModel.isRegularPast(facts[f].unit, bytes), facts[f].word.isEmpty {
                var a = f + 1
                while a < extent.upperBound, a <= f + 8, facts[a].unit.kind == .word || facts[a].unit.kind == .number {
                    let w = word(a)
                    if facts[a].owner == Int32(c), !w.isDisjoint(with: [.future, .possibleModal, .obligationModal, .pastAux, .presentAux, .perfectAux]),
                        facts[a].finite
                    {
                        f = a
                        break
                    }
                    a += 1
                }
            }
            var k = f
            var head = f
            var tense: ClauseTense = .unmarked
            var modality: Modality = .none
            var negated = false
            var sawBe = false
            var sawHave = false
            // auxiliaries, adverbs and negation up to the head
            while k < extent.upperBound, facts[k].unit.kind == .word {
                let w = word(k)
                if w.contains(.negation) { negated = true; k += 1; continue }
                if w.contains(.verbAdverb) && k > f { k += 1; continue }
                if w.contains(.future) {
                    if tense == .unmarked { tense = .future }
                } else if w.contains(.possibleModal) || w.contains(.obligationModal) {
                    if tense == .unmarked { tense = .future }
                    if modality == .none { modality = w.contains(.possibleModal) ? .possible : .obligation }
                    if isWord(k + 1, ClauseLexicon.haveWord) { tense = .past }
                } else if w.contains(.perfectAux) {
                    if tense == .unmarked { tense = .present }
                    sawHave = true
                } else if w.contains(.beForm) || w.contains(.pastAux) || w.contains(.presentAux) {
                    if tense == .unmarked { tense = w.contains(.pastAux) ? .past : .present }
                    if w.contains(.beForm) { sawBe = true }
                    if w.contains(.pastAux) && !w.contains(.beForm) { sawHave = isWord(k, ClauseLexicon.hadWord) }
                } else {
                    head = k
                    break
                }
                head = k
                k += 1
            }
            let h = head
            let hw = word(h)
            let participle = hw.contains(.participle) || ClauseModel.isRegularPast(facts[h].unit, bytes)
            if sawHave && participle {
                if tense == .present { tense = .perfect }
            } else if tense == .unmarked {
                tense = hw.contains(.pastVerb) || ClauseModel.isRegularPast(facts[h].unit, bytes) ? .past : .present
            }
            let passive = sawBe && participle
            // `is going to`, `plans to`, `threatened to`, `is expected to`, `warned that`
            if let m = ClauseLexicon.modalVerbs[facts[h].unit.hash] {
                let toFollows = isWord(h + 1, ClauseLexicon.toWord)
                if m == .plan && (toFollows || isWord(h + 1, ClauseLexicon.forWord)) || m != .plan && (toFollows || m == .proposal || !passive) {
                    modality = m
                    if m == .plan, isWord(h, ClauseLexicon.goingWord) || facts[h].unit.hash == ClauseLexicon.setWord || passive { tense = .future }
                }
            }
            var governed: Int?
            if isWord(h + 1, ClauseLexicon.toWord) {
                var g = h + 2
                while g < extent.upperBound, word(g).contains(.verbAdverb) || word(g).contains(.beForm) { g += 1 }
                if g < extent.upperBound, facts[g].unit.kind == .word, !word(g).contains(.nounOpener) { governed = g }
            }
            if !negated, h + 1 < extent.upperBound, word(h + 1).contains(.negation) { negated = true }
            var subject: Range<Int>?
            var s = contentStart
            if s < f, clauses[c].kind != .relative {
                while s < f, facts[s].unit.kind != .word && facts[s].unit.kind != .number { s += 1 }
                // `The pact, which cut duties, expires`: the subject stops where a nested clause starts
                var e = s
                while e < f, e < s + Self.spanLimit, facts[e].owner == Int32(c), facts[e].unit.kind != .comma { e += 1 }
                if s < e { subject = s..<e }
            }
            var object: Range<Int>?
            let o = (governed ?? h) + 1
            var e = o
            while e < extent.upperBound, e < o + Self.spanLimit, facts[e].owner == Int32(c), facts[e].unit.kind != .comma, facts[e].unit.kind != .stop { e += 1 }
            if o < e { object = o..<e }
            clauses[c].verbGroup = f..<(h + 1)
            clauses[c].head = h
            clauses[c].governed = governed
            clauses[c].tense = tense
            clauses[c].modality = modality
            clauses[c].negated = negated
            clauses[c].passive = passive
            clauses[c].subject = subject
            clauses[c].object = object
        }
    }
}
