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
        var lastQuarter: (sentence: Int, value: TemporalValue)?
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
                // `net rose from $52 million a year earlier`, after `third-quarter net`: that quarter a year back
                var quarterBack: TemporalValue?
                if let q = lastQuarter, index - q.sentence <= 4, let back = m.yearsBack {
                    quarterBack = .quarter(year: q.value.firstDay.year - back, quarter: (q.value.firstDay.month - 1) / 3 + 1)
                }
                let date = quarterBack ?? m.date
                // a year-back value names no quarter of its own: the next one counts from the same quarter
                if m.yearsBack == nil, let d = m.date ?? Self.quarterValue(m.value), d.granularity == .quarter {
                    lastQuarter = (index, d)
                }
                let statement = kinds.isStatementDate(m.start, m.end)
                result.timexes.append(
                    TaggedTimex(
                        bytes: tokens[m.start].start..<tokens[m.end - 1].end, sentenceIndex: index, type: m.type,
                        value: quarterBack?.iso ?? m.value, date: statement ? nil : date, endDate: statement ? nil : m.endDate,
                        beforeReference: m.beforeReference, isStatementDate: statement, anchored: m.anchored,
                        tense: reader.tense(around: m.start, m.end)))
            }
        }
        return result
    }

    /// `2025-Q3` for the quarters that carry no calendar date (`the quarter`), without parsing every value.
    private static func quarterValue(_ value: String) -> TemporalValue? {
        let u = value.utf8
        guard u.count == 7, u[u.index(u.startIndex, offsetBy: 5)] == 0x51 else { return nil }
        return TemporalValue(iso: value)
    }

    /// The exact rule `TimexPrefilter` approximates: without a number or a lexicon word, no expression.
    private static func mayHoldTime(_ tokens: [TimexToken], _ lexicon: WordTable<TimexWord>) -> Bool {
        for t in tokens where t.kind == .number || (t.kind == .word && lexicon.contains(t.hash)) {
            return true
        }
        return false
    }
}
