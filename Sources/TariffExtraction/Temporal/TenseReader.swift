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
    let tokens: TimexTokens
    /// Every word list below in one table, read once per reader: through a lazy global per list, each look-up
    /// paid a `swift_once` (a tenth of the reader's instructions).
    private let words = TenseReader.vocabulary

    init(bytes: [UInt8], tokens: TimexTokens) {
        self.bytes = bytes
        self.tokens = tokens
    }

    /// The tense governing tokens `lower..<upper` (a date expression), or `.unmarked` when nothing says.
    func tense(around lower: Int, _ upper: Int) -> Tense {
        // `… from April, when Washington hit Beijing …`: a clause describing the date itself speaks first
        var w = upper
        if w < tokens.count, tokens[w].kind == .mark, tokens[w].mark == 0x2C { w += 1 }
        if w < tokens.count, tokens[w].kind == .word, lists(w).contains(.when) {
            var k = w + 1
            while k < tokens.count && k <= w + 8 && !isClauseBreak(k) {
                if let t = cue(at: k) { return t }
                k += 1
            }
        }
        // `the State Department on Sunday issued a warning`: a past verb right after the date is the date's own
        if upper < tokens.count, tokens[upper].kind == .word, cue(at: upper) == .past, !lists(upper).contains(.participle) {
            return .past
        }
        // `Mexico's government on Wednesday proposed raising tariffs`: a participle that looks ahead (`expected to`,
        // `planned for`) is a finite past verb when its object, not a preposition, follows
        if upper + 1 < tokens.count, tokens[upper].kind == .word, !tokens[upper].capitalized, lists(upper).contains(.forwardParticiple),
            tokens[upper + 1].kind == .word, !Self.destinations.contains(tokens[upper + 1].hash),
            tokens[upper + 1].hash != W.in_, tokens[upper + 1].hash != W.on, tokens[upper + 1].hash != W.at
        {
            return .past
        }
        var i = lower - 1
        var infinitive: Int?
        // a form that a modal further back may govern: `will take effect … and expire on`, `will apply to
        // goods shipped from`; it holds only when nothing further back says `will`
        var weak: Tense?
        // (a governed form looks as far back as an infinitive for its modal: `will double its duty on imported steel
        // to 30% from 15% starting March 1`)
        while i >= 0 && i >= lower - (infinitive == nil && weak == nil ? 16 : 28) {
            if isClauseBreak(i) { break }
            // `the FTA, which took effect in 2008, from April 25`: a relative clause between commas dates itself
            if i < lower - 1, tokens[i].kind == .mark, tokens[i].mark == 0x2C, let skip = tokens.relativeClauseStart(endingAt: i) {
                i = skip - 1
                continue
            }
            guard tokens[i].kind == .word else {
                i -= 1
                continue
            }
            // the word's entry read once for both tests below
            let entry = words[tokens[i].hash]
            // `said talks on Monday would …`: a verb of saying further back frames another clause
            if lower - i > 2, entry?.lists.contains(.framesTense) == true { break }
            if mayCue(i), mayHaveCue(i, entry), let t = cue(at: i) {
                if weak != nil {
                    if t == .future, tokens[i].kind == .word, !lists(i).isDisjoint(with: [.modal, .futureAuxiliary]) {
                        return .future
                    }
                    i -= 1
                    continue
                }
                if infinitive == nil, isGovernable(i, t, startsFrom: lower > 0 && lists(lower - 1).contains(.onwards)) {
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
                    // `urged the government to announce a package before September 30`: a limit set for what is asked
                    // lies ahead whatever the asking's tense
                    return t == .past && !lists(i).contains(.committing) && !tokens.isLimitWord(lower - 1) ? .past : .future
                }
                return t
            }
            i -= 1
        }
        if infinitive != nil { return .future }
        if let weak { return weak }
        i = upper
        var pastComma = false
        while i < tokens.count && i < upper + 12 {
            if isClauseBreak(i) { break }
            // `… starting April 1, the Commission said on Monday`: the report's tense is not the event's
            guard tokens[i].kind == .word else {
                if tokens[i].kind == .mark, tokens[i].mark == 0x2C { pastComma = true }
                i += 1
                continue
            }
            let entry = words[tokens[i].hash]
            if entry?.lists.contains(.framesTense) == true { break }
            // `… starting Sunday, the minister announced Friday`: past a comma, an announcement is the report too
            if pastComma, entry?.lists.contains(.datesStatement) == true { break }
            if mayCue(i), mayHaveCue(i, entry), let t = cue(at: i) { return t }
            i += 1
        }
        return openingAfterPhrase(lower, upper) ?? .unmarked
    }

    /// `After touring the capital Thursday and meeting police leaders Friday morning, the chief said …`: a date in a
    /// sentence-opening `after` phrase with no verb of its own happened before the main clause's event, so it takes
    /// that clause's tense (the first cue past the phrase's comma, a verb of saying included).
    private func openingAfterPhrase(_ lower: Int, _ upper: Int) -> Tense? {
        guard lower > 0, tokens[0].kind == .word, tokens[0].hash == W.after else { return nil }
        for k in 1..<lower where tokens[k].kind == .mark && (tokens[k].mark == 0x2C || isClauseBreak(k)) { return nil }
        var i = upper
        while i < tokens.count && i < upper + 12, !(tokens[i].kind == .mark && tokens[i].mark == 0x2C) {
            if isClauseBreak(i) { return nil }
            i += 1
        }
        guard i < tokens.count, tokens[i].kind == .mark, tokens[i].mark == 0x2C else { return nil }
        var k = i + 1
        while k < tokens.count && k <= i + 12 && !isClauseBreak(k) {
            if let t = cue(at: k) { return t }
            k += 1
        }
        return nil
    }

    /// A bare plural present (`expire`) or a participle with no auxiliary right after a noun (`goods shipped`):
    /// a modal further back in the clause may govern it.
    private func isGovernable(_ i: Int, _ t: Tense, startsFrom: Bool) -> Bool {
        guard tokens[i].kind == .word, i > 0 else { return false }
        if t == .present { return lists(i).contains(.bareForm) && tokens[i - 1].hash != W.to }
        // `the agreement reached in January` keeps its own past; `goods shipped from November 15` under `will
        // apply` is a rule for shipments from then on
        guard t == .past, startsFrom, tokens[i - 1].kind == .word, !tokens[i - 1].capitalized else { return false }
        let previous = words[tokens[i - 1].hash]
        return previous?.auxiliary == nil && previous?.cue == nil && !(previous?.lists.contains(.pronoun) ?? false)
            && (bytes[tokens[i].end - 1] | 0x20 == 0x64 || lists(i).contains(.participle))
    }

    private static let onwards = ["from", "starting", "after", "beginning"]
    private static let bareForms =
        ["begin", "start", "open", "run", "expire", "resume", "close", "lapse", "convene", "apply", "kick", "take", "meet",
         "hold", "come", "go", "arrive", "enter"]
    private static let futureAuxiliaries =
        ["will", "ll", "shall", "going", "scheduled", "expected", "due", "slated"]
    private static let pronouns =
        ["he", "she", "it", "they", "we", "i", "you", "who", "which", "that"]

    /// A verb right after `to` (`to launch`), read as the future by `cue(at:)`.
    private func isInfinitive(_ i: Int) -> Bool {
        guard i > 0, tokens[i - 1].hash == W.to, tokens[i - 1].kind == .word else { return false }
        let entry = words[tokens[i].hash]
        return !(entry?.lists.contains(.beforeTo) ?? false) && entry?.cue == nil
    }

    /// Past verbs whose infinitive looks ahead: `agreed to meet on Friday` is a later Friday.
    private static let committing =
        ["agreed", "decided", "promised", "pledged", "vowed", "planned", "threatened", "voted", "scheduled", "expected",
         "set", "aimed", "hoped", "wanted", "intended", "sought", "prepared", "offered", "chose", "resolved",
         "undertook", "committed", "arranged", "is", "are", "will", "would"]

    @inline(__always)
    private func isClauseBreak(_ i: Int) -> Bool {
        let t = tokens[i]
        return tokens.isClauseBreak(i) || t.kind == .mark && t.mark == 0x22
    }

    /// Whether `cue(at:)` may give token `i` a tense: a word, not capitalised unless it opens the sentence
    /// (capitalised words are names and months, `May`, not auxiliaries). The scans ask it first and call
    /// `cue(at:)` only then, since most tokens they pass are marks, numbers or names.
    @inline(__always)
    private func mayCue(_ i: Int) -> Bool {
        let token = tokens[i]
        return token.kind == .word && (!token.capitalized || i == 0 || isTitleCaseCue(i))
    }

    /// `Trump Says U.S. Will Raise Tariffs … Friday`: in a line in title case a capitalised auxiliary or cue is still
    /// one (`May` excepted: there it is as likely the month). Asked only of capitalised words the vocabulary gives a
    /// tense, so the line is counted only when one stands in a date's clause.
    private func isTitleCaseCue(_ i: Int) -> Bool {
        guard let entry = words[tokens[i].hash], entry.cue != nil || entry.auxiliary != nil,
            tokens[i].hash != Self.may
        else { return false }
        return tokens.isTitleCase
    }

    private static let may = TimexTokenizer.hash("may")

    /// Whether `cue(at:)` can give word `i`, whose vocabulary entry is `entry`, a tense: a word with a tense of its
    /// own, `set`/`plans` (before `to`) or a modal (before `have`), a word right after `to` (an infinitive), or a
    /// regular past form (five letters or more ending in `d`, a superset of its `-ed` test). The other lists only
    /// take a tense away (`the`, `expected` after `than`). Most words of a clause are none of these, and the scans ask
    /// it first with the entry they already read: calling `cue(at:)` for every word of a clause cost most of the reader.
    @inline(__always)
    private func mayHaveCue(_ i: Int, _ entry: TenseWord?) -> Bool {
        if let entry, entry.cue != nil || !entry.lists.isDisjoint(with: [.beforeTo, .modal]) { return true }
        let token = tokens[i]
        // the last letter first, then the length, then `to`'s hash before its kind: the test that is
        // nearly always false comes first, so the branch on it is predicted
        if bytes[token.end - 1] | 0x20 == 0x64, token.end - token.start >= 5 { return true }
        return i > 0 && tokens[i - 1].hash == W.to && tokens[i - 1].kind == .word
    }

    /// The tense one word signals, if any.
    ///
    /// The word's entry is read once: a probe per list asked about cost most of the reader, which asks every
    /// word of a date's clause.
    func cue(at i: Int) -> Tense? {
        guard mayCue(i) else { return nil }
        let token = tokens[i]
        // `hot-rolled steel`, `state-owned firms`, `long-held plans`: joined to a word by a hyphen it is an
        // adjective; after a prefix (`re-imposed`, `co-chaired`) it is still the verb
        if i > 1, !token.spaceBefore, tokens[i - 1].kind == .mark, tokens[i - 1].mark == 0x2D, !tokens[i - 1].spaceBefore,
            tokens[i - 2].kind == .word, !lists(i - 2).contains(.prefix)
        {
            return nil
        }
        let entry = words[token.hash]
        let own = entry?.lists ?? []
        let afterTo = i > 0 && tokens[i - 1].hash == W.to && tokens[i - 1].kind == .word
        if !own.isEmpty {
            if own.contains(.beforeTo) {  // `set to`, `plans to`; `the plan` says nothing
                return i + 1 < tokens.count && tokens[i + 1].hash == W.to ? .future : nil
            }
            // `would have snapped back`, `could have met`: a modal with a perfect looks back
            if own.contains(.modal), i + 1 < tokens.count, tokens[i + 1].kind == .word, lists(i + 1).contains(.have) {
                return .past
            }
            // `more than expected`, `as forecast`: a comparison with a forecast, not a look ahead
            if i > 0, own.contains(.forecast), tokens[i - 1].kind == .word, !lists(i - 1).isDisjoint(with: [.than, .asWord]) {
                return nil
            }
            // `next to the embassy` is a place
            if own.contains(.next), i + 1 < tokens.count, tokens[i + 1].kind == .word, tokens[i + 1].hash == W.to {
                return nil
            }
        }
        if let t = entry?.cue {
            // `the close of business`, `Friday's close`, `its opening`: after a determiner a present form is a noun
            if t == .present, isAfterDeterminer(i) { return nil }
            // `set to begin`: the plural present after `to` is an infinitive
            if t == .present, afterTo { return .future }
            guard t == .past, own.contains(.participle) else { return t }
            return auxiliary(before: i) ?? .past  // `being held`, `will be met`
        }
        // `to impose … starting November 1`: an infinitive looks ahead
        if afterTo, !own.contains(.determiner) {
            return .future
        }
        // regular past tense or participle: `announced`, `imposed`; passives take their auxiliary's tense
        let n = token.end - token.start
        guard n >= 5, bytes[token.end - 1] | 0x20 == 0x64, bytes[token.end - 2] | 0x20 == 0x65,
            bytes[token.end - 3] | 0x20 != 0x65
        else { return nil }
        // `pushed back to August`, `postponed the vote until May` look ahead to the new date; `pushed out of the talks
        // in February`, `postponed on Friday` tell when the moving happened
        if own.contains(.forwardParticiple), !own.contains(.moving) || hasDestination(after: i) { return .future }
        return auxiliary(before: i) ?? .past
    }

    /// A word that sends a time somewhere (`to`, `until`, `back`, `from`) within a few words after a verb of moving a
    /// date, before any clause break.
    private func hasDestination(after i: Int) -> Bool {
        var k = i + 1
        while k < tokens.count && k <= i + 6 && !isClauseBreak(k) {
            if tokens[k].kind == .word, Self.destinations.contains(tokens[k].hash) { return true }
            k += 1
        }
        return false
    }

    private static let destinations: WordTable<Bool> = WordTable(
        set: ["to", "until", "till", "into", "back", "for", "from", "by", "off", "beyond", "past"]
            .map(TimexTokenizer.hash))

    /// The lists word `i` is on.
    @inline(__always)
    private func lists(_ i: Int) -> TenseWord.Lists {
        words[tokens[i].hash]?.lists ?? []
    }

    /// Token `i` follows `the`, `a`, `its`, … or a possessive `'s`.
    private func isAfterDeterminer(_ i: Int) -> Bool {
        guard i > 0 else { return false }
        let previous = tokens[i - 1]
        if previous.kind == .word, lists(i - 1).contains(.nounDeterminer) { return true }
        // `Friday's close`: the `s` after an apostrophe
        return i > 1 && previous.kind == .word && previous.hash == W.s && tokens[i - 2].kind == .mark && tokens[i - 2].mark == 0x27
    }

    private static let nounDeterminers =
        ["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "whose"]

    /// The tense of the auxiliary up to three words before a participle, if any.
    private func auxiliary(before i: Int) -> Tense? {
        var k = i - 1
        while k >= 0 && k >= i - 3 {
            if tokens[k].kind == .word, !tokens[k].capitalized || k == 0, let aux = words[tokens[k].hash]?.auxiliary {
                return aux
            }
            k -= 1
        }
        return nil
    }

    private static let cues: [(word: String, tense: Tense)] = {
        var t: [(word: String, tense: Tense)] = []
        for w in [
            "will", "ll", "shall", "would", "could", "might", "should", "must", "may", "going", "scheduled",
            "expected", "due", "slated", "planning", "poised", "upcoming", "ahead", "tomorrow",
            "next", "coming", "intends", "aims", "hopes", "seeks", "wants", "threatens", "vows", "pledges",
            // `payable Dec. 1`, `effective Feb. 1`: the date a payment or an appointment takes effect
            "payable", "effective",
        ] {
            t.append((w, .future))
        }
        for w in [
            "was", "were", "had", "did", "been", "ago", "last", "yesterday", "since", "began", "begun", "took",
            "came", "went", "met", "held", "said", "told", "made", "gave", "saw", "bought", "sold", "rose", "fell",
            "hit", "won", "lost", "left", "led", "spoke", "wrote", "brought", "paid", "struck", "sent", "grew",
            "got", "earlier", "previously", "former", "ran", "became", "thought", "felt", "kept", "built", "drove",
            "chose", "broke", "froze", "spent", "stood", "meant", "agreed",
        ] {
            t.append((w, .past))
        }
        // the present of scheduled events: `the truce expires on Thursday`
        for w in [
            "is", "are", "am", "expires", "begins", "starts", "opens", "ends", "runs", "meets", "takes", "kicks",
            "resumes", "arrives", "visits", "closes", "lapses", "comes", "convenes", "applies", "goes",
            // plural subjects: `talks begin on Monday`, `the tariffs take effect on Monday`
            "begin", "start", "open", "run", "expire", "resume", "close", "lapse", "convene", "apply", "kick", "take",
            "meet", "hold", "enter",
        ] {
            t.append((w, .present))
        }
        return t
    }()

    private static let prefixes =
        ["re", "co", "pre", "un", "de", "over", "under", "mis"]

    private static let modals =
        ["would", "could", "should", "might", "may", "must"]
    private static let forecasts =
        ["expected", "anticipated", "forecast", "predicted", "estimated", "projected", "planned", "scheduled"]

    private static let beforeTo = ["set", "plan", "plans"]

    /// Irregular past forms that are also participles: their auxiliary decides (`is being held`).
    private static let participles =
        ["held", "met", "made", "built", "sent", "paid", "brought", "kept", "hit", "cut", "led", "sold", "bought", "begun",
         "spent", "struck", "won", "lost", "left", "told", "said", "given", "taken", "seen"]

    /// Words after `to` that are not verbs: `to the`, `to its`.
    private static let determiners =
        ["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "be", "been", "date",
         "some", "all", "more", "about", "around", "and"]

    /// Participles that look ahead: `expected on Friday`, `planned for next week`.
    private static let forwardParticiples =
        [
            "expected", "scheduled", "planned", "slated", "proposed", "poised", "supposed", "intended",
            "anticipated", "rescheduled", "postponed", "delayed", "pushed", "deferred",
        ]

    /// Forward participles that move a date: they look ahead only toward where they move it.
    private static let moving = ["rescheduled", "postponed", "delayed", "pushed", "deferred"]

    /// Auxiliaries before a participle: `will be imposed` is future, `has been imposed` past.
    private static let auxiliaries: [(word: String, tense: Tense)] = {
        var t: [(word: String, tense: Tense)] = []
        // not `to`: in `the ambassador to Venezuela said` it is a preposition, and `to be held` has its `be`
        for w in ["will", "ll", "be", "shall", "would", "could", "might", "may", "must", "should"] {
            t.append((w, .future))
        }
        for w in ["was", "were", "has", "have", "had", "been"] { t.append((w, .past)) }
        for w in ["is", "are", "am", "being"] { t.append((w, .present)) }
        return t
    }()

    /// Every list's words, then the cues and the auxiliaries, as pairs merged as the table places them: a word on
    /// several lists is on all of them, and a word listed twice as a cue or an auxiliary keeps its last tense. Built
    /// in every process before its first article; folding the pairs through a dictionary first cost its type's first
    /// instantiation and a hash of every word, most of this table's cost.
    private static let vocabulary: WordTable<TenseWord> = {
        var pairs: [(UInt64, TenseWord)] = []
        func add(_ words: [String], _ list: TenseWord.Lists) {
            for w in words { pairs.append((TimexTokenizer.hash(w), TenseWord(lists: list))) }
        }
        add(onwards, .onwards)
        add(bareForms, .bareForm)
        add(futureAuxiliaries, .futureAuxiliary)
        add(pronouns, .pronoun)
        add(committing, .committing)
        add(nounDeterminers, .nounDeterminer)
        add(prefixes, .prefix)
        add(modals, .modal)
        add(forecasts, .forecast)
        add(beforeTo, .beforeTo)
        add(participles, .participle)
        add(determiners, .determiner)
        add(forwardParticiples, .forwardParticiple)
        add(moving, .moving)
        add(["next"], .next)
        add(["have"], .have)
        add(["than"], .than)
        add(["as"], .asWord)
        add(["when"], .when)
        add(ClauseLexicon.reportingWords(.framesTense), .framesTense)
        add(ClauseLexicon.reportingWords(.datesStatement), .datesStatement)
        for (w, tense) in cues { pairs.append((TimexTokenizer.hash(w), TenseWord(cue: tense))) }
        for (w, tense) in auxiliaries { pairs.append((TimexTokenizer.hash(w), TenseWord(auxiliary: tense))) }
        return WordTable(pairs) { old, new in
            TenseWord(cue: new.cue ?? old.cue, auxiliary: new.auxiliary ?? old.auxiliary, lists: old.lists.union(new.lists))
        }
    }()
}

/// What one word is to `TenseReader`: the tense it signals, the tense it gives a participle as an auxiliary,
/// and the lists it is on.
private struct TenseWord: Sendable {
    struct Lists: OptionSet, Sendable {
        let rawValue: UInt32
        static let onwards = Lists(rawValue: 1 << 0)
        static let bareForm = Lists(rawValue: 1 << 1)
        static let futureAuxiliary = Lists(rawValue: 1 << 2)
        static let pronoun = Lists(rawValue: 1 << 3)
        static let committing = Lists(rawValue: 1 << 4)
        static let nounDeterminer = Lists(rawValue: 1 << 5)
        static let prefix = Lists(rawValue: 1 << 6)
        static let modal = Lists(rawValue: 1 << 7)
        static let forecast = Lists(rawValue: 1 << 8)
        static let beforeTo = Lists(rawValue: 1 << 9)
        static let participle = Lists(rawValue: 1 << 10)
        static let determiner = Lists(rawValue: 1 << 11)
        static let forwardParticiple = Lists(rawValue: 1 << 12)
        static let next = Lists(rawValue: 1 << 13)
        static let have = Lists(rawValue: 1 << 14)
        static let than = Lists(rawValue: 1 << 15)
        static let asWord = Lists(rawValue: 1 << 16)
        static let when = Lists(rawValue: 1 << 17)
        /// A verb of saying that frames another clause's tense (`ClauseLexicon.reporting`).
        static let framesTense = Lists(rawValue: 1 << 18)
        /// A forward participle that moves a date (`postponed`): ahead only toward its destination.
        static let moving = Lists(rawValue: 1 << 19)
        /// A verb that dates a statement (`announced`, `said`): past a comma, the report of the clause before.
        static let datesStatement = Lists(rawValue: 1 << 20)
    }

    var cue: Tense?
    var auxiliary: Tense?
    var lists: Lists = []
}

