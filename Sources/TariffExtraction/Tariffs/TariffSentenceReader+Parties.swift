/// Who imposes and who pays, for each rate of a sentence.
extension TariffSentenceReader {
    /// The imposer and target of each draft: the sentence's own names first, then its relative clauses,
    /// joint subjects and the previous sentence.
    mutating func assignParties(_ drafts: inout [Draft], in document: TextDocument) {
        let s = sentence
        assignMentionedSides(&drafts)
        // A relative clause is its own segment, but its antecedent is its subject: `Japan and Korea, which
        // each accepted 15% U.S. tariffs` (targets), `Canada, which imposed 25% duties` (imposer).
        for d in drafts.indices where drafts[d].expression != nil {
            let antecedent = antecedentMentions(of: drafts[d].segment)
            guard let first = antecedent.first else { continue }
            switch s.mentions[first].role {
            case .target where drafts[d].target.code == nil:
                let codes = antecedent.map { s.mentions[$0].code }.filter { $0 != drafts[d].imposer.code }
                if let code = codes.first {
                    drafts[d].target = Side(code: code, confidence: 1)
                    drafts[d].extraTargets = Array(codes.dropFirst())
                }
            // `Unlike Ottawa, which slapped 25% duties on US cars, neither Tokyo nor Seoul has retaliated`: the
            // antecedent also wins over an imposer named only after the rate, in the sentence's next clause
            case .imposer where (drafts[d].imposer.code == nil || !namesImposer(drafts[d].imposer.code, before: drafts[d]))
                && s.mentions[first].code != drafts[d].target.code:
                drafts[d].imposer = Side(code: s.mentions[first].code, confidence: 1)
            default:
                break
            }
        }
        // Joint subjects (`Washington and Beijing agreed to cut tariffs`) act on each other.
        for d in drafts.indices where drafts[d].target.code == nil {
            if let pair = jointSubjects(in: drafts[d].segment, before: drafts[d].anchor) {
                drafts[d].imposer = Side(code: pair.0, confidence: 0.8)
                drafts[d].target = Side(code: pair.1, confidence: 0.8)
                drafts[d].mirrored = true
            }
        }
        // `Under the China-Australia FTA, tariffs on Australian beef…`: a hyphened pair names both sides,
        // and the one that is not the target charges the rate.
        for d in drafts.indices where drafts[d].imposer.code == nil {
            if let target = drafts[d].target.code, let other = hyphenedPartner(of: target) {
                drafts[d].imposer = Side(code: other, confidence: 0.8)
            }
        }
        // Other clauses of the sentence, the other side of a reciprocal pair, the previous sentence.
        for d in drafts.indices {
            if drafts[d].imposer.code == nil, let code = sentenceWide(.imposer, excluding: drafts[d].target.code) {
                drafts[d].imposer = Side(code: code, confidence: 0.8)
            }
            if drafts[d].target.code == nil, let imposer = drafts[d].imposer.code {
                if let other = onlyOtherImposer(of: drafts, than: imposer) {
                    drafts[d].target = Side(code: other, confidence: 0.8)
                } else if let code = sentenceWide(.target, excluding: imposer) {
                    drafts[d].target = Side(code: code, confidence: 0.8)
                } else if let code = onlyOtherParty(than: imposer) {
                    drafts[d].target = Side(code: code, confidence: 0.7)
                }
            }
            if drafts[d].target.code == nil, drafts[d].imposer.code == nil, let code = sentenceWide(.target, excluding: nil) {
                drafts[d].target = Side(code: code, confidence: 0.8)
            }
        }
        // `duties of 12.5% for one firm and 30.6% for other Chinese exporters`: a rate of a clause whose
        // other rates all name one target, under the same imposer, shares it (a few rates only: a long
        // list is read rate by rate)
        if drafts.count <= 16 {
            for d in drafts.indices where drafts[d].expression != nil && drafts[d].target.code == nil {
                let siblings = drafts.indices.filter { $0 != d && drafts[$0].segment == drafts[d].segment && drafts[$0].expression != nil }
                guard !siblings.isEmpty, siblings.allSatisfy({ drafts[$0].target.code != nil && drafts[$0].imposer.code == drafts[d].imposer.code }),
                    let code = onlyDistinct(siblings.compactMap { drafts[$0].target.code }), code != drafts[d].imposer.code
                else { continue }
                drafts[d].target = Side(code: code, confidence: min(0.8, drafts[siblings[0]].target.confidence))
            }
        }
        // A side named as both imposer and target: the target reading (`on Japanese autos`) is the surer one.
        for d in drafts.indices where drafts[d].imposer.code != nil && drafts[d].imposer.code == drafts[d].target.code {
            drafts[d].imposer = Side(code: nil, confidence: 1)
        }
        // most drafts have no further targets: `removeAll(where:)` on an empty array still partitioned and replaced it
        for d in drafts.indices where !drafts[d].extraTargets.isEmpty {
            let imposer = drafts[d].imposer.code
            drafts[d].extraTargets.removeAll { $0 == imposer }
        }
        if drafts.indices.contains(where: { drafts[$0].expression != nil && (drafts[$0].imposer.code == nil || drafts[$0].target.code == nil) }),
            sentence.index > 0
        {
            let previous = previousSentence(in: document)
            let (imposer, target) = onlySides(of: previous)
            // Only a continuing story lends a side: the previous sentence must not name another party on
            // the side this one names (`China put 10% on US soybeans. It also put 15% on US coal`), and
            // lends both sides only when it names both. `Beijing cut its tariffs on American goods.
            // Switzerland was hit with 39%` lends nothing: the Swiss rate is another pair's.
            for d in drafts.indices where drafts[d].expression != nil {
                switch (drafts[d].imposer.code, drafts[d].target.code) {
                case (nil, nil):
                    if let imposer, let target, imposer != target {
                        drafts[d].imposer = Side(code: imposer, confidence: 0.6)
                        drafts[d].target = Side(code: target, confidence: 0.6)
                    } else if let imposer, target == nil, s.mentions.isEmpty,
                        !bothPartiesAct(before: drafts[d].anchor, in: drafts[d].segment)
                    {
                        // `Trump approved tariffs of up to 50% on washers. Imports above the quota will face a 50% duty.`:
                        // a sentence that names no party goes on with the measure of the one before (not one whose
                        // `both countries` act on each other)
                        drafts[d].imposer = Side(code: imposer, confidence: 0.6)
                    }
                case (nil, let own?):
                    if let imposer, imposer != own, target == nil || target == own {
                        drafts[d].imposer = Side(code: imposer, confidence: 0.6)
                    }
                case (let own?, nil):
                    if let target, target != own, imposer == nil || imposer == own {
                        drafts[d].target = Side(code: target, confidence: 0.6)
                    }
                default:
                    break
                }
            }
        }
    }

    /// The names a relative clause starting `segment` (`, which …`, `, who …`, `, both of which …`) refers to: the name, or the
    /// list of names (`Japan and South Korea`), right before the comma. Empty for any other segment.
    func antecedentMentions(of segment: Range<Int>) -> [Int] {
        let s = sentence
        let w = segment.lowerBound
        guard s.isWord(w, TariffVocabulary.which) || s.isWord(w, TariffVocabulary.who) else { return [] }
        // `, which …` or `, neither of which …` (the names do or undergo what follows the aside)
        let comma = s.isWord(w - 1, TariffVocabulary.of) && PartyRoleReader.isAsideQuantifier(s, w - 2) ? w - 3 : w - 1
        guard comma >= 1, s.tokens[comma].kind == .comma, let last = s.mention(at: comma - 1), s.mentions[last].tokens.upperBound == comma
        else { return [] }
        var list = [last]
        var m = last
        while m > 0 {
            var gap = s.mentions[m - 1].tokens.upperBound
            if gap < s.count, s.tokens[gap].kind == .comma { gap += 1 }
            if s.has(gap, .coordinator) { gap += 1 }
            if s.has(gap, .determiner) { gap += 1 }
            guard gap > s.mentions[m - 1].tokens.upperBound, gap == s.mentions[m].tokens.lowerBound, s.mentions[m - 1].role == s.mentions[last].role else { break }
            m -= 1
            list.insert(m, at: 0)
        }
        return list
    }

    /// A mention of `code` as imposer inside the draft's clause, before the end of its rate (`a 50% US tariff`).
    func namesImposer(_ code: String?, before draft: Draft) -> Bool {
        let s = sentence
        return s.mentions.indices.contains { m in
            s.mentions[m].role == .imposer && s.mentions[m].code == code && s.mentions[m].tokens.lowerBound < draft.span.upperBound
                && s.mentions[m].tokens.lowerBound >= draft.segment.lowerBound
        }
    }

    /// The one code `codes` holds, however often; nil when it holds none or several.
    /// (A set would do, but hashing strings for two or three codes cost more than the rest of the rule.)
    func onlyDistinct(_ codes: some Sequence<String>) -> String? {
        var only: String?
        for code in codes {
            if let only, only != code { return nil }
            only = code
        }
        return only
    }

    /// The one party `sentence` names as imposer and the one it names as target, however often each; nil where it
    /// names none or several. One pass over its mentions, by index: two lazy chains (one per side) read every
    /// mention twice, each through closures, and each code they passed on was retained and released.
    func onlySides(of sentence: TariffSentence) -> (imposer: String?, target: String?) {
        var imposer: String?, target: String?
        var severalImposers = false, severalTargets = false
        for m in sentence.mentions.indices {
            switch sentence.mentions[m].role {
            case .imposer where !severalImposers:
                let code = sentence.mentions[m].code
                if let imposer, imposer != code { severalImposers = true } else { imposer = code }
            case .target where !severalTargets:
                let code = sentence.mentions[m].code
                if let target, target != code { severalTargets = true } else { target = code }
            default:
                break
            }
        }
        return (severalImposers ? nil : imposer, severalTargets ? nil : target)
    }

    /// The one imposer other than `code` the drafts name, however often; nil when they name none or several, or when
    /// that imposer's rate hits a third party (`the United States, which quadrupled its tariff on Chinese EVs, and the
    /// European Union, which imposed duties of up to 37.6%`: two imposers side by side, not the two sides of a pair). By
    /// index: a lazy chain over the drafts handed on each one as a copy (retaining its codes and targets).
    func onlyOtherImposer(of drafts: [Draft], than code: String) -> String? {
        var only: String?
        for d in drafts.indices {
            guard let other = drafts[d].imposer.code, other != code else { continue }
            if let target = drafts[d].target.code, target != code { return nil }
            if let only, only != other { return nil }
            only = other
        }
        return only
    }

    /// The party joined by a hyphen or dash to `code` (`China-Australia`, `US–China`), if the sentence has one.
    func hyphenedPartner(of code: String) -> String? {
        let s = sentence
        for m in s.mentions.indices.dropLast() {
            let next = s.mentions[m + 1]
            guard next.tokens.lowerBound == s.mentions[m].tokens.upperBound, s.tokens[next.tokens.lowerBound].hyphenBefore else { continue }
            if s.mentions[m].code == code, next.code != code { return next.code }
            if next.code == code, s.mentions[m].code != code { return s.mentions[m].code }
        }
        return nil
    }

    /// Two parties joined as the subject of the clause (`Washington and Beijing agreed to cut tariffs`). Not two inside a
    /// sentence's opening phrase (`Under the deal agreed by Starmer and Trump, UK steel was to be exempted from the 50%
    /// tariffs`): the phrase sets the scene, its comma before the rate at `anchor` ends it.
    func jointSubjects(in segment: Range<Int>, before anchor: Int) -> (String, String)? {
        let s = sentence
        for m in s.mentions.indices.dropLast() where segment.contains(s.mentions[m].tokens.lowerBound) {
            let next = m + 1
            let joint = s.mentions[m].tokens.upperBound
            guard s.has(joint, .coordinator), s.mentions[next].tokens.lowerBound == joint + 1 || s.mentions[next].tokens.lowerBound == joint + 2,
                s.mentions[next].role == .imposer, s.mentions[m].code != s.mentions[next].code
            else { continue }
            if s.has(0, .preposition), s.mentions[next].tokens.upperBound < anchor,
                (s.mentions[next].tokens.upperBound..<anchor).contains(where: { s.tokens[$0].kind == .comma })
            {
                continue
            }
            return (s.mentions[m].code, s.mentions[next].code)
        }
        return nil
    }

    /// Gives each draft the sides its own mentions name, then the nearest of the segment's: each mention
    /// belongs to the rate it follows (unless `and` intervenes) or else to the next one. Not `mutating`,
    /// unlike its caller: a closure in a mutating method that calls the reader's methods copied the whole
    /// reader (a retain and a release of each of its references) for each call.
    private func assignMentionedSides(_ drafts: inout [Draft]) {
        let s = sentence
        // which draft each mention belongs to: on the stack for the few names of a sentence
        withUnsafeTemporaryAllocation(of: Int?.self, capacity: s.mentions.count) { owner in
            owner.initialize(repeating: nil)
            for (m, mention) in s.mentions.enumerated() {
                let at = mention.tokens.lowerBound
                var previous: Int?
                var next: Int?
                // by index: a copy of each draft retained and released its strings and its array of targets
                for d in drafts.indices where drafts[d].segment.contains(at) {
                    let span = drafts[d].span
                    if span.upperBound <= at { previous = d } else if next == nil, span.lowerBound >= mention.tokens.upperBound { next = d }
                    if span.contains(at) { previous = d }
                }
                if let p = previous {
                    let between = min(drafts[p].span.upperBound, at)..<at
                    let coordinated = between.contains { s.has($0, .coordinator) || s.tokens[$0].kind == .comma }
                    owner[m] = coordinated && next != nil ? next : p
                } else {
                    owner[m] = next
                }
            }
            let owners = UnsafeBufferPointer(owner)
            for d in drafts.indices {
                var own = pick(.imposer, owner: owners, d: d, drafts: drafts, ownOnly: true)
                if own == nil { own = pick(.imposer, owner: owners, d: d, drafts: drafts, ownOnly: false) }
                if let own { drafts[d].imposer = Side(code: own, confidence: 1) }
                if let (first, others) = targetsOwned(owner: owners, d: d, after: drafts[d].span.lowerBound) {
                    drafts[d].target = Side(code: first, confidence: 1)
                    drafts[d].extraTargets = others
                } else if let t = pick(.target, owner: owners, d: d, drafts: drafts, ownOnly: false) {
                    drafts[d].target = Side(code: t, confidence: 1)
                    drafts[d].extraTargets = []
                }
            }
        }
    }

    func pick(_ role: PartyRole, owner: UnsafeBufferPointer<Int?>, d: Int, drafts: [Draft], ownOnly: Bool) -> String? {
        let s = sentence
        var best: (code: String, distance: Int)?
        for (m, mention) in s.mentions.enumerated() where s.mentions[m].role == role && drafts[d].segment.contains(mention.tokens.lowerBound) {
            if ownOnly && owner[m] != d { continue }
            // another rate's target stays its own: `34% tariffs with matching 34% levies on US imports`
            if !ownOnly, role == .target, let o = owner[m], o != d, drafts[o].segment == drafts[d].segment { continue }
            // a name right before another rate (`Trump's 34% tariffs`) belongs to that rate alone
            if !ownOnly, let o = owner[m], o != d, drafts[o].span.lowerBound - mention.tokens.upperBound <= 2,
                drafts[o].span.lowerBound >= mention.tokens.upperBound
            {
                continue
            }
            // subjects come before their rate; a name after it (`…to 100% if Beijing delays`) is weaker
            let after = mention.tokens.lowerBound > drafts[d].anchor && role == .imposer
            let distance = abs(mention.tokens.lowerBound - drafts[d].anchor) + (after ? 1000 : 0)
            if best == nil || distance < best!.distance { best = (mention.code, distance) }
        }
        return best?.code
    }

    /// The targets a rate owns, the first apart from the others (nil when it owns none); those named after it
    /// (`tariffs of 25% on European steel`) win over earlier ones. The first is not kept in an array: most rates own
    /// one target, and two arrays of it cost two allocations and their release.
    func targetsOwned(owner: UnsafeBufferPointer<Int?>, d: Int, after start: Int) -> (String, [String])? {
        var before: (first: String, others: [String])?
        var following: (first: String, others: [String])?
        func add(_ code: String, to list: inout (first: String, others: [String])?) {
            guard let first = list?.first else {
                list = (code, [])
                return
            }
            if code != first && !list!.others.contains(code) { list!.others.append(code) }
        }
        for (m, mention) in sentence.mentions.enumerated() where sentence.mentions[m].role == .target && owner[m] == d {
            if mention.tokens.lowerBound >= start {
                add(mention.code, to: &following)
            } else {
                add(mention.code, to: &before)
            }
        }
        return following ?? before
    }

    /// The one party other than `excluding` the sentence names in `role`, if exactly one. A loop, not a
    /// `Set` of codes (hashing them) nor a lazy chain (its closures allocate): it runs for most rates.
    func sentenceWide(_ role: PartyRole, excluding: String?) -> String? {
        var only: String?
        for (m, mention) in sentence.mentions.enumerated() where sentence.mentions[m].role == role && mention.code != excluding {
            if let only, only != mention.code { return nil }
            only = mention.code
        }
        return only
    }

    /// The sentence names exactly one party besides `code` (venues left out): the other side of a bilateral move.
    func onlyOtherParty(than code: String) -> String? {
        let s = sentence
        var others = Set<String>()
        for (m, mention) in s.mentions.enumerated() where mention.code != code {
            if s.has(mention.tokens.lowerBound - 1, .venueMarker) { continue }
            if s.mentions[m].role == .neutral { continue }
            others.insert(mention.code)
        }
        return others.count == 1 ? others.first : nil
    }
}
