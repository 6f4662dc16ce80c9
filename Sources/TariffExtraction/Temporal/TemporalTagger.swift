/// What the tagger found in a document.
struct TemporalTags: Sendable {
    /// Every temporal expression, in text order.
    var timexes: [TaggedTimex] = []
    /// The tokens of each sentence that holds an expression, by sentence index (empty for the
    /// others): the deadline finder reads them again, and tokenizing twice cost a tenth of extraction.
    var tokens: [[TimexToken]]
}

/// Finds temporal expressions and resolves them against the reference date.
struct TemporalTagger: Sendable {
    let referenceDate: CalendarDate

    /// - Parameter budget: charged per sentence read; the tagger stops when it is spent.
    func tag(_ document: TextDocument, budget: WorkBudget = .unlimited) -> TemporalTags {
        var result = TemporalTags(tokens: Array(repeating: [], count: document.sentences.count))
        var tokens: [TimexToken] = []
        tokens.reserveCapacity(64)
        let lexicon = TimexLexicon.table
        for (index, range) in document.sentences.enumerated() where TimexPrefilter.mayHoldTime(document.bytes, range) {
            TimexTokenizer.tokenize(document.bytes, range, into: &tokens)
            if budget.charge(tokens: tokens.count) { break }
            guard Self.mayHoldTime(tokens, lexicon) else { continue }
            let tagger = SentenceTagger(bytes: document.bytes, tokens: tokens, reference: referenceDate)
            let reader = TenseReader(bytes: document.bytes, tokens: tokens)
            let kinds = DeadlineKindReader(tokens: tokens)
            let matches = tagger.matches()
            guard !matches.isEmpty else { continue }
            if budget.charge(tokens: 0, found: matches.count) { break }
            result.tokens[index] = tokens
            for m in matches {
                let statement = kinds.isStatementDate(m.start, m.end)
                result.timexes.append(
                    TaggedTimex(
                        bytes: tokens[m.start].start..<tokens[m.end - 1].end, sentenceIndex: index, type: m.type,
                        value: m.value, date: statement ? nil : m.date, endDate: statement ? nil : m.endDate,
                        beforeReference: m.beforeReference, isStatementDate: statement,
                        tense: reader.tense(around: m.start, m.end)))
            }
        }
        return result
    }

    /// The exact rule `TimexPrefilter` approximates: without a number or a lexicon word, no expression.
    private static func mayHoldTime(_ tokens: [TimexToken], _ lexicon: WordTable<TimexWord>) -> Bool {
        for t in tokens where t.kind == .number || (t.kind == .word && lexicon.contains(t.hash)) {
            return true
        }
        return false
    }
}
