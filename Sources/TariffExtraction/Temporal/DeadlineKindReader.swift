/// Decides what a date commits to (takes effect, expires, a meeting, a due date) from the words around it.
///
/// A trigger right before the date (`starting`, `until`, `by`) decides first; otherwise the nearest
/// event word in the clause does (`the summit next Thursday`, `set to take effect December 1`).
struct DeadlineKindReader {
    let tokens: TimexTokens
    /// `tables`, which the tagger and the deadline finder read once per document and give every reader they make:
    /// read per question through the lazy global, it cost a `swift_once` call each (one or two per date).
    private let tables: UnsafePointer<Tables>

    init(tokens: TimexTokens, tables: UnsafePointer<Tables> = DeadlineKindReader.tables) {
        self.tokens = tokens
        self.tables = tables
    }

    /// The kind for the date at tokens `lower..<upper`, and the index of the word that decided it.
    /// True when the date is when something was said (`said on Thursday`, `announced Monday`): no event.
    func isStatementDate(_ lower: Int, _ upper: Int) -> Bool {
        // the tables read in place: a copy of them (some 300 bytes) was a `memcpy` per question
        let t = tables
        // `officials on Wednesday described it as…`, `the ministry on Monday announced…`
        if upper < tokens.count, tokens[upper].kind == .word, !tokens[upper].capitalized,
            t.pointee.datesStatement(tokens[upper].hash) || tokens[upper].hash == t.pointee.described
        {
            return true
        }
        var k = lower - 1
        // `told reporters on Wednesday`, `said in a statement on Monday`
        // `said privately on Thursday`: an adverb of manner between the verb and its day
        // (the three lists' bits first: the word that stops the walk, nearly always in none of them, is turned away in
        // one test where it took a probe of each)
        while k >= 0, tokens[k].kind == .word,
            t.pointee.walkedBits.mayHold(tokens[k].hash)
                && (t.pointee.skippable.contains(tokens[k].hash) || t.pointee.audience.contains(tokens[k].hash)
                    || isMannerAdverb(k, t))
                || isAudienceModifier(k, before: lower, t), lower - k <= 6
        {
            k -= 1
        }
        return k >= 0 && tokens[k].kind == .word && t.pointee.datesStatement(tokens[k].hash) && !Self.isPassiveAhead(tokens, k)
    }

    /// The tables `isStatementDate`, `triggerKind` and `eventKind` read, in one lazy global: the tagger asks the first of
    /// every expression, and each table read through a lazy global of its own paid a `swift_once` (five a question
    /// on average).
    struct Tables {
        fileprivate let skippable = DeadlineKindReader.skippable, audience = DeadlineKindReader.audience
        fileprivate let manner = DeadlineKindReader.manner, articles = DeadlineKindReader.articles
        fileprivate let reporting = ClauseLexicon.reporting
        fileprivate let described = DeadlineKindReader.described
        /// The keys of `skippable`, `audience` and `manner`, the words `isStatementDate` walks back over.
        fileprivate let walkedBits = DeadlineKindReader.skippable.keyBits(with: DeadlineKindReader.audience, DeadlineKindReader.manner)
        fileprivate let triggers = DeadlineKindReader.triggers, cues = DeadlineKindReader.cues
        /// `cues`' keys: `eventKind` asks them of every token it passes, of which nearly none is a cue.
        fileprivate let cueBits = DeadlineKindReader.cues.keyBits()
        fileprivate let asHash = DeadlineKindReader.asHash, andHash = DeadlineKindReader.andHash
        fileprivate let nowHash = DeadlineKindReader.nowHash, betweenHash = DeadlineKindReader.betweenHash
        fileprivate let places = DeadlineKindReader.places, appositiveOpeners = DeadlineKindReader.appositiveOpeners

        /// `ClauseLexicon.reports(_:.datesStatement)`.
        @inline(__always)
        fileprivate func datesStatement(_ hash: UInt64) -> Bool {
            reporting.reports(hash, .datesStatement)
        }
    }

    /// Made once and never freed, like the tables it holds (`WordTable`): read through the pointer, in place.
    nonisolated(unsafe) static let tables = ProcessLifetime.pointer(to: Tables())

    /// `will be published`, `is to be announced`, `would be released`: a passive verb of announcing under a future
    /// names an event still ahead, not when something was said.
    static func isPassiveAhead(_ tokens: TimexTokens, _ verb: Int) -> Bool {
        guard verb >= 2, tokens[verb - 1].kind == .word, tokens[verb - 1].hash == be, tokens[verb - 2].kind == .word
        else { return false }
        return futureMarkers.contains(tokens[verb - 2].hash)
    }

    static let be: UInt64 = 0x0278_25be_7246_c963  // "be"
    private static let futureMarkers: WordTable<Bool> = WordTable(set:
        ["will", "shall", "would", "to", "ll"].map(TimexTokenizer.hash))

    /// How something was said (`said privately on Thursday`, `announced formally Monday`).
    private func isMannerAdverb(_ k: Int, _ t: UnsafePointer<Tables>) -> Bool {
        !tokens[k].capitalized && t.pointee.manner.contains(tokens[k].hash)
    }

    /// `said at a regular news briefing today`, `said at a joint press conference on Monday`: a word in lower case
    /// right before the place where something was said describes that place.
    private func isAudienceModifier(_ k: Int, before lower: Int, _ t: UnsafePointer<Tables>) -> Bool {
        k + 1 < lower && !tokens[k].capitalized && tokens[k + 1].kind == .word && t.pointee.walkedBits.mayHold(tokens[k + 1].hash)
            && t.pointee.audience.contains(tokens[k + 1].hash)
            && !t.pointee.articles.contains(tokens[k + 1].hash) && !t.pointee.datesStatement(tokens[k].hash)
    }

    private static let articles: WordTable<Bool> = WordTable(set: ["a", "an"].map(TimexTokenizer.hash))

    private static let manner: WordTable<Bool> = WordTable(set:
        ["privately", "publicly", "separately", "formally", "officially", "informally", "jointly", "repeatedly",
         "again", "also", "quietly", "reportedly", "late", "openly", "earlier", "separately", "briefly", "first"]
            .map(TimexTokenizer.hash))

    /// Who or where something is said to, between a verb of saying and its date.
    private static let audience: WordTable<Bool> = WordTable(set:
        ["reporters", "journalists", "a", "statement", "interview", "briefing", "news", "conference", "press",
         "him", "her", "them", "lawmakers", "parliament", "television", "radio", "post", "letter", "an", "editorial",
         "speech", "remarks", "address", "communique"].map(TimexTokenizer.hash))

    /// The kind the word right before the date gives (past `on`, `the`, `at least`), or nil when it gives none and
    /// the clause's event words decide (`eventKind`). Apart from that walk so that its caller, the deadline finder,
    /// walks only clauses where it can find something (`DeadlineGate.ClauseWords.holdsEventWord`).
    func triggerKind(_ lower: Int, _ upper: Int, isRange: Bool) -> (kind: DeadlineKind, cue: Int?)? {
        var k = lower - 1
        // the tables read in place
        let t = tables
        while k >= 0, tokens[k].kind == .word, t.pointee.skippable.contains(tokens[k].hash) { k -= 1 }
        if k >= 0, tokens[k].kind == .word {
            let h = tokens[k].hash
            if let trigger = t.pointee.triggers[h], !(isRange && h == W.from) { return (trigger, k) }
            // `said on Thursday`: the date of a statement, not of an event
            if t.pointee.reporting.reports(h, .datesStatement) { return (.other, nil) }
            if h == W.of, k > 0, tokens[k - 1].hash == t.pointee.asHash { return (.effective, k) }  // as of
            // `between now and Feb. 10`: until then
            if h == t.pointee.andHash, k >= 2, tokens[k - 1].hash == t.pointee.nowHash, tokens[k - 2].hash == t.pointee.betweenHash {
                return (.expiry, k)
            }
        }
        return nil
    }

    /// The kind the clause's nearest event word gives, whatever word introduces the date: `the FTA gets
    /// effective before the end of the year` is an entry into force, though `before` makes it a due date.
    func eventKind(_ lower: Int, _ upper: Int) -> (kind: DeadlineKind, cue: Int?) {
        var best: (kind: DeadlineKind, cue: Int?, distance: Int) = (.other, nil, Int.max)
        let cues = tables.pointee.cues, cueBits = tables.pointee.cueBits
        var i = lower - 1
        var skipped = 0
        // each token's cue looked up first, whatever its kind: numbers and marks have the hash 0, which is no
        // word's, so only marks go on to the boundary and comma tests (a word-or-mark test first came at random);
        // its bit before it, which turns nearly every other word away in one load
        while i >= 0 && lower - i - skipped <= 14 {
            if cueBits.mayHold(tokens[i].hash), let kind = cues[tokens[i].hash], tokens[i].kind == .word, !namesAPlace(i) {
                best = (kind, i, lower - i - skipped)
                break
            }
            if tokens[i].kind == .mark {
                if isBoundary(i) { break }
                if i < lower - 1, tokens[i].mark == 0x2C, let skip = tokens.relativeClauseStart(endingAt: i) {
                    skipped += i - skip + 1
                    i = skip - 1
                    continue
                }
            }
            i -= 1
        }
        i = upper
        // a cue after the date must be clearly nearer: `the meeting, held October 20 to 22, ended …`
        while i < tokens.count && i - upper + 3 < min(best.distance, 14) {
            if cueBits.mayHold(tokens[i].hash), let kind = cues[tokens[i].hash], tokens[i].kind == .word {
                best = (kind, i, i - upper + 3)
                break
            }
            if tokens[i].kind == .mark, isBoundary(i) || isAppositiveComma(i) { break }
            i += 1
        }
        return (best.kind, best.cue)
    }

    /// `the main hearing room`, `the conference hall`: an event word naming a place where events are held.
    private func namesAPlace(_ i: Int) -> Bool {
        i + 1 < tokens.count && tokens[i + 1].kind == .word && tables.pointee.places.contains(tokens[i + 1].hash)
    }

    private static let places: WordTable<Bool> = WordTable(set:
        ["room", "rooms", "hall", "halls", "venue", "venues", "centre", "center", "building", "chamber"].map(TimexTokenizer.hash))

    /// `… to 25 percent on Friday, a surprise move that threatens to derail talks`: a comma that opens a phrase about
    /// the whole clause (`, a move`, `, which`) ends what the date's own clause says.
    private func isAppositiveComma(_ i: Int) -> Bool {
        guard tokens[i].mark == 0x2C, i + 1 < tokens.count, tokens[i + 1].kind == .word else { return false }
        return tables.pointee.appositiveOpeners.contains(tokens[i + 1].hash)
    }

    private static let appositiveOpeners: WordTable<Bool> = WordTable(set: ["a", "an", "which"].map(TimexTokenizer.hash))

    @inline(__always)
    private func isBoundary(_ i: Int) -> Bool {
        tokens.isClauseBreak(i)
    }

    static let asHash: UInt64 = 0xb622_c22d_6308_1633  // "as"
    static let andHash: UInt64 = 0xdd34_de19_58a0_1f4a  // "and"
    static let nowHash: UInt64 = 0xf455_c34f_85f2_b936  // "now"
    static let betweenHash: UInt64 = 0x6a0f_f430_d3ee_3088  // "between"
    static let described: UInt64 = 0xce32_0b31_09cb_fa9f  // "described"

    /// Words between a trigger and its date: `starting on the`, `until at least`.
    private static let skippable: WordTable<Bool> = WordTable(set: ["on", "the", "at", "least", "in", "early", "mid", "late"].map(TimexTokenizer.hash))

    private static let triggers: WordTable<DeadlineKind> = {
        var t: [(UInt64, DeadlineKind)] = []
        for w in ["starting", "from", "effective", "beginning", "commencing"] { t.append((TimexTokenizer.hash(w), .effective)) }
        for w in ["until", "till", "through", "thru", "expires", "expiring", "expire"] { t.append((TimexTokenizer.hash(w), .expiry)) }
        for w in ["by", "before", "than", "deadline", "due", "within"] { t.append((TimexTokenizer.hash(w), .deadline)) }
        return WordTable(t)
    }()

    /// Words that name what happens on a date.
    static let cues: WordTable<DeadlineKind> =
        WordTable(cueLists.flatMap { list in list.words.map { (TimexTokenizer.hash($0), list.kind) } })

    /// `cues`' words by the kind they name (`DeadlineGate` marks them in its lexicon too).
    static let cueLists: [(kind: DeadlineKind, words: [String])] = [
        (
            .effective,
            [
                "effect", "effective", "start", "starts", "starting", "begin", "begins", "beginning", "kick", "kicks",
                "implementation", "implement", "implemented", "began", "started", "kicked", "entered", "enter", "enters", "force", "commence", "commences",
                "apply", "applies", "launch", "launches", "rollout",
            ]
        ),
        (
            .expiry,
            [
                "expire", "expires", "expiring", "expiry", "expiration", "lapse", "lapses", "truce", "pause", "paused",
                "suspension", "suspended", "reprieve", "ceasefire", "moratorium", "until", "through", "end", "ends", "ending", "ended", "expired", "lapsed",
            ]
        ),
        (
            .meeting,
            [
                "talks", "summit", "summits", "meeting", "meetings", "meet", "meets", "visit", "visits", "hearing",
                "hearings", "vote", "votes", "voting", "voted", "session", "sessions", "forum", "conference", "negotiations",
                "negotiate", "discussions", "gathering", "gather", "met", "ministerial", "round", "sit", "dialogue", "call",
                "debate", "debates", "debated", "expo", "exhibition", "host", "hosts", "hosting",
            ]
        ),
        (
            .deadline,
            [
                "deadline", "deadlines", "due", "ultimatum", "comment", "comments", "submit", "submission",
                "submissions", "filing", "respond", "consultation", "consultations",
            ]
        ),
    ]

    /// Event words that are nouns: the subject is the noun phrase they head (`the APEC summit`).
    static let nounCues: WordTable<Bool> = WordTable(set: nounCueWords.map(TimexTokenizer.hash))

    /// The kind each event noun names (`cues` of a word in `nounCues`): one probe where a reader wants both.
    static let nounCueKinds: WordTable<DeadlineKind> = WordTable(
        nounCueWords.map(TimexTokenizer.hash).compactMap { h in cues[h].map { (h, $0) } })

    private static let nounCueWords = [
        "truce", "pause", "suspension", "reprieve", "ceasefire", "moratorium", "talks", "summit", "summits",
        "meeting", "meetings", "hearing", "hearings", "vote", "session", "sessions", "forum", "conference",
        "negotiations", "discussions", "gathering", "ministerial", "round", "dialogue", "deadline", "ultimatum",
        "implementation", "rollout", "call", "consultation", "consultations",
    ]
}
