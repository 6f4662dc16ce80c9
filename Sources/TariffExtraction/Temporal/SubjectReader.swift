/// Picks the few words that say what a date is about: `APEC summit`, `additional 100% tariffs on Chinese imports`.
///
/// An event noun names itself with its modifiers (`the Trump-Xi meeting`); otherwise the clause
/// before the date, cut at the verb that introduces it, is the subject.
struct SubjectReader {
    let bytes: [UInt8]
    let tokens: [TimexToken]

    func subject(dateStart lower: Int, dateEnd upper: Int, cue: Int?) -> String {
        if let cue, tokens[cue].kind == .word, DeadlineKindReader.nounCues.contains(tokens[cue].hash),
            cue < lower || cue >= upper
        {
            return text(nounPhrase(endingAt: cue))
        }
        // a trigger (`until November 10`): the event noun of the same kind elsewhere in the sentence
        if let cue, cue >= lower - 3, let kind = DeadlineKindReader.cues[tokens[cue].hash] ?? triggerKind(cue),
            let noun = nearestNoun(of: kind, from: lower, to: upper)
        {
            return text(nounPhrase(endingAt: noun))
        }
        var range = clause(before: lower)
        if range.count < 2 {
            let after = clause(after: upper)
            if after.count > range.count { range = after }
        }
        if range.isEmpty, let cue { range = cue..<(cue + 1) }
        if range.isEmpty {
            // nothing phrase-like: the words just before the date, else just after it
            var end = lower
            while end > 0, tokens[end - 1].kind == .word, Self.trailing.contains(tokens[end - 1].hash) { end -= 1 }
            range = max(0, end - 6)..<end
            if range.isEmpty { range = upper..<min(tokens.count, upper + 6) }
        }
        return text(range)
    }

    /// The head noun with up to four modifiers before it and an `at/in/with Name` after it.
    private func nounPhrase(endingAt head: Int) -> Range<Int> {
        var start = head
        var words = 0
        while start > 0, words < 4 {
            let t = tokens[start - 1]
            if t.kind == .word, Self.stops.contains(t.hash) || Self.prepositions.contains(t.hash)
                || Self.leading.contains(t.hash)
            {
                break
            }
            if t.kind == .word { words += 1 }
            if t.kind == .word, !t.capitalized, let w = TimexLexicon.word(t.hash) {
                if case .number = w {} else if case .unit = w {} else { break }
            }
            if t.kind == .mark, !(t.mark == 0x2D || t.mark == 0x27 || t.mark == 0x25) { break }
            start -= 1
        }
        while start < head, tokens[start].kind == .mark { start += 1 }
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

    /// The event noun of `kind` nearest the date, outside it.
    private func nearestNoun(of kind: DeadlineKind, from lower: Int, to upper: Int) -> Int? {
        var best: Int?
        var distance = Int.max
        for (i, t) in tokens.enumerated() where (i < lower || i >= upper) && t.kind == .word {
            guard DeadlineKindReader.nounCues.contains(t.hash), DeadlineKindReader.cues[t.hash] == kind else { continue }
            let d = i < lower ? lower - i : i - upper + 1
            if d < distance { (best, distance) = (i, d) }
        }
        return best
    }

    private static let starting = TimexTokenizer.hash("starting")
    private static let effective = TimexTokenizer.hash("effective")

    /// Words before the date back to the start of its clause, without the trigger and the introducing verb.
    private func clause(before lower: Int) -> Range<Int> {
        var end = lower
        while end > 0, tokens[end - 1].kind == .word, Self.trailing.contains(tokens[end - 1].hash) { end -= 1 }
        // `The export controls, set to take effect December 1, …`: the appositive's noun is before the comma
        if end > 0, end < lower, tokens[end - 1].kind == .mark, tokens[end - 1].mark == 0x2C {
            end -= 1
        }
        var start = end
        var words = 0
        while start > 0, words < 9 {
            let t = tokens[start - 1]
            if t.kind == .mark, t.mark != 0x25, t.mark != 0x2D || t.spaceBefore { break }
            if t.kind == .word, Self.stops.contains(t.hash), !Self.auxiliaries.contains(t.hash) { break }
            if t.kind == .word { words += 1 }
            start -= 1
        }
        // `to impose additional tariffs`: the infinitive's verb says nothing about the subject
        if start > 0, tokens[start - 1].hash == W.to, end - start > 2, !tokens[start].capitalized,
            !Self.prepositions.contains(tokens[start + 1].hash)
        {
            start += 1
        }
        while start < end, tokens[start].kind == .word, Self.leading.contains(tokens[start].hash) { start += 1 }
        while start < end, tokens[start].kind == .mark, tokens[start].mark != 0x24 { start += 1 }
        return start..<end
    }

    private func clause(after upper: Int) -> Range<Int> {
        var start = upper
        while start < tokens.count, tokens[start].kind == .mark || Self.leading.contains(tokens[start].hash) { start += 1 }
        var end = start
        while end < tokens.count, end - start < 8 {
            let t = tokens[end]
            if t.kind == .mark, t.mark != 0x25, t.mark != 0x2D || t.spaceBefore { break }
            if t.kind == .word, Self.stops.contains(t.hash) { break }
            end += 1
        }
        while end > start, tokens[end - 1].kind == .word, Self.trailing.contains(tokens[end - 1].hash) { end -= 1 }
        return start..<end
    }

    private func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return String(decoding: bytes[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end], as: UTF8.self)
    }

    private static func hashes(_ words: [String]) -> WordTable<Bool> { WordTable(set: words.map(TimexTokenizer.hash)) }

    /// Words that end a subject phrase going backwards: clause openers, auxiliaries, reporting verbs.
    private static let stops = hashes([
        "to", "that", "which", "who", "whom", "when", "while", "after", "before", "said", "says", "told", "and", "but",
        "as", "is", "are", "was", "were", "will", "would", "could", "should", "may", "might", "has", "have", "had",
        "be", "been", "being", "if", "because", "since", "than", "also", "said", "announced", "according",
    ])
    /// Trigger words and prepositions between the subject and the date.
    private static let trailing = hashes([
        "on", "in", "at", "by", "from", "starting", "beginning", "effective", "until", "through", "till", "the",
        "for", "of", "as", "no", "later", "than", "before", "after", "during", "within", "over", "around", "set",
        "take", "effect", "into", "come", "to", "will", "would", "is", "are", "was", "were", "has", "have", "had",
        "be", "been", "could", "should", "may", "might", "must", "since", "start", "starts", "begin", "begins",
        "expire", "expires", "end", "ends", "kick", "kicks", "planned", "scheduled", "expected", "due", "slated",
    ])
    /// Auxiliaries do not end a subject going backwards: `the agreement was signed`.
    private static let auxiliaries = hashes([
        "is", "are", "was", "were", "will", "would", "could", "should", "may", "might", "has", "have", "had", "be", "been",
    ])
    private static let leading = hashes(["the", "a", "an", "its", "their", "his", "her", "on", "in", "of", "for", "and"])
    private static let prepositions = hashes(["on", "in", "at", "by", "from", "for", "of", "with", "into", "over", "during"])
    private static let placePrepositions = hashes(["at", "in", "with", "on"])
}
