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
struct PartyRoleReader {
    let sentence: TariffSentence

    func role(of m: Int) -> PartyRole {
        let s = sentence
        let mention = s.mentions[m]
        let a = mention.tokens.lowerBound
        var b = mention.tokens.upperBound
        // Words after the name.
        if b < s.count, s.tokens[b].kind == .possessive {
            let after = b + 1
            if after >= s.count || !s.isWord(after) || s.has(after, .coordinator) || s.has(after, .clauseBreak) {
                return .imposer  // `30% on China's` (side) / `China's.`
            }
            if s.has(after, .goodsNoun) { return .target }
            if s.has(after, .side) || s.isTariffNoun(after) || s.has(after, .actorNoun) { return .imposer }
            if s.has(after, .tariffModifier) && (s.isTariffNoun(after + 1) || s.isTariffNoun(after + 2)) { return .imposer }
            b = after
        }
        if b < s.count, s.tokens[b].kind == .word {
            if s.has(b, .goodsNoun) || (s.tokens[b].hyphenBefore && s.has(b, .goodsNoun)) { return .target }
            if s.has(b, .side) { return .imposer }
            if s.isTariffNoun(b) { return .imposer }
            if s.has(b, .tariffModifier) && (s.isTariffNoun(b + 1) || s.isTariffNoun(b + 2)) { return .imposer }
        }
        // Words before the name.
        var p = a - 1
        if s.has(p, .determiner) { p -= 1 }
        if p >= 0, s.tokens[p].kind == .word {
            if s.has(p, .targetMarker) { return .target }
            if s.has(p, .sourceMarker) {
                return s.has(p - 1, .actorNoun) ? .neutral : .target
            }
            if s.isWord(p, TariffVocabulary.to), s.isWord(p - 1, TariffVocabulary.exports) || s.isWord(p - 1, TariffVocabulary.shipments) {
                return .imposer
            }
            if s.has(p, .byMarker) { return .imposer }
            if s.has(p, .coordinator) || (p >= 0 && s.tokens[p].kind == .comma) {
                // `tariffs on Canada and Mexico`: a listed name shares the role of the one before it.
                if m > 0, s.mentions[m - 1].tokens.upperBound >= p - 1 {
                    let previous = PartyRoleReader(sentence: s).role(of: m - 1)
                    if previous != .neutral { return previous }
                }
            }
            if s.has(p, .venueMarker) || s.has(p, .preposition) && !s.has(p, .untilTrigger) && !s.isWord(p, TariffVocabulary.since) { return .neutral }
        } else if p >= 0, s.tokens[p].kind == .comma, m > 0, s.mentions[m - 1].tokens.upperBound >= p - 1 {
            let previous = PartyRoleReader(sentence: s).role(of: m - 1)
            if previous != .neutral { return previous }
        }
        // A name followed by a verb acts.
        var k = b
        var skipped = 0
        while k < s.count && skipped < 4 {
            if s.tokens[k].kind == .possessive || s.has(k, .actorNoun) || s.has(k, .perfectAux)
                || (s.isWord(k) && s.tokens[k].capitalized && s.mention(at: k) != nil)
            {
                k += 1; skipped += 1; continue
            }
            if s.has(k, .verb) || s.has(k, .threat) || s.has(k, .impose) || s.has(k, .announce) || s.looksVerbOrAdverb(k) {
                return .imposer
            }
            break
        }
        if mention.isPerson { return .imposer }
        return .neutral
    }
}
