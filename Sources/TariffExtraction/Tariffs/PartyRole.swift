/// What a named party does in its sentence.
enum PartyRole: Sendable, Equatable {
    /// Sets the tariff: `Washington imposed`, `US tariffs`, `on the US side`, `imposed by Beijing`.
    case imposer
    /// Pays the tariff: `on Chinese goods`, `imports from Mexico`, `hit Beijing with`, `China's exports`.
    case target
    /// Present but neither: `talks in Kuala Lumpur`, `talks with China`.
    case neutral
}

/// Reads a mention's role from the words around it; English word order does most of the work.
///
/// A name's role can depend on the name before it and on the last name of its list, so roles are
/// remembered: without that, a comma list of n names cost n³ steps (a 32 KiB list took 38 s). A struct
/// with mutating reads, for those caches (a class cost an allocation per sentence); one reader serves
/// one sentence, and `roles()` reads its names in order.
struct PartyRoleReader {
    /// The sentence's words; its names are `mentions`, read before the sentence that holds both is built.
    let sentence: TariffSentence
    private(set) var mentions: [CountryGazetteer.Mention]
    /// How many names, from the first, have their role read (in `mentions`): the name before the one being
    /// read is always among them.
    private var known = 0
    /// Filled with nil when a list first asks (`listEndRole`). Not a `lazy var`: a write through one gets the array,
    /// writes the copy and sets it back, and the copy, made while the stored array was still referenced, was a new array.
    private var listEndRoles: [PartyRole?] = []
    /// The names `chain.lowerBound...chain.upperBound` form one list (`A, B and the C`) ending at the
    /// upper bound: the last list found, as names ask in order and each list is walked once.
    private var chain = -1...(-1)
    /// The last token that is a complaint word: reporting verbs ask whether one comes later, once per name.
    private lazy var lastComplaint: Int = (0..<sentence.count).last { sentence.has($0, .complaint) } ?? -1

    init(sentence: TariffSentence, mentions: [CountryGazetteer.Mention]) {
        self.sentence = sentence
        self.mentions = mentions
    }

    /// The sentence's names, each with its role read, in order. Pass the mentions in moved (`consume`): the
    /// roles are written into them in place, and a second reference would make that a copy.
    mutating func withRoles() -> [CountryGazetteer.Mention] {
        // read once and lent to every name's reading: a local copy made in each (the reads are `mutating`, so the
        // sentence could not be borrowed from `self`) cost a retain and a release per name and per name asked again
        let s = sentence
        for m in mentions.indices {
            let role = role(of: m, asListEnd: false, in: s)
            mentions[m].role = role
            known = m + 1
        }
        return mentions
    }

    /// - Parameter s: `sentence`, lent by the caller.
    private mutating func role(of m: Int, in s: TariffSentence) -> PartyRole {
        m < known ? mentions[m].role : role(of: m, asListEnd: false, in: s)
    }

    private mutating func listEndRole(_ m: Int, in s: TariffSentence) -> PartyRole {
        if listEndRoles.isEmpty { listEndRoles = Array(filled: nil, count: mentions.count) }
        if let known = listEndRoles[m] { return known }
        let role = role(of: m, asListEnd: true, in: s)
        listEndRoles[m] = role
        return role
    }

    /// `asListEnd`: asked for by the first name of a list about its last (`Malaysia, Thailand and the
    /// Philippines pay 19%`), so the last must not ask back through the names before it.
    /// - Parameter s: `sentence`, lent by the caller.
    private mutating func role(of m: Int, asListEnd: Bool, in s: TariffSentence) -> PartyRole {
        // the name's bounds, not a copy of the mention: its code is read on one rare path, and the copy retained it
        let a = mentions[m].tokens.lowerBound
        var b = mentions[m].tokens.upperBound
        // `tariffs over New Delhi's purchases of Russian oil`, `citing Beijing's role`: a reason for the measure, not a
        // side of it (but `the dispute over Canada's dairy tariffs` names Canada's own)
        let before = s.has(a - 1, .determiner) ? a - 2 : a - 1
        if before >= 0, s.isWord(before), Self.isReasonMarker(s.tokens[before].hash),
            !(b + 1 < s.count && s.tokens[b].kind == .possessive
                && (!s.isWord(b + 1) || s.isTariffNoun(b + 1) || s.has(b + 1, .tariffModifier)))
        {
            return .neutral
        }
        // Words after the name.
        if b < s.count, s.tokens[b].kind == .possessive {
            let after = b + 1
            if after >= s.count || !s.isWord(after) || s.has(after, .coordinator) || s.has(after, .clauseBreak) {
                return .imposer  // `30% on China's` (its side), `Brazil's 18% duty`
            }
            // `China's imports of US soybeans`: the buyer, whose border charges the duty
            if s.isWord(after, TariffVocabulary.imports) || s.isWord(after, TariffVocabulary.purchases) { return .imposer }
            if isGoodsHead(after) { return .target }
            // `Britain's steelmakers will continue to face a 25% tariff`: firms that pay it
            if s.has(after, .actorNoun), undergoes(from: after + 1) { return .target }
            if s.has(after, .side) || s.isTariffNoun(after) || s.has(after, .actorNoun) { return .imposer }
            // `Indonesia's trade minister`, `China's commerce ministry`: an official with one modifier
            if s.isWord(after), s.has(after + 1, .actorNoun), !s.has(after + 2, .sufferVerb) { return .imposer }
            // `Ottawa's decision to impose`, `Beijing's countermeasures`: what the party itself does
            if s.isWord(after), Self.actionNouns.contains(s.tokens[after].hash) { return .imposer }
            // `the European Union's first countermeasures`, `Canada's latest retaliation`
            if s.isWord(after), Self.actionModifiers.contains(s.tokens[after].hash), s.isWord(after + 1),
                Self.actionNouns.contains(s.tokens[after + 1].hash)
            {
                return .imposer
            }
            if s.has(after, .tariffModifier) && (s.isTariffNoun(after + 1) || s.isTariffNoun(after + 2)) { return .imposer }
            // `China's trade-weighted average tariff rate`: a compound and level words before its own tariff
            var k = after
            while k < min(s.count, after + 5), s.isWord(k), s.tokens[k].hyphenBefore || s.has(k, .aggregate) || s.has(k, .tariffModifier)
                || k + 1 < s.count && s.tokens[k + 1].hyphenBefore
            {
                k += 1
            }
            if k > after, s.isTariffNoun(k) { return .imposer }
            b = after
        }
        // `US-built vehicles`, `Chinese-made steel`: where the goods come from
        if b < s.count, s.tokens[b].hyphenBefore, s.isWord(b), Self.originParticiples.contains(s.tokens[b].hash) { return .target }
        if b < s.count {
            if s.tokens[b].kind == .number { return .imposer }  // `Canadian 25% tariffs`
            if s.tokens[b].kind == .word {
                if isGoodsHead(b) { return .target }
                if s.has(b, .side) { return .imposer }
                if s.isTariffNoun(b) { return .imposer }
                if s.has(b, .tariffModifier) && (s.isTariffNoun(b + 1) || s.isTariffNoun(b + 2)) { return .imposer }
            }
        }
        if let role = relativeClauseRole(after: b) { return role }
        // Words before the name.
        var p = a - 1
        if s.has(p, .determiner) { p -= 1 }
        while p > 0, s.looksPast(p), s.lexemes[p].classes.isEmpty, !s.tokens[p].capitalized { p -= 1 }  // `on imported Chinese steel`
        if p >= 0, s.tokens[p].kind == .word {
            // `the EU wants India to remove…`, `urged Beijing to cut…`: the one asked acts
            if s.has(p, .propose), s.isWord(b, TariffVocabulary.to) { return .imposer }
            if s.has(p, .targetMarker) { return .target }
            if s.has(p, .sourceMarker) {
                // `a 20% tariff from Washington` names who sets it; `goods from China` who pays
                if s.isTariffNoun(p - 1) || (p >= 1 && s.tokens[p - 1].kind == .percent) || s.has(p - 1, .percentWord) { return .imposer }
                return s.has(p - 1, .actorNoun) ? .neutral : .target
            }
            // `imports of Chinese steel`, `products of China`; not `purchases of Russian oil`, whose buyer is named
            if s.isWord(p, TariffVocabulary.of), s.has(p - 1, .genericGoods) || s.has(p - 1, .goodsNoun),
                !s.isWord(p - 1, TariffVocabulary.purchases), !s.has(p - 1, .verb)
            {
                return .target
            }
            // `the tariff rate for the EU`, `a 20% tariff for Vietnam`
            if s.isWord(p, TariffVocabulary.for_), s.isTariffNoun(p - 1) || s.isWord(p - 1, TariffVocabulary.rate)
                || (p >= 1 && s.tokens[p - 1].kind == .percent)
            {
                return .target
            }
            // `12.5% for Chinese exporters`, `the rate for all Vietnamese producers`: the firms pay it
            if s.isWord(p, TariffVocabulary.for_), b < s.count, s.isWord(b), Self.firmNouns.contains(s.tokens[b].hash) { return .target }
            if s.isWord(p, TariffVocabulary.to) {
                // `exports to China`, `lumber shipped to the United States`, `sales to the US`: the buyer's border
                // charges the duty
                if s.isWord(p - 1, TariffVocabulary.exports) || s.isWord(p - 1, TariffVocabulary.shipments)
                    || s.isWord(p - 1) && Self.sendVerbs.contains(s.tokens[p - 1].hash)
                {
                    return .imposer
                }
                if s.isWord(p - 1, TariffVocabulary.apply) || s.isWord(p - 1, TariffVocabulary.applies) || s.isWord(p - 1, TariffVocabulary.applied) {
                    return .target
                }
            }
            // `Under the pact signed by Tokyo and Canberra, beef was exempted from the 40% duty`: the agents of a
            // sentence's opening phrase set its scene, not the rate after its comma
            if s.has(p, .byMarker) { return isInOpeningPhrase(a) ? .neutral : .imposer }
            // `cars enter the U.S. at 10%`: the market entered charges the rate
            if s.has(p, .entryVerb) { return .imposer }
            if !asListEnd, s.has(p, .coordinator), m > 0, mentions[m - 1].tokens.upperBound == p {
                // `tariffs on Canada and Mexico`: a listed name shares the role of the one before it.
                let previous = role(of: m - 1, in: s)
                if previous != .neutral { return previous }
            }
            // `electric vehicles made in China`, `steel produced in Vietnam`: where the goods come from
            if s.isWord(p, TariffVocabulary.in), s.isWord(p - 1), Self.originParticiples.contains(s.tokens[p - 1].hash) { return .target }
            // `a 58% duty in the US market`: the market that charges it
            if s.isWord(p, TariffVocabulary.in), s.isWord(b, TariffVocabulary.market) { return .imposer }
            // `the Commerce Ministry of Saudi Arabia imposed`: the body's country acts as the body does (below)
            let bodyOf = s.isWord(p, TariffVocabulary.of) && s.has(p - 1, .actorNoun)
            if !bodyOf, s.has(p, .venueMarker) || s.has(p, .preposition) && !s.has(p, .untilTrigger) && !s.isWord(p, TariffVocabulary.since) {
                return .neutral
            }
        } else if !asListEnd, p >= 0, s.tokens[p].kind == .comma, m > 0, mentions[m - 1].tokens.upperBound == p {
            let previous = role(of: m - 1, in: s)
            if previous != .neutral { return previous }
        }
        // The first name of a list (`Malaysia, Thailand and the Philippines all pay 19%`) has the role
        // the words after the list give its last name.
        if !asListEnd, let last = listEnd(from: m), last != m { return listEndRole(last, in: s) }
        // A name followed by a verb acts, unless the verb is one of paying (`Brazil faces`).
        var k = b
        var skipped = 0
        var unknown = 0
        var actor = false
        var passive = false
        while k < s.count && skipped < 5 {
            if s.has(k, .beForm) { passive = true }
            if s.tokens[k].kind == .possessive || s.has(k, .auxiliary)
                || (s.holds(k) && s.tokens[k].capitalized && mentions.index(covering: k) != nil)  // only words are capitalized
            {
                k += 1; skipped += 1; continue
            }
            if s.has(k, .actorNoun) { actor = true; k += 1; skipped += 1; continue }
            // `Japan and Korea each accepted…`, `the five all pay…`: a quantifier floats before the verb
            if s.isWord(k), Self.isFloatingQuantifier(s.tokens[k].hash) { k += 1; skipped += 1; continue }
            // `Indian shrimp exporters, who pay…`
            if actor, s.tokens[k].kind == .comma, s.isWord(k + 1, TariffVocabulary.who) || s.isWord(k + 1, TariffVocabulary.which) {
                k += 2; skipped += 1; continue
            }
            // `Laos and Myanmar, neither of which reached a deal, pay 40%`: an aside on the names, then their verb
            if s.tokens[k].kind == .comma, let end = asideEnd(after: k) { k = end; skipped += 1; continue }
            // `Brazil faces`, `British cars enter the US at 10%`: the goods that pay at a border; `Korean steelmakers
            // will continue to face`, `Seoul will seek relief`: the ones that pay, after their auxiliaries
            if s.has(k, .sufferVerb) || s.has(k, .entryVerb) || undergoes(from: k) { return .target }
            // A speaker: `Canada said it would impose…` acts through its pronoun; `Bessent said 100%
            // tariffs on Chinese goods…` announces its own side's measure; but `Indian officials said the
            // 50% tariff was unfair` complain as the ones who pay, and `Chinese officials said tariffs on
            // Chinese goods…` name themselves as the target further on.
            if s.has(k, .reportingVerb) {
                // the same party named again after the verb (`Ishiba said he would … and that Tokyo would seek relief`):
                // that mention says what it does; from the last name back, mentions being in text order
                var later = mentions.count - 1
                while later > m, mentions[later].tokens.lowerBound > k {
                    if mentions[later].code == mentions[m].code { return .neutral }
                    later -= 1
                }
                var next = k + 1
                if s.isWord(next, TariffVocabulary.that) { next += 1 }
                if s.has(next, .subjectPronoun) {
                    k = next + 1
                    skipped += 1
                    unknown = 0
                    continue
                }
                if lastComplaint > k { return .target }  // a complaint word after the verb
                return .imposer
            }
            if s.has(k, .verb) || s.isThreat(k) || s.has(k, .impose) || s.has(k, .announce) || s.has(k, .propose)
                || s.has(k, .lift) || s.has(k, .pause) || s.has(k, .obtainVerb) || s.looksVerbOrAdverb(k)
            {
                if s.looksVerbOrAdverb(k) && k + 1 < s.count && s.has(k + 1, .sufferVerb) { return .target }  // `Japanese cars currently face`
                // `Chinese toy makers keep paying`, `Korean carmakers continue to face`: the verb before paying is no act
                if s.has(k, .verb) || s.has(k, .inEffect), s.has(k + 1, .sufferVerb) || s.isWord(k + 1, TariffVocabulary.to) && s.has(k + 2, .sufferVerb) {
                    return .target
                }
                // `Tokyo would continue to seek relief on steel`: the one asking for relief pays the tariff
                if undergoes(from: k) { return .target }
                // `Switzerland was hit with`, `Canada was targeted`: the name undergoes the measure
                if passive, s.looksPast(k), s.has(k, .impose) || s.has(k, .targetMarker) { return .target }
                // `Vietnam agreed to a 20% tariff`, `Japan secured a 15% rate`, `European brands were promised
                // a 15% rate`: accepting or obtaining a tariff is paying it
                if s.has(k, .obtainVerb) {
                    let object = s.isWord(k + 1, TariffVocabulary.to) ? k + 2 : k + 1
                    if s.has(object, .determiner) || (object < s.count && s.tokens[object].kind == .number) || s.isTariffNoun(object) {
                        return .target
                    }
                }
                return unknown == 0 || actor ? .imposer : .neutral
            }
            if s.isWord(k), s.lexemes[k].classes.isEmpty, !s.tokens[k].capitalized, unknown < 2 {
                unknown += 1; k += 1; skipped += 1; continue
            }
            break
        }
        if mentions[m].isPerson { return .imposer }
        return .neutral
    }

    /// Token `a` lies in a phrase that opens the sentence with a preposition (`Under the pact signed by …,`) and ends
    /// at a comma after it.
    private func isInOpeningPhrase(_ a: Int) -> Bool {
        let s = sentence
        guard s.has(0, .preposition), !s.has(0, .byMarker) else { return false }
        if (0..<a).contains(where: { s.tokens[$0].kind == .comma }) { return false }
        return (a..<s.count).contains { s.tokens[$0].kind == .comma }
    }

    /// The words from `k` tell of undergoing a tariff: `face`, `will continue to face`, `keep paying`, `sought an
    /// exemption`, `to seek relief`, past auxiliaries and adverbs (`would`, `still`).
    private func undergoes(from k: Int) -> Bool {
        let s = sentence
        let words = Self.undergoing  // once: read for each word of the walk
        var j = k
        while j < min(s.count, k + 6) {
            if s.has(j, .sufferVerb) { return true }
            let word = s.isWord(j) ? words[s.tokens[j].hash] : nil
            if word == .seek {
                var object = j + 1
                if s.has(object, .determiner) { object += 1 }
                if s.isWord(object), words[s.tokens[object].hash] == .reliefModifier { object += 1 }
                return s.isWord(object) && words[s.tokens[object].hash] == .relief
            }
            guard s.has(j, .auxiliary) || s.isWord(j, TariffVocabulary.to) || word == .continuing else { return false }
            j += 1
        }
        return false
    }

    /// The words `undergoes(from:)` reads, in one table: a verb of asking (`seek`, `requested`), a word that goes on
    /// (`continue`, `still`), what is asked for (`relief`, `exemption`) and its modifier (`temporary`).
    private enum UndergoingWord: UInt8, Sendable {
        case seek, continuing, relief, reliefModifier
    }

    private static let undergoing: WordTable<UndergoingWord> = {
        var pairs: [(UInt64, UndergoingWord)] = []
        func add(_ words: [String], _ kind: UndergoingWord) { pairs += words.map { (TariffTokenizer.hash($0), kind) } }
        add(["seek", "seeks", "seeking", "sought", "request", "requests", "requested", "requesting", "want", "wants", "wanted",
             "ask", "asks", "asked", "lobby", "lobbies", "lobbied", "lobbying", "win", "wins", "won", "obtain", "obtained",
             "secure", "secured", "get", "got", "receive", "received", "apply", "applied"], .seek)
        add(["continue", "continues", "continued", "keep", "keeps", "kept", "still", "also", "try", "tries", "tried", "hope",
             "hopes", "hoped", "expected", "likely"], .continuing)
        add(["relief", "exemption", "exemptions", "exclusion", "exclusions", "waiver", "waivers", "reprieve", "carve-out",
             "carveout", "exception", "exceptions"], .relief)
        add(["tariff", "duty", "full", "partial", "temporary", "permanent", "similar", "further"], .reliefModifier)
        return WordTable(pairs)
    }()


    private static let actionModifiers = WordTable<Bool>(set:
        ["first", "second", "third", "new", "latest", "own", "planned", "proposed", "retaliatory", "initial", "final", "further"]
            .map(TariffTokenizer.hash))
    /// `over`, `citing`, `cited`, compared with the vocabulary's constants: asked of every name, where a lazy table's
    /// read cost a `swift_once` call.
    @inline(__always) private static func isReasonMarker(_ h: UInt64) -> Bool {
        h == TariffVocabulary.over || h == TariffVocabulary.citing || h == TariffVocabulary.cited
    }

    /// The token after an aside `, neither of which …,` / `, both of whom …,` that opens at the comma `k`.
    private func asideEnd(after k: Int) -> Int? {
        let s = sentence
        guard s.isWord(k + 2, TariffVocabulary.of), s.isWord(k + 3, TariffVocabulary.which) || s.isWord(k + 3, Self.whom),
            Self.isAsideQuantifier(s, k + 1)
        else { return nil }
        for j in (k + 4)..<min(s.count, k + 20) where s.tokens[j].kind == .comma { return j + 1 }
        return nil
    }

    /// `neither`, `both`, `all` … before `of which`.
    static func isAsideQuantifier(_ s: TariffSentence, _ k: Int) -> Bool {
        s.isWord(k) && asideQuantifiers.contains(s.tokens[k].hash)
    }

    private static let asideQuantifiers = WordTable<Bool>(set:
        ["neither", "both", "all", "none", "each", "either", "some", "most", "many", "one", "two", "three"].map(TariffTokenizer.hash))
    private static let whom = TariffTokenizer.hash("whom")

    /// `Chinese goods`, `China's exports`, but not `China's trade-weighted average`: the first part of a
    /// hyphened compound modifies what follows it.
    private func isGoodsHead(_ k: Int) -> Bool {
        // `Indonesia's trade minister`, `China's export officials`: the noun modifies an actor
        sentence.has(k, .goodsNoun) && !(k + 1 < sentence.count && sentence.tokens[k + 1].hyphenBefore) && !sentence.has(k + 1, .actorNoun)
    }

    private static let actionNouns = WordTable<Bool>(set: 
        ["decision", "decisions", "plan", "plans", "move", "moves", "countermeasures", "countermeasure", "measures", "retaliation",
         "proposal", "proposals", "threat", "threats", "offer", "announcement", "order", "response"].map(TariffTokenizer.hash))

    /// `each`, `all`, `both`: compared with the vocabulary's constants, not looked up in a table of their own, whose every
    /// read cost a `swift_once` call (asked of most words the search for a name's verb passes over).
    @inline(__always) private static func isFloatingQuantifier(_ h: UInt64) -> Bool {
        h == TariffVocabulary.each || h == TariffVocabulary.all || h == TariffVocabulary.both
    }
    private static let originParticiples = WordTable<Bool>(set: 
        ["made", "built", "produced", "grown", "manufactured", "assembled", "origin", "sourced"].map(TariffTokenizer.hash))
    private static let firmNouns = WordTable<Bool>(set: 
        ["exporters", "producers", "manufacturers", "companies", "firms", "makers", "suppliers", "automakers", "steelmakers"]
            .map(TariffTokenizer.hash))
    private static let sendVerbs = WordTable<Bool>(set: 
        ["shipped", "exported", "sold", "sent", "bound", "headed", "heading", "destined", "sales"].map(TariffTokenizer.hash))

    /// The last name of the list that name `m` starts (`A, B and the C`), or nil when no list follows it.
    private mutating func listEnd(from m: Int) -> Int? {
        if !chain.contains(m) {
            var end = m
            while end + 1 < mentions.count, continuesList(end) { end += 1 }
            chain = m...end
        }
        return chain.upperBound > m ? chain.upperBound : nil
    }

    /// Name `k + 1` continues the list of name `k`: it follows after a comma, `and`/`or` and/or a determiner.
    private func continuesList(_ k: Int) -> Bool {
        let s = sentence
        let end = mentions[k].tokens.upperBound
        var gap = end
        if gap < s.count, s.tokens[gap].kind == .comma { gap += 1 }
        if s.has(gap, .coordinator) { gap += 1 }
        // not `…visit Washington, and that Seoul would…`: `that` after `and` opens a clause
        if s.has(gap, .determiner), !s.isWord(gap, TariffVocabulary.that) { gap += 1 }
        return gap > end && mentions[k + 1].tokens.lowerBound == gap
    }

    /// `Canada, which imposed 100% tariffs…`, `China, whose goods face a 30% levy`: a relative clause
    /// right after the name says what it does, wherever the name itself stands (`in China, whose…`).
    private func relativeClauseRole(after b: Int) -> PartyRole? {
        let s = sentence
        guard b + 1 < s.count, s.tokens[b].kind == .comma else { return nil }
        var k = b + 2
        if s.isWord(b + 1, TariffVocabulary.whose) {
            guard s.has(k, .goodsNoun) || s.has(k, .actorNoun) || s.has(k, .genericGoods) else { return nil }
            k += 1
        } else if !(s.isWord(b + 1, TariffVocabulary.which) || s.isWord(b + 1, TariffVocabulary.who)) {
            return nil
        }
        // the clause's first verb, skipping auxiliaries, adverbs and a floating `each`/`all`
        while k < s.count, k <= b + 6 {
            if s.has(k, .sufferVerb) { return .target }
            if s.isWord(k), Self.isFloatingQuantifier(s.tokens[k].hash) {
                k += 1
                continue
            }
            // `Japan, which accepted 15% U.S. tariffs`: obtaining a rate is paying it
            if s.has(k, .obtainVerb) {
                let object = s.isWord(k + 1, TariffVocabulary.to) ? k + 2 : k + 1
                if s.has(object, .determiner) || (object < s.count && s.tokens[object].kind == .number) || s.isTariffNoun(object) {
                    return .target
                }
            }
            if s.has(k, .auxiliary) || s.has(k, .beForm) || s.looksVerbOrAdverb(k) && !s.looksPast(k) && !s.has(k, .verb) {
                k += 1
                continue
            }
            // as after a name: one that acts sets the tariff
            if s.has(k, .verb) || s.has(k, .impose) || s.isThreat(k) || s.has(k, .announce) || s.looksPast(k) { return .imposer }
            return nil
        }
        return nil
    }
}
