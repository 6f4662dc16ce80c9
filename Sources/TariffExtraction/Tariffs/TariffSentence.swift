/// One sentence prepared for tariff analysis: tokens, their word classes and the names in it.
///
/// Its fields (`Fields`) live in the token store its words were tokenized into, and the sentence is the store
/// and their address: every reader of the sentence (parties, status, products, time cues) holds it, and a copy
/// costs one retain (of the store), as the class it was did, but there is no object per sentence (its allocation,
/// and its freeing with the release of its bytes and store, cost some 400 instructions a sentence). Its words are
/// set once; its names are set once, in place, by `named()`, so every copy sees them. One extraction builds and
/// reads its sentences on one thread, and the names are written before any reader reads them.
struct TariffSentence: @unchecked Sendable {
    /// What a sentence holds, in its store (`TariffTokenizer.Store.keepSentence`), which releases `bytes` when it goes.
    struct Fields {
        let bytes: [UInt8]
        let index: Int
        let range: Range<Int>
        let tokens: UnsafeBufferPointer<TariffToken>
        let lexemes: UnsafeBufferPointer<TariffLexeme>
        let count: Int
        var mentions = Mentions()
        var isNamed = false
        var namesWhenAsked = false
        var foundNames = UnsafeBufferPointer<CountryGazetteer.Mention>(start: nil, count: 0)
        /// The fields kept in the store before these, for the store's deinit.
        var before: UnsafeMutablePointer<Fields>? = nil
        /// The sentence after this one in the `List` it was added to (nil when it is the last, or in none).
        var nextListed: UnsafeMutablePointer<Fields>? = nil
    }

    /// Holds `fields`, `tokens` and `lexemes`: the finder's for its article's sentences, else one of the sentence's own.
    private let store: TariffTokenizer.Store
    private let fields: UnsafeMutablePointer<Fields>

    /// Lent, not copied: a copy out of `fields` cost a retain and a release per read.
    var bytes: [UInt8] {
        _read { yield fields.pointee.bytes }
    }
    var index: Int { fields.pointee.index }
    var range: Range<Int> { fields.pointee.range }
    /// In `store`, as `lexemes` are: read by every rule, token by token.
    var tokens: UnsafeBufferPointer<TariffToken> { fields.pointee.tokens }
    /// In `store`, not an array: the readers test word classes some 40 times per token, and an array's
    /// subscript checked its own count again after every caller checked `count`.
    var lexemes: UnsafeBufferPointer<TariffLexeme> { fields.pointee.lexemes }
    /// `tokens.count`, stored: every word test reads it, and in long readers the compiler called
    /// `Array.count` out of line for each.
    var count: Int { fields.pointee.count }
    /// Empty until `named()`, which reads each one's `role` too; kept in `store`.
    var mentions: Mentions { fields.pointee.mentions }
    /// Whether `named()` has read the names: an empty `mentions` then means the sentence names no one.
    var isNamed: Bool { fields.pointee.isNamed }
    /// Read as a named sentence (a dated one: its start statement names sides) whose names are read only
    /// once `mention(at:)` asks for them; most such sentences are named by the reader anyway, and the
    /// others then cost no gazetteer and role pass.
    var namesWhenAsked: Bool {
        get { fields.pointee.namesWhenAsked }
        nonmutating set { fields.pointee.namesWhenAsked = newValue }
    }
    /// The gazetteer's names of a sentence `namesTwoParties()` found naming one party, roles not read; kept in
    /// `store`. Empty otherwise. A sentence named later (by the frame, or as the sentence before a rate) reads
    /// their roles from these without running the gazetteer over its tokens again.
    private var foundNames: UnsafeBufferPointer<CountryGazetteer.Mention> { fields.pointee.foundNames }

    /// The sentence with its tokens, word classes, named parties and their roles.
    static func named(_ bytes: [UInt8], index: Int, range: Range<Int>) -> TariffSentence {
        TariffSentence(wordsOf: bytes, index: index, range: range).named()
    }

    /// As `named(_:index:range:)`, tokenized into `store`: the finder's, shared by every sentence it builds.
    static func named(_ bytes: [UInt8], index: Int, range: Range<Int>, store: TariffTokenizer.Store) -> TariffSentence {
        TariffSentence(wordsOf: bytes, index: index, range: range, store: store).named()
    }

    /// Another sentence of the same bytes, with its names, tokenized into this one's store: a sentence built
    /// on demand beside one already read (the one before it) then costs no store of its own, an allocation
    /// of the store and of its block and their release.
    func namedSibling(index: Int, range: Range<Int>) -> TariffSentence {
        TariffSentence(wordsOf: bytes, index: index, range: range, store: store).named()
    }

    /// A sentence of `store` already built, from its fields (`List`).
    private init(store: TariffTokenizer.Store, fields: UnsafeMutablePointer<Fields>) {
        self.store = store
        self.fields = fields
    }

    /// Tokens and word classes only: enough to tell whether the sentence names a tariff at all.
    init(wordsOf bytes: [UInt8], index: Int, range: Range<Int>) {
        self.init(wordsOf: bytes, index: index, range: range, store: TariffTokenizer.Store(blockTokens: range.count))
    }

    /// As `init(wordsOf:index:range:)`, tokenized into `store` (the finder's, for all of an article's sentences).
    /// The store is borrowed and copied once into the sentence: taken owned (an initializer's default), the caller
    /// retained it to pass it and the initializer retained and released it again around `keepSentence`, three
    /// reference-count calls per sentence where one is needed.
    init(wordsOf bytes: [UInt8], index: Int, range: Range<Int>, store: borrowing TariffTokenizer.Store) {
        let (tokens, lexemes) = store.words(bytes, range)
        fields = store.keepSentence(bytes, index: index, range: range, tokens: tokens, lexemes: lexemes)
        self.store = copy store
    }

    /// This sentence with its named parties and their roles read (once); the reader needs them, the
    /// tariff-noun check does not.
    @discardableResult
    func named() -> TariffSentence {
        guard !isNamed else { return self }
        // found in the store's array (reused from sentence to sentence), then kept in the store
        store.withFoundMentions { found in
            if foundNames.isEmpty {
                CountryGazetteer.mentions(in: tokens, into: &found)
            } else {
                CountryGazetteer.empty(&found)
                found.append(contentsOf: foundNames)
            }
            keepNames(&found)
        }
        return self
    }

    /// Whether the sentence names two different parties, as a rate-less mention needs (one acts, another pays).
    /// Names the sentence when it does, or when it names no one; with one party, its names are not kept and no
    /// role is read (most sentences without a rate name one party or none, and their roles cost more than the gazetteer).
    func namesTwoParties() -> Bool {
        if isNamed { return mentions.contains { $0.code != mentions[0].code } }
        return store.withFoundMentions { found in
            CountryGazetteer.mentions(in: tokens, into: &found)
            guard let first = found.first else {
                // no name at all: named as such now, so the frame or the next sentence does not run the gazetteer again
                fields.pointee.mentions = Mentions()
                fields.pointee.isNamed = true
                return false
            }
            guard found.contains(where: { $0.code != first.code }) else {
                fields.pointee.foundNames = store.keep(found)
                return false
            }
            keepNames(&found)
            return true
        }
    }

    /// Reads the roles of the names `found` (the gazetteer's, in text order) and keeps them in the store as the
    /// sentence's names.
    private func keepNames(_ found: inout [CountryGazetteer.Mention]) {
        Self.mergeTitles(&found, tokens)
        if found.isEmpty {
            fields.pointee.mentions = Mentions()
        } else {
            // the roles are read on this sentence's words and the names beside them: no sentence in between.
            // Moved into the reader, which writes the roles into the mentions in place.
            var reader = PartyRoleReader(sentence: self, mentions: consume found)
            found = reader.withRoles()
            fields.pointee.mentions = Mentions(store.keep(found))
        }
        fields.pointee.isNamed = true
    }

    /// Some token is a tariff noun naming a measure; without one the reader finds no change.
    var hasTariffNoun: Bool {
        // both tests need a tariff or tax noun: the other words are skipped by their classes
        var k = firstToken(from: 0, inAnyOf: Self.measureNouns)
        while k < count {
            if isTariffNoun(k) || isZeroRateWord(k) { return true }
            k = firstToken(from: k + 1, inAnyOf: Self.measureNouns)
        }
        return false
    }

    /// The classes `isTariffNoun` reads further; every other word is answered inline. Not an array literal:
    /// inlined into the party and status readers, that was built as an array at run time on every call.
    @inline(__always) private static var measureNouns: TariffWordClass { TariffWordClass.tariffNoun | .taxNoun }

    /// `duty-free`, `tariff free`: a tariff noun that states a rate of zero rather than names a measure.
    func isZeroRateWord(_ i: Int) -> Bool {
        has(i, .tariffNoun) && isWord(i + 1, TariffVocabulary.free)
    }


    /// The first token from `k` on whose word classes meet `classes`, else `count` (`k` itself when it is past the
    /// end). Out of line: inlined into a reader's loop over every token, the scan shared its registers with the
    /// rules and cost four times as much.
    @inline(never)
    func firstToken(from k: Int, inAnyOf classes: TariffWordClass) -> Int {
        let k = max(k, 0)
        guard k < count, let base = lexemes.baseAddress else { return k }
        let wanted = classes.rawValue
        // Four tokens a turn while four are left, by pointer: one bound test for the four and one test of their
        // classes together; the first of them that meets `classes` is then found without a branch per token (a
        // branch per token mispredicted once per call, at whichever token ended the scan). Two a turn, by index,
        // cost eleven instructions a turn.
        var p = base + k
        let end = base + count
        while p + 3 < end {
            let a = p[0].classes.rawValue & wanted, b = p[1].classes.rawValue & wanted
            let c = p[2].classes.rawValue & wanted, d = p[3].classes.rawValue & wanted
            if a | b | c | d != 0 {
                let met = (a != 0 ? 1 : 0) | (b != 0 ? 2 : 0) | (c != 0 ? 4 : 0) | 8
                return p - base + met.trailingZeroBitCount
            }
            p += 4
        }
        while p < end && p.pointee.classes.rawValue & wanted == 0 { p += 1 }
        return p - base
    }

    /// `0 <= i < count` in one unsigned comparison (a negative `i` wraps above any count): the two tests were
    /// two branches at every word-class question the rules ask.
    @inline(__always) func holds(_ i: Int) -> Bool {
        UInt(bitPattern: i) < UInt(bitPattern: count)
    }

    @inline(__always) func has(_ i: Int, _ c: TariffWordClass) -> Bool {
        holds(i) && lexemes[i].classes.contains(c)
    }

    /// The hash first: it nearly never matches, where the kind came word or not at random.
    @inline(__always) func isWord(_ i: Int, _ hash: UInt64) -> Bool {
        holds(i) && tokens[i].hash == hash && tokens[i].kind == .word
    }

    @inline(__always) func isWord(_ i: Int) -> Bool { holds(i) && tokens[i].kind == .word }

    /// A threat word or modal; `May` written with a capital inside a sentence is the month.
    @inline(__always) func isThreat(_ i: Int) -> Bool {
        has(i, .threat) && !(lexemes[i].month > 0 && tokens[i].capitalized && i > 0)
    }

    /// A verb that makes a rate-less tariff noun a measure: imposed, threatened, announced, proposed, paused,
    /// lifted. On the sentence, not the reader: the reader's scans pass it as a predicate, and a method of
    /// the reader captured a copy of the whole reader (a retain of each of its references) per scan.
    func isMeasureVerb(_ k: Int) -> Bool {
        has(k, .impose) || isThreat(k) || has(k, .announce) || has(k, .propose) || has(k, .pause) || has(k, .lift)
    }

    /// Some token of `range` is a measure verb; only words of a measure verb's classes are asked.
    func hasMeasureVerb(in range: Range<Int>) -> Bool {
        let verbs = TariffWordClass.impose | .threat | .announce | .propose | .pause | .lift
        var k = firstToken(from: range.lowerBound, inAnyOf: verbs)
        while k < range.upperBound {
            if isMeasureVerb(k) { return true }
            k = firstToken(from: k + 1, inAnyOf: verbs)
        }
        return false
    }

    /// `if`, `unless`: the words after it are a condition.
    @inline(__always) func isThreatConjunction(_ i: Int) -> Bool {
        isWord(i) && (tokens[i].hash == TariffVocabulary.if || tokens[i].hash == TariffVocabulary.unless)
    }

    /// A word that ends in `-ed` and is not in the vocabulary: most likely a past tense or participle.
    @inline(__always) func looksPast(_ i: Int) -> Bool {
        guard isWord(i) else { return false }
        if lexemes[i].classes.contains(.pastVerb) { return true }
        let t = tokens[i]
        guard t.end - t.start >= 4 else { return false }
        return bytes[t.end - 2] | 0x20 == 0x65 && bytes[t.end - 1] | 0x20 == 0x64
    }

    /// `instead of` or `rather than` at tokens `i` and `i + 1`: another course set beside the one told.
    func opensAlternative(_ i: Int) -> Bool {
        isWord(i, TariffVocabulary.instead) && isWord(i + 1, TariffVocabulary.of)
            || isWord(i, TariffVocabulary.rather) && isWord(i + 1, TariffVocabulary.than)
    }

    /// A word of five letters or more in `-ing`: most likely a gerund or a present participle.
    func endsInIng(_ i: Int) -> Bool {
        guard isWord(i) else { return false }
        let t = tokens[i]
        guard t.end - t.start >= 5 else { return false }
        return bytes[t.end - 3] | 0x20 == 0x69 && bytes[t.end - 2] | 0x20 == 0x6E && bytes[t.end - 1] | 0x20 == 0x67
    }

    /// `-ing`, `-ly`, `-ed` words: verbs and adverbs, which never head a noun phrase.
    func looksVerbOrAdverb(_ i: Int) -> Bool {
        guard isWord(i) else { return false }
        let t = tokens[i]
        let n = t.end - t.start
        guard n >= 4 else { return false }
        let a = bytes[t.end - 3] | 0x20, b = bytes[t.end - 2] | 0x20, c = bytes[t.end - 1] | 0x20
        if a == 0x69 && b == 0x6E && c == 0x67 { return true }  // -ing
        if b == 0x6C && c == 0x79 { return true }  // -ly
        if b == 0x65 && c == 0x64 { return true }  // -ed
        return false
    }

    /// A tariff noun that names a measure: not `tariff war`, not `duty-free`, not bare `tax`.
    ///
    /// Asked of every token by the reader (some 20 times per token read): words of neither noun class
    /// are answered inline, the rest by `namesMeasure`.
    @inline(__always) func isTariffNoun(_ i: Int) -> Bool {
        holds(i) && !lexemes[i].classes.isDisjoint(with: Self.measureNouns) && namesMeasure(i)
    }

    /// `isTariffNoun` for a word of a tariff or tax noun class.
    private func namesMeasure(_ i: Int) -> Bool {
        guard isWord(i) else { return false }
        let c = lexemes[i].classes
        if c.contains(.tariffNoun) {
            // `excise duty`, `stamp duty`: domestic taxes
            if i > 0, tokens[i - 1].kind == .word {
                let h = tokens[i - 1].hash
                if h == TariffVocabulary.excise || h == TariffVocabulary.stamp || h == TariffVocabulary.estate || h == TariffVocabulary.inheritance {
                    return false
                }
            }
            // `will levy a duty`, `to levy`: the verb
            if i > 0, lexemes[i - 1].classes.contains(.auxiliary) || tokens[i - 1].hash == TariffVocabulary.to,
                !(i + 1 < count && tokens[i + 1].kind == .word && lexemes[i + 1].classes.contains(.preposition))
            {
                return false
            }
            if i + 1 < count, tokens[i + 1].kind == .word, lexemes[i + 1].classes.contains(.nonMeasureHead) { return false }
            if i + 1 < count, tokens[i + 1].hyphenBefore { return false }  // duty-free, tariff-hit
            // `on duty`, `customs duty` is fine; `duty` after a possessive person is rare enough
            return true
        }
        if c.contains(.taxNoun) {
            return i > 0 && lexemes[i - 1].classes.contains(.taxQualifier)
        }
        return false
    }

    /// The mention index covering token `i`, if any; the names are read first when the sentence asks for
    /// them only when needed (`namesWhenAsked`).
    func mention(at i: Int) -> Int? {
        if namesWhenAsked && !isNamed { named() }
        return mentions.index(covering: i)
    }

    /// `US President Donald Trump`, `the Customs Tariff Commission of the State Council` are one party:
    /// same code, only title words (and `of the`) between. Merged in place, in text order.
    private static func mergeTitles(_ mentions: inout [CountryGazetteer.Mention], _ tokens: UnsafeBufferPointer<TariffToken>) {
        guard mentions.count > 1 else { return }
        var kept = 1
        for next in 1..<mentions.count {
            let mention = mentions[next]
            let last = mentions[kept - 1]
            if last.code == mention.code, mention.tokens.lowerBound - last.tokens.upperBound <= 3,
                (last.tokens.upperBound..<mention.tokens.lowerBound).allSatisfy({
                    tokens[$0].kind == .word && (tokens[$0].capitalized || tokens[$0].hash == TariffVocabulary.of || tokens[$0].hash == TariffVocabulary.the)
                })
            {
                mentions[kept - 1].tokens = last.tokens.lowerBound..<mention.tokens.upperBound
                mentions[kept - 1].isPerson = last.isPerson || mention.isPerson
            } else {
                mentions[kept] = mention
                kept += 1
            }
        }
        mentions.removeLast(mentions.count - kept)
    }
}

extension TariffSentence {
    /// Sentences of one store, in the order added, linked through their fields (`Fields.nextListed`): adding one
    /// costs no retain and no array (an array of their addresses cost an allocation, and its growth, per article),
    /// and the list's end no release per sentence (an array of sentences was destroyed sentence by sentence,
    /// through the sentence's value witness). Read in order, as the finder reads it.
    struct List: Sequence {
        private let store: TariffTokenizer.Store
        private var first: UnsafeMutablePointer<Fields>?
        private var last: UnsafeMutablePointer<Fields>?

        init(store: TariffTokenizer.Store) {
            self.store = store
        }

        /// Adds `sentence`, which must be of the list's store and in no list yet.
        mutating func append(_ sentence: TariffSentence) {
            precondition(sentence.store === store, "a sentence of another store")
            precondition(sentence.fields.pointee.nextListed == nil && sentence.fields != last, "a sentence listed twice")
            if let last { last.pointee.nextListed = sentence.fields } else { first = sentence.fields }
            last = sentence.fields
        }

        func makeIterator() -> Iterator {
            Iterator(store: store, following: first)
        }

        struct Iterator: IteratorProtocol {
            fileprivate let store: TariffTokenizer.Store
            fileprivate var following: UnsafeMutablePointer<Fields>?

            mutating func next() -> TariffSentence? {
                guard let fields = following else { return nil }
                following = fields.pointee.nextListed
                return TariffSentence(store: store, fields: fields)
            }
        }
    }
}

/// A named sentence's mentions, in its token store: read like an array, each index checked.
struct Mentions: RandomAccessCollection {
    private let base: UnsafeBufferPointer<CountryGazetteer.Mention>

    init(_ base: UnsafeBufferPointer<CountryGazetteer.Mention> = UnsafeBufferPointer(start: nil, count: 0)) {
        self.base = base
    }

    var startIndex: Int { 0 }
    var endIndex: Int { base.count }

    subscript(i: Int) -> CountryGazetteer.Mention {
        precondition(i >= 0 && i < base.count, "mention index out of range")
        return base[i]
    }
}

/// For `Mentions` and the arrays of mentions the readers build, indexed from zero.
extension RandomAccessCollection where Element == CountryGazetteer.Mention, Index == Int {
    /// The index of the mention covering token `i`, if any. Mentions are in text order and never overlap,
    /// so a binary search: callers ask per token, and a scan made a list of names quadratic.
    func index(covering i: Int) -> Int? {
        var low = 0
        var high = count
        while low < high {  // the first mention ending after `i`
            let mid = (low + high) / 2
            if self[mid].tokens.upperBound <= i { low = mid + 1 } else { high = mid }
        }
        return low < count && self[low].tokens.contains(i) ? low : nil
    }
}
