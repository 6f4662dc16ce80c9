/// Which way a clause points in time: decides the year of `December 1` and the week of `Sunday`.
enum Tense: UInt8, Sendable {
    case past, present, future
    /// No word says: dates take the nearest occurrence.
    case unmarked
}

/// Reads the tense of the words around a date: the nearest auxiliary, modal or past-tense verb.
///
/// News sentences mix tenses (`said on Thursday that tariffs will start November 1`), so the
/// nearest cue before the date wins, then the nearest after it.
struct TenseReader {
    let bytes: [UInt8]
    let tokens: [TimexToken]

    /// The tense governing tokens `lower..<upper` (a date expression), or `.unmarked` when nothing says.
    func tense(around lower: Int, _ upper: Int) -> Tense {
        // `… from April, when Washington hit Beijing …`: a clause describing the date itself speaks first
        var w = upper
        if w < tokens.count, tokens[w].kind == .mark, tokens[w].mark == 0x2C { w += 1 }
        if w < tokens.count, tokens[w].kind == .word, tokens[w].hash == Self.when {
            var k = w + 1
            while k < tokens.count && k <= w + 8 && !isClauseBreak(k) {
                if let t = cue(at: k) { return t }
                k += 1
            }
        }
        var i = lower - 1
        var infinitive: Int?
        // a form that a modal further back may govern: `will take effect … and expire on`, `will apply to
        // goods shipped from`; it holds only when nothing further back says `will`
        var weak: Tense?
        while i >= 0 && i >= lower - (infinitive == nil ? 16 : 28) {
            if isClauseBreak(i) { break }
            // `the FTA, which took effect in 2008, from April 25`: a relative clause between commas dates itself
            if i < lower - 1, tokens[i].kind == .mark, tokens[i].mark == 0x2C, let skip = tokens.relativeClauseStart(endingAt: i) {
                i = skip - 1
                continue
            }
            // `said talks on Monday would …`: a verb of saying further back frames another clause
            if lower - i > 2, tokens[i].kind == .word, Self.reporting.contains(tokens[i].hash) { break }
            if let t = cue(at: i) {
                if weak != nil {
                    if t == .future, tokens[i].kind == .word, Self.modals.contains(tokens[i].hash) || Self.futureAuxiliaries.contains(tokens[i].hash) {
                        return .future
                    }
                    i -= 1
                    continue
                }
                if infinitive == nil, isGovernable(i, t, startsFrom: lower > 0 && Self.onwards.contains(tokens[lower - 1].hash)) {
                    weak = t
                    i -= 1
                    continue
                }
                // `urged officials to launch the case in June`: an infinitive takes its time from the finite verb
                // that governs it, when that verb tells of the past and does not look ahead (`agreed to`)
                if infinitive == nil, t == .future, isInfinitive(i) {
                    infinitive = i
                    i -= 1
                    continue
                }
                if infinitive != nil {
                    return t == .past && !Self.committing.contains(tokens[i].hash) ? .past : .future
                }
                return t
            }
            i -= 1
        }
        if infinitive != nil { return .future }
        if let weak { return weak }
        i = upper
        while i < tokens.count && i < upper + 12 {
            if isClauseBreak(i) { break }
            // `… starting April 1, the Commission said on Monday`: the report's tense is not the event's
            if tokens[i].kind == .word, Self.reporting.contains(tokens[i].hash) { break }
            if let t = cue(at: i) { return t }
            i += 1
        }
        return .unmarked
    }

    /// A bare plural present (`expire`) or a participle with no auxiliary right after a noun (`goods shipped`):
    /// a modal further back in the clause may govern it.
    private func isGovernable(_ i: Int, _ t: Tense, startsFrom: Bool) -> Bool {
        guard tokens[i].kind == .word, i > 0 else { return false }
        if t == .present { return Self.bareForms.contains(tokens[i].hash) && tokens[i - 1].hash != W.to }
        // `the agreement reached in January` keeps its own past; `goods shipped from November 15` under `will
        // apply` is a rule for shipments from then on
        guard t == .past, startsFrom, tokens[i - 1].kind == .word, !tokens[i - 1].capitalized else { return false }
        let previous = tokens[i - 1].hash
        return Self.auxiliaries[previous] == nil && Self.cues[previous] == nil && !Self.pronouns.contains(previous)
            && (bytes[tokens[i].end - 1] | 0x20 == 0x64 || Self.participles.contains(tokens[i].hash))
    }

    private static let onwards: WordTable<Bool> = WordTable(set: ["from", "starting", "after", "beginning"].map(TimexTokenizer.hash))
    private static let bareForms: WordTable<Bool> = WordTable(set:
        ["begin", "start", "open", "run", "expire", "resume", "close", "lapse", "convene", "apply", "kick", "take", "meet",
         "hold", "come", "go", "arrive", "enter"].map(TimexTokenizer.hash))
    private static let futureAuxiliaries: WordTable<Bool> = WordTable(set:
        ["will", "ll", "shall", "going", "scheduled", "expected", "due", "slated"].map(TimexTokenizer.hash))
    private static let pronouns: WordTable<Bool> = WordTable(set:
        ["he", "she", "it", "they", "we", "i", "you", "who", "which", "that"].map(TimexTokenizer.hash))

    /// A verb right after `to` (`to launch`), read as the future by `cue(at:)`.
    private func isInfinitive(_ i: Int) -> Bool {
        i > 0 && tokens[i - 1].kind == .word && tokens[i - 1].hash == W.to && !Self.beforeTo.contains(tokens[i].hash)
            && Self.cues[tokens[i].hash] == nil
    }

    /// Past verbs whose infinitive looks ahead: `agreed to meet on Friday` is a later Friday.
    private static let committing: WordTable<Bool> = WordTable(set:
        ["agreed", "decided", "promised", "pledged", "vowed", "planned", "threatened", "voted", "scheduled", "expected",
         "set", "aimed", "hoped", "wanted", "intended", "sought", "prepared", "offered", "chose", "resolved",
         "undertook", "committed", "arranged", "is", "are", "will", "would"].map(TimexTokenizer.hash))

    private func isClauseBreak(_ i: Int) -> Bool {
        let t = tokens[i]
        return tokens.isClauseBreak(i) || t.kind == .mark && t.mark == 0x22
    }

    /// The tense one word signals, if any.
    func cue(at i: Int) -> Tense? {
        let token = tokens[i]
        // capitalised words are names and months (`May`), not auxiliaries
        guard token.kind == .word, !token.capitalized || i == 0 else { return nil }
        if Self.beforeTo.contains(token.hash) {  // `set to`, `plans to`; `the plan` says nothing
            return i + 1 < tokens.count && tokens[i + 1].hash == W.to ? .future : nil
        }
        // `would have snapped back`, `could have met`: a modal with a perfect looks back
        if Self.modals.contains(token.hash), i + 1 < tokens.count, tokens[i + 1].kind == .word, tokens[i + 1].hash == Self.have {
            return .past
        }
        // `more than expected`, `as forecast`: a comparison with a forecast, not a look ahead
        if i > 0, Self.forecasts.contains(token.hash), tokens[i - 1].kind == .word,
            tokens[i - 1].hash == Self.than || tokens[i - 1].hash == Self.asWord
        {
            return nil
        }
        if let t = Self.cues[token.hash] {
            // `set to begin`: the plural present after `to` is an infinitive
            if t == .present, i > 0, tokens[i - 1].kind == .word, tokens[i - 1].hash == W.to { return .future }
            guard t == .past, Self.participles.contains(token.hash) else { return t }
            return auxiliary(before: i) ?? .past  // `being held`, `will be met`
        }
        // `to impose … starting November 1`: an infinitive looks ahead
        if i > 0, tokens[i - 1].kind == .word, tokens[i - 1].hash == W.to, !Self.determiners.contains(token.hash) {
            return .future
        }
        // regular past tense or participle: `announced`, `imposed`; passives take their auxiliary's tense
        let n = token.end - token.start
        guard n >= 5, bytes[token.end - 1] | 0x20 == 0x64, bytes[token.end - 2] | 0x20 == 0x65,
            bytes[token.end - 3] | 0x20 != 0x65
        else { return nil }
        if Self.forwardParticiples.contains(token.hash) { return .future }
        return auxiliary(before: i) ?? .past
    }

    /// The tense of the auxiliary up to three words before a participle, if any.
    private func auxiliary(before i: Int) -> Tense? {
        var k = i - 1
        while k >= 0 && k >= i - 3 {
            if tokens[k].kind == .word, !tokens[k].capitalized || k == 0, let aux = Self.auxiliaries[tokens[k].hash] {
                return aux
            }
            k -= 1
        }
        return nil
    }

    private static let cues: WordTable<Tense> = {
        var t: [(UInt64, Tense)] = []
        for w in [
            "will", "ll", "shall", "would", "could", "might", "should", "must", "may", "going", "scheduled",
            "expected", "due", "slated", "planning", "poised", "upcoming", "ahead", "tomorrow",
            "next", "coming", "intends", "aims", "hopes", "seeks", "wants", "threatens", "vows", "pledges",
        ] {
            t.append((TimexTokenizer.hash(w), .future))
        }
        for w in [
            "was", "were", "had", "did", "been", "ago", "last", "yesterday", "since", "began", "begun", "took",
            "came", "went", "met", "held", "said", "told", "made", "gave", "saw", "bought", "sold", "rose", "fell",
            "hit", "won", "lost", "left", "led", "spoke", "wrote", "brought", "paid", "struck", "sent", "grew",
            "got", "earlier", "previously", "former", "ran", "became", "thought", "felt", "kept", "built", "drove",
            "chose", "broke", "froze", "spent", "stood", "meant",
        ] {
            t.append((TimexTokenizer.hash(w), .past))
        }
        // the present of scheduled events: `the truce expires on Thursday`
        for w in [
            "is", "are", "am", "expires", "begins", "starts", "opens", "ends", "runs", "meets", "takes", "kicks",
            "resumes", "arrives", "visits", "closes", "lapses", "comes", "convenes", "applies", "goes",
            // plural subjects: `talks begin on Monday`, `the tariffs take effect on Monday`
            "begin", "start", "open", "run", "expire", "resume", "close", "lapse", "convene", "apply", "kick", "take",
            "meet", "hold", "enter",
        ] {
            t.append((TimexTokenizer.hash(w), .present))
        }
        return WordTable(t)
    }()

    private static let modals: WordTable<Bool> = WordTable(set:
        ["would", "could", "should", "might", "may", "must"].map(TimexTokenizer.hash))
    private static let have = TimexTokenizer.hash("have")
    private static let than = TimexTokenizer.hash("than")
    private static let asWord = TimexTokenizer.hash("as")
    private static let forecasts: WordTable<Bool> = WordTable(set:
        ["expected", "anticipated", "forecast", "predicted", "estimated", "projected", "planned", "scheduled"].map(TimexTokenizer.hash))
    private static let when = TimexTokenizer.hash("when")

    /// Verbs of saying that frame a report (`…, officials said`): they tell when something was said, not when
    /// it happens. `announced` and `warned` usually take an object and are events themselves.
    static let reporting: WordTable<Bool> = WordTable(set:
        ["said", "says", "told", "added", "stated", "noted", "wrote", "tweeted", "according"].map(TimexTokenizer.hash))

    private static let beforeTo: WordTable<Bool> = WordTable(set: ["set", "plan", "plans"].map(TimexTokenizer.hash))

    /// Irregular past forms that are also participles: their auxiliary decides (`is being held`).
    private static let participles: WordTable<Bool> = WordTable(set: 
        ["held", "met", "made", "built", "sent", "paid", "brought", "kept", "hit", "cut", "led", "sold", "bought", "begun",
         "spent", "struck", "won", "lost", "left", "told", "said", "given", "taken", "seen"].map(TimexTokenizer.hash))

    /// Words after `to` that are not verbs: `to the`, `to its`.
    private static let determiners: WordTable<Bool> = WordTable(set: 
        ["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "be", "been", "date",
         "some", "all", "more", "about", "around", "and"].map(TimexTokenizer.hash))

    /// Participles that look ahead: `expected on Friday`, `planned for next week`.
    private static let forwardParticiples: WordTable<Bool> = WordTable(set: 
        [
            "expected", "scheduled", "planned", "slated", "proposed", "poised", "supposed", "intended",
            "anticipated", "rescheduled", "postponed", "delayed", "pushed", "deferred",
        ].map(TimexTokenizer.hash))

    /// Auxiliaries before a participle: `will be imposed` is future, `has been imposed` past.
    private static let auxiliaries: WordTable<Tense> = {
        var t: [(UInt64, Tense)] = []
        // not `to`: in `the ambassador to Venezuela said` it is a preposition, and `to be held` has its `be`
        for w in ["will", "ll", "be", "shall", "would", "could", "might", "may", "must", "should"] {
            t.append((TimexTokenizer.hash(w), .future))
        }
        for w in ["was", "were", "has", "have", "had", "been"] { t.append((TimexTokenizer.hash(w), .past)) }
        for w in ["is", "are", "am", "being"] { t.append((TimexTokenizer.hash(w), .present)) }
        return WordTable(t)
    }()
}
