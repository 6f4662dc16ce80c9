/// Reads the goods a tariff covers: `25% steel tariffs`, `tariffs on autos and auto parts`.
///
/// Country words and generic nouns (`goods`, `imports`) are left out: `tariffs on Chinese goods`
/// covers all goods, which the model writes as an empty list.
struct ProductPhrase {
    let sentence: TariffSentence

    /// The goods, each as the text of `document` its tokens span. Named as they are read, into the one array the
    /// change keeps: an array of token ranges first, then mapped to their names, cost a second array (an allocation
    /// and its release) per rate with goods.
    func products(for e: RateExpression?, noun: Int?, limit: Int, in document: TextDocument) -> [String] {
        let s = sentence
        var items: [String] = []
        // Between the rate and its noun: `a 25% steel tariff`.
        if let e, let noun, noun > e.anchor {
            var start: Int?
            var k = e.span.lowerBound
            while k < noun {
                if k > e.anchor, s.isWord(k), !s.has(k, .tariffModifier), !s.has(k, .additional), !s.has(k, .aggregate),
                    !s.has(k, .function), !s.has(k, .percentWord), !s.isWord(k, TariffVocabulary.of), s.mention(at: k) == nil, !s.has(k, .goodsNoun), !s.has(k, .taxQualifier),
                    !s.isWord(k, TariffVocabulary.cent), !s.isWord(k, TariffVocabulary.per), !s.isWord(k, TariffVocabulary.percentage), !s.isWord(k, TariffVocabulary.points),
                    !RateScanner.isNumberWord(s, k), !RateScanner.isPartNoun(s, k), !s.isWord(k, TariffVocabulary.point)
                {
                    if start == nil { start = k }
                } else if let st = start {
                    items.append(name(st..<k, in: document))
                    start = nil
                }
                k += 1
            }
            if let st = start { items.append(name(st..<noun, in: document)) }
        }
        // After `on`: the first `on` following the noun (or the rate) within a few words.
        let from = noun.map { $0 + 1 } ?? (e?.span.upperBound ?? 0)
        let to = min(s.count, max(e?.span.upperBound ?? from, from) + 4)
        var k = from
        while k < to {
            if s.isWord(k, TariffVocabulary.on) { break }
            let kind = s.tokens[k].kind
            if kind != .word && kind != .number && kind != .percent || s.has(k, .clauseBreak) { k = to; break }
            k += 1
        }
        // `fall to 19.5% on April 1`: `on` a date is when, not what; `on sales to the US`, `on other suppliers`: on
        // whom or what money, not goods
        let head = s.has(k + 1, .determiner) ? k + 2 : k + 1
        if k < to, k < limit, !s.has(k + 1, .month), !s.has(head, .actorNoun),
            !(s.isWord(head) && Self.notGoods.contains(s.tokens[head].hash))
        {
            appendOnPhrase(after: k, limit: limit, to: &items, in: document)
        }
        return items
    }

    /// The text of `document` the tokens `range` span, as a product's name.
    private func name(_ range: Range<Int>, in document: TextDocument) -> String {
        document.readableString(sentence.tokens[range.lowerBound].start..<sentence.tokens[range.upperBound - 1].end)
    }

    private static let notGoods = WordTable<Bool>(set:
        ["sales", "suppliers", "supplier", "revenue", "revenues", "profits", "income", "earnings"].map(TariffTokenizer.hash))

    private static var made: UInt64 { TariffVocabulary.made }
    private static var built: UInt64 { TariffVocabulary.built }

    /// The list after `on`: skips determiners, country words and `imports of`; stops at the next clause part.
    /// Appended to `items` as each is read (one array per rate, not three).
    private func appendOnPhrase(after on: Int, limit: Int, to items: inout [String], in document: TextDocument) {
        let s = sentence
        var k = on + 1
        if s.has(k, .determiner) { k += 1 }
        while k < limit {
            if let m = s.mention(at: k) {
                k = s.mentions[m].tokens.upperBound
                if k < s.count, s.tokens[k].kind == .possessive { k += 1 }
                // `US-built vehicles`, `Chinese-made steel`: the participle belongs to the origin
                if k < s.count, s.tokens[k].hyphenBefore, s.looksPast(k) || s.isWord(k, Self.made) || s.isWord(k, Self.built) { k += 1 }
                continue
            }
            if s.has(k, .goodsNoun), s.isWord(k + 1, TariffVocabulary.of) { k += 2; continue }
            if s.has(k, .determiner) { k += 1; continue }
            // `imported Chinese steel`, `foreign-made`: participles before the goods
            if s.looksPast(k), s.lexemes[k].classes.isEmpty, k + 1 < limit, s.mention(at: k + 1) != nil { k += 1; continue }
            break
        }
        let first = items.count
        func add(_ range: Range<Int>) {
            if let item = trimmed(range) { items.append(name(item, in: document)) }
        }
        var start: Int?
        var steps = 0
        while k < limit && steps < 10 {
            let token = s.tokens[k]
            let isList = token.kind == .comma || s.has(k, .coordinator)
            if isList {
                if let st = start { add(st..<k) }
                start = nil
                // a comma or `and` continues the list only when a plain word follows
                let next = k + 1
                guard next < limit, s.isWord(next), !s.has(next, .function), !s.has(next, .preposition), !s.has(next, .actorNoun),
                    !s.looksVerbOrAdverb(next) || s.has(next, .goodsNoun) || modifiesNext(next, limit)
                else { break }
                k += 1
                steps += 1
                continue
            }
            guard token.kind == .word, token.kind != .number,
                !s.has(k, .preposition) || (s.isWord(k, TariffVocabulary.of) && start != nil),
                !s.has(k, .function) || s.has(k, .goodsNoun), !s.has(k, .clauseBreak), !s.has(k, .effectiveTrigger),
                !s.has(k, .verb), !s.has(k, .marketVerb), s.mention(at: k) == nil || start == nil,
                !(s.looksVerbOrAdverb(k) && !s.has(k, .goodsNoun) && !looksLikeNoun(k) && !modifiesNext(k, limit))
            else { break }
            // `C$30 billion`, `HK$5 billion`, `US$60 billion`: a currency's letters, an amount and no goods
            if k + 1 < s.count, s.tokens[k + 1].start == token.end, s.bytes[token.end] == 0x24 { break }
            if s.has(k, .side) || s.isWord(k, TariffVocabulary.top) && s.isWord(k + 1, TariffVocabulary.of) {  // `on top of`
                items.removeSubrange(first...)
                return
            }
            if let m = s.mention(at: k) {  // `Chinese` inside the list: skip it
                k = s.mentions[m].tokens.upperBound
                continue
            }
            if start == nil { start = k }
            k += 1
            steps += 1
            // English noun phrases end with their head: a plural (`solar panels`) ends the item.
            if isPlural(k - 1), k < limit, s.isWord(k), !s.has(k, .coordinator) { break }
        }
        if let st = start, st < k { add(st..<k) }
    }

    /// An item of the list after `on`, trimmed: `steel imports` is steel; `goods` alone is everything (nil).
    private func trimmed(_ range: Range<Int>) -> Range<Int>? {
        let s = sentence
        var r = range
        let hadTail = s.has(r.upperBound - 1, .genericGoods) || s.isWord(r.upperBound - 1, TariffVocabulary.goods)
        while r.count > 0, s.has(r.upperBound - 1, .genericGoods) || s.isWord(r.upperBound - 1, TariffVocabulary.of) {
            r = r.lowerBound..<(r.upperBound - 1)
        }
        while r.count > 0, s.has(r.lowerBound, .goodsNoun), !s.has(r.lowerBound, .verb) { r = (r.lowerBound + 1)..<r.upperBound }
        // `goods` after an unknown capitalized word is a nationality we do not know: all goods
        if r.count >= 1, s.isWord(r.upperBound - 1, TariffVocabulary.goods), (r.lowerBound..<(r.upperBound - 1)).allSatisfy({ s.tokens[$0].capitalized }) {
            return nil
        }
        if hadTail, r.allSatisfy({ s.tokens[$0].capitalized }) { return nil }  // `Asian partners`, `Gulf imports`
        return r.isEmpty ? nil : r
    }

    /// `liquefied natural gas`, `processed foods`: a participle used as an adjective before a plain noun.
    private func modifiesNext(_ k: Int, _ limit: Int) -> Bool {
        let s = sentence
        let next = k + 1
        guard s.isWord(k), !s.has(k, .verb), s.lexemes[k].classes.isEmpty, s.looksPast(k), next < limit, s.isWord(next) else { return false }
        let c = s.lexemes[next].classes
        return !c.contains(.function) && !c.contains(.preposition) && !c.contains(.verb) && !s.looksVerbOrAdverb(next)
            && s.mention(at: next) == nil
    }

    private func isPlural(_ k: Int) -> Bool {
        let t = sentence.tokens[k]
        let b = sentence.bytes
        guard t.end - t.start >= 3 else { return false }
        let last = b[t.end - 1], previous = b[t.end - 2] | 0x20
        return last == 0x73 && previous != 0x73 && previous != 0x75 && previous != 0x69  // -s, not -ss/-us/-is
    }

    /// `processing` is a verb form, but `-ing` product words (`clothing`, `packaging`) are nouns.
    private func looksLikeNoun(_ k: Int) -> Bool {
        let t = sentence.tokens[k]
        let b = sentence.bytes
        // -ing preceded by a double consonant or `th`/`ag` stems reads like a noun in trade lists
        guard t.end - t.start >= 6 else { return false }
        let stem0 = b[t.end - 5] | 0x20, stem1 = b[t.end - 4] | 0x20
        return (stem0 == 0x74 && stem1 == 0x68) || (stem0 == 0x61 && stem1 == 0x67)
    }
}
