/// One word, number or mark of a sentence, as byte offsets plus a case-folded hash.
///
/// Tokens carry a hash instead of a `String` so vocabulary look-ups allocate nothing in the hot path.
struct TariffToken: Sendable {
    enum Kind: UInt8, Sendable {
        case word, number, percent, possessive, comma, semicolon, colon, dash, open, close, quote, other
    }

    // the one-byte fields last: 40 bytes a token rather than 48, whose index the readers scaled by 3 and 16
    // (two instructions) where 5 and 8 take one, the second in the address
    var start: Int
    var end: Int
    /// `WordHash` of the lowercased bytes (periods inside `U.S.` left out).
    var hash: UInt64
    /// The value of a number token (`1,000` is 1000, `25.5` is 25.5).
    var number: Double
    var kind: Kind
    /// First letter upper case: names are only looked up when capitalized. Only a word is ever capitalized
    /// (the gazetteer's scan for names tests this flag alone).
    var capitalized: Bool
    /// Every letter upper case (`US`, `EU`): keeps the pronoun `us` out of the gazetteer.
    var allCaps: Bool
    /// Joined to the previous token by a hyphen (`anti-dumping`, `US-China`).
    var hyphenBefore: Bool
}

/// Splits one sentence's bytes into tokens without allocating strings.
enum TariffTokenizer {
    static let rateHash: UInt64 = 0x493e7eb0783737b7  // "rate"

    /// The hash a lowercase ASCII word gets; used to build vocabularies.
    static func hash(_ word: String) -> UInt64 {
        hash(word.utf8)
    }

    /// The hash of a word's UTF-8 bytes, as `hash(_:)` of its `String`: `WordHash` of them without their
    /// periods (`U.S.` is `us`).
    static func hash(_ bytes: some Collection<UInt8>) -> UInt64 {
        // a word in contiguous memory is hashed in place: eight bytes a step without a period (every vocabulary word
        // but `U.S.`), skipping them with one; through the lazy filter it was walked twice, a byte at a time (the
        // vocabularies every process builds hash some 2,000 words)
        let direct = bytes.withContiguousStorageIfAvailable { word -> UInt64? in
            guard let base = word.baseAddress else { return nil }
            if word.contains(0x2E) { return hashSkippingPeriods(base, from: 0, to: word.count) }
            return WordHash.of(base, from: 0, to: word.count, limit: word.count)
        }
        return (direct ?? nil) ?? WordHash.of(bytes.lazy.filter { $0 != 0x2E })
    }

    /// The tokens of `bytes[range]`, replacing those in `tokens`.
    static func tokenize(_ bytes: [UInt8], _ range: Range<Int>, into tokens: inout [TariffToken]) {
        var scratch = Scratch(capacity: range.count)
        tokens = scratch.tokens(bytes, range)
    }

    /// Where a sentence's tokens are written before they are copied out at their exact count: one buffer reused
    /// for every sentence of a document. Appending each token to an array checked its uniqueness and capacity
    /// per token (a call and some 20 instructions each, a third of the tokenizer's own work).
    struct Scratch: ~Copyable {
        private var base: UnsafeMutablePointer<TariffToken>
        private var capacity: Int
        /// `TariffTokenizer.tables`, read once per scratch buffer.
        private let tables = TariffTokenizer.tables

        init(capacity: Int = 256) {
            self.capacity = max(capacity, 1)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        /// The tokens of `bytes[range]`. Every token takes at least one byte, so a buffer of `range.count`
        /// tokens always holds them; it grows to that before the pass, never during it.
        mutating func tokens(_ bytes: [UInt8], _ range: Range<Int>) -> [TariffToken] {
            Array(fill(bytes, range))
        }

        /// The tokens of `bytes[range]`, lent to `body` in this scratch buffer (valid only inside it): no array made.
        mutating func withTokens<R>(_ bytes: [UInt8], _ range: Range<Int>, _ body: (UnsafeBufferPointer<TariffToken>) -> R) -> R {
            body(fill(bytes, range))
        }

        /// The tokens of `bytes[range]`, in this scratch buffer until the next call: the caller copies them out.
        private mutating func fill(_ bytes: [UInt8], _ range: Range<Int>) -> UnsafeBufferPointer<TariffToken> {
            if range.count > capacity {
                base.deallocate()
                capacity = range.count
                base = .allocate(capacity: capacity)
            }
            let out = base
            let count = bytes.withUnsafeBufferPointer { tokenize($0, range, into: out, tables) }
            return UnsafeBufferPointer(start: out, count: count)
        }
    }

    /// Where the sentences of one article keep their tokens and word classes: a few large blocks, into which
    /// each sentence is tokenized in place and which are freed together once no sentence holds the store.
    /// A buffer per sentence cost a `malloc`, a copy of the tokens out of a scratch buffer and a `free`
    /// each, most of them of blocks too large for the allocator's fast path.
    ///
    /// Room is only ever taken, never handed back: what a sentence was given stays valid while the store
    /// lives, and every sentence retains the store it was tokenized into. The sentences' own fields are kept
    /// here too (`TariffSentence.Fields`).
    final class Store {
        /// Token slots a new block has room for, unless one sentence needs more.
        private let blockTokens: Int
        /// Unchecked: only this store's own methods reach it, one at a time; checked, every access cost a runtime call.
        @exclusivity(unchecked) private var blocks = BlockChain()
        /// The unused end of the last block.
        private var free: UnsafeMutableRawPointer?
        private var room = 0
        /// `TariffTokenizer.tables` and the vocabulary, read once per store (an article): read per sentence, they
        /// cost two `swift_once` calls each.
        private let tables = TariffTokenizer.tables
        private let vocabulary = TariffVocabulary.table

        private static let alignment = max(MemoryLayout<TariffToken>.alignment, MemoryLayout<TariffLexeme>.alignment)
        /// The bytes one token takes with its lexeme, alignment padding aside.
        private static let slot = MemoryLayout<TariffToken>.stride + MemoryLayout<TariffLexeme>.stride
        /// - Parameter blockTokens: a sentence's byte count, for a store made for that sentence alone.
        init(blockTokens: Int = 512) {
            self.blockTokens = max(blockTokens, 1)
        }

        /// The tokens of `bytes[range]` and their lexemes (`TariffVocabulary`), valid while the store lives.
        func words(_ bytes: [UInt8], _ range: Range<Int>) -> (tokens: UnsafeBufferPointer<TariffToken>, lexemes: UnsafeBufferPointer<TariffLexeme>) {
            // every token takes at least one byte: room for `range.count` tokens and lexemes always holds them
            let capacity = max(range.count, 1)
            let need = capacity * Self.slot + 2 * Self.alignment
            makeRoom(need)
            let start = free!.alignedUp(toMultipleOf: Self.alignment)
            let tokens = start.bindMemory(to: TariffToken.self, capacity: capacity)
            let count = bytes.withUnsafeBufferPointer { tokenize($0, range, into: tokens, tables) }
            let lexemeStart = (start + count * MemoryLayout<TariffToken>.stride).alignedUp(toMultipleOf: Self.alignment)
            let lexemes = lexemeStart.bindMemory(to: TariffLexeme.self, capacity: count)
            let table = vocabulary
            let none = TariffLexeme(classes: [], month: 0)
            // walked by pointer, each one step on: indexed, each turn scaled the index for both arrays. Every token
            // is looked up, whatever its kind: a number's or a mark's hash is of digits or punctuation, which no
            // vocabulary word is, so it misses as a word in no table does, where a test of the kind first went
            // either way as the text's numbers and marks came
            var token = UnsafePointer(tokens), lexeme = lexemes
            let tokensEnd = token + count
            while token < tokensEnd {
                lexeme.initialize(to: table[token.pointee.hash, default: none])
                token += 1
                lexeme += 1
            }
            let end = lexemeStart + count * MemoryLayout<TariffLexeme>.stride
            room -= end - free!
            free = end
            return (UnsafeBufferPointer(start: tokens, count: count), UnsafeBufferPointer(start: lexemes, count: count))
        }

        /// A copy of `mentions` (trivial values), valid while the store lives: a sentence's names kept here
        /// cost no array of their own, an allocation and a release per named sentence.
        func keep(_ mentions: [CountryGazetteer.Mention]) -> UnsafeBufferPointer<CountryGazetteer.Mention> {
            let stride = MemoryLayout<CountryGazetteer.Mention>.stride
            let alignment = MemoryLayout<CountryGazetteer.Mention>.alignment
            makeRoom(mentions.count * stride + alignment)
            let start = free!.alignedUp(toMultipleOf: alignment)
            let kept = start.bindMemory(to: CountryGazetteer.Mention.self, capacity: mentions.count)
            _ = UnsafeMutableBufferPointer(start: kept, count: mentions.count).initialize(from: mentions)
            let end = start + mentions.count * stride
            room -= end - free!
            free = end
            return UnsafeBufferPointer(start: kept, count: mentions.count)
        }

        /// Room for a sentence's fields, made in place, valid while the store lives. They hold the sentence's bytes,
        /// which the store releases when it goes: kept here, a sentence costs no object of its own, an allocation and
        /// its freeing. Out of line: inlined into the finder's loop, it retained and released the bytes some four
        /// times a sentence.
        @inline(never)
        func keepSentence(
            _ bytes: [UInt8], index: Int, range: Range<Int>,
            tokens: UnsafeBufferPointer<TariffToken>, lexemes: UnsafeBufferPointer<TariffLexeme>
        ) -> UnsafeMutablePointer<TariffSentence.Fields> {
            let stride = MemoryLayout<TariffSentence.Fields>.stride
            let alignment = MemoryLayout<TariffSentence.Fields>.alignment
            makeRoom(stride + alignment)
            let start = free!.alignedUp(toMultipleOf: alignment)
            let kept = start.bindMemory(to: TariffSentence.Fields.self, capacity: 1)
            kept.initialize(
                to: TariffSentence.Fields(
                    bytes: bytes, index: index, range: range, tokens: tokens, lexemes: lexemes, count: tokens.count,
                    before: lastSentence))
            lastSentence = kept
            let end = start + stride
            room -= end - free!
            free = end
            return kept
        }

        /// The fields kept last; each links to the ones kept before (`before`), a chain `deinit` walks.
        private var lastSentence: UnsafeMutablePointer<TariffSentence.Fields>?

        deinit {
            var fields = lastSentence
            while let f = fields {
                fields = f.pointee.before
                f.deinitialize(count: 1)
            }
        }

        /// The array `TariffSentence.named()` collects a sentence's names in before they are kept: one for the
        /// store's sentences, lent to `body`, which leaves it as it likes (it is emptied before each use).
        func withFoundMentions<R>(_ body: (inout [CountryGazetteer.Mention]) -> R) -> R {
            body(&foundMentions)
        }

        @exclusivity(unchecked) private var foundMentions: [CountryGazetteer.Mention] = []

        /// Takes a new block when the last one has fewer than `need` bytes left.
        private func makeRoom(_ need: Int) {
            guard room < need else { return }
            let size = max(need, blockTokens * Self.slot + 2 * Self.alignment)
            free = blocks.take(byteCount: size, alignment: Self.alignment)
            room = size
        }
    }

    /// On a buffer pointer: the scan reads each byte a few times and array bounds checks dominated it.
    /// Writes the tokens to `out` (room for `range.count` of them) and returns how many.
    private static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: UnsafeMutablePointer<TariffToken>, _ tables: Tables
    ) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        // what a word's loads may read: the whole buffer, not only the sentence
        let limit = bytes.count
        var count = 0
        var i = range.lowerBound
        let end = range.upperBound
        var hyphenPending = false
        let markKinds = tables.kinds, markHashes = tables.hashes
        // whether a run of letters may reach the sentence's end (rare: most end in a period or a quote)
        let lastIsLetter = i < end && bytes[end - 1].isASCIILetter
        while i < end {
            let b = bytes[i]
            // Words first: most tokens are words, and the classes tested here (whitespace, digit, word) exclude
            // each other, so their order changes no token.
            if b.isASCIILetter || (b.isNonASCII && !UInt8.isNonASCIIPunctuation(bytes, i, end)) {
                // Letter case is taken in the same pass that finds the word's end (all capitals when some letter
                // is and none is lower case); the word is hashed once that end is known.
                var j = i
                var h: UInt64 = 0
                // `h` is the hash of `i..<hashedTo`: of the run of letters read below, when the word is that run
                var hashedTo = -1
                // U.S.: the word has periods, which stay out of its hash
                var dotted = false
                // the word's ASCII letters OR-ed together: some letter when not zero, some lower-case one when 0x20
                // is set
                var letterBits: UInt8 = 0
                if b.isASCIILetter && !lastIsLetter {
                    // Most words are a run of ASCII letters, and the sentence ends in a byte that is no letter,
                    // which stops the run before `end`: the run is found sixteen bytes at a time and hashed from
                    // the same lanes (a letter at a time, the hash was a chain of multiplies), the lanes past it
                    // cleared by one mask from a table (two masks built by shifts cost some ten instructions a word).
                    let lanes = WideLanes.load(base, i, limit: limit)
                    let run = WideLanes.letterRun(lanes)
                    if run < 16 {
                        j = i &+ run
                        h = WordHash.ofRun(lanes, count: run, masks: tables.masks)
                        if b &- 0x61 < 26 {
                            letterBits = b  // lower case: not in capitals, whatever follows
                        } else {
                            // the run's lower-case letters: bit 5 moved up to each lane's high bit by doubling it twice
                            let twice = lanes &+ lanes
                            let lower = WideLanes.mask(twice &+ twice) & ((1 &<< UInt64(run)) &- 1)
                            letterBits = lower == 0 ? 0x40 : 0x60
                        }
                        // Most words end at a space (`j` is below `end` here): the token is known whole, and the
                        // space is passed over with it.
                        if bytes[j] == 0x20 {
                            (out + count).initialize(
                                to: TariffToken(
                                    start: i, end: j, hash: h, number: 0, kind: .word, capitalized: b.isASCIIUpper,
                                    allCaps: letterBits & 0x20 == 0, hyphenBefore: hyphenPending))
                            count &+= 1
                            hyphenPending = false
                            i = j &+ 1
                            continue
                        }
                        hashedTo = j
                    } else {
                        // sixteen letters or more (rare): the loop below hashes the word once its end is known
                        while bytes[j].isASCIILetter {
                            letterBits |= bytes[j]
                            j &+= 1
                        }
                    }
                } else {
                    while j < end {
                        let c = bytes[j]
                        guard c.isASCIILetter else { break }
                        letterBits |= c
                        j += 1
                    }
                }
                // a space, which ends most words, is told apart first: every test below would fail on it
                while j < end, bytes[j] != 0x20 {
                    let c = bytes[j]
                    if c.isASCIILetter {
                        letterBits |= c
                        j += 1
                    } else if c.isASCIIDigit {
                        j += 1
                    } else if c == 0x2E, j + 1 < end, bytes[j + 1].isASCIILetter, j + 2 < end, bytes[j + 2] == 0x2E {
                        j += 1  // U.S. / U.K.: keep the dotted initials together (periods stay out of the hash)
                        dotted = true
                    } else if c == 0x2E, j > i, j - i == 1 || (j >= 2 && bytes[j - 2] == 0x2E), bytes[j - 1].isASCIIUpper {
                        j += 1  // the final period of U.S.
                        dotted = true
                        break
                    } else if c.isNonASCII, !UInt8.isNonASCIIPunctuation(bytes, j, end) {
                        j += 1
                        while j < end && bytes[j] & 0xC0 == 0x80 { j += 1 }
                    } else {
                        break
                    }
                }
                if j != hashedTo { h = dotted ? hashSkippingPeriods(base, from: i, to: j) : WordHash.of(base, from: i, to: j, limit: limit) }
                (out + count).initialize(
                    to: TariffToken(
                        // never both, so `!=` is either: `||` was a branch on the first letter's case
                        start: i, end: j, hash: h, number: 0, kind: .word, capitalized: b.isASCIIUpper != b.isNonASCII,
                        allCaps: letterBits != 0 && letterBits & 0x20 == 0, hyphenBefore: hyphenPending))
                count += 1
                hyphenPending = false
                i = j
                // the space after a word, skipped here: a turn of the loop above would test it against each class
                if i < end && bytes[i] == 0x20 { i += 1 }
                continue
            }
            if b.isASCIIWhitespace {
                hyphenPending = false
                i += 1
                continue
            }
            if b.isASCIIDigit {
                var j = i
                var value = 0.0
                var fraction = 0.0
                var scale = 1.0
                while j < end {
                    let c = bytes[j]
                    if c.isASCIIDigit {
                        if fraction > 0 {
                            scale /= 10
                            value += Double(c &- 0x30) * scale
                        } else {
                            value = value * 10 + Double(c &- 0x30)
                        }
                        j += 1
                    } else if c == 0x2C, fraction == 0, j + 3 < end, bytes[j + 1].isASCIIDigit, bytes[j + 2].isASCIIDigit,
                        bytes[j + 3].isASCIIDigit, j + 4 >= end || !bytes[j + 4].isASCIIDigit
                    {
                        j += 1  // thousands separator
                    } else if c == 0x2E, fraction == 0, j + 1 < end, bytes[j + 1].isASCIIDigit {
                        fraction = 1
                        j += 1
                    } else {
                        break
                    }
                }
                // digits, separators and at most one decimal point: no letter, so no capital, and a period only with
                // a fraction (`token`, which made numbers before, read the bytes again to find them)
                let h = fraction > 0 ? hashSkippingPeriods(base, from: i, to: j) : WordHash.of(base, from: i, to: j, limit: limit)
                (out + count).initialize(
                    to: TariffToken(
                        start: i, end: j, hash: h, number: value, kind: .number, capitalized: false, allCaps: false,
                        hyphenBefore: hyphenPending))
                count += 1
                hyphenPending = false
                i = j
                // the space after a number, skipped here as after a word
                if i < end && bytes[i] == 0x20 { i += 1 }
                continue
            }
            // Punctuation, including UTF-8 quotes and dashes.
            var j = i + 1
            // an ASCII mark's kind from a table (`-` a dash and `'` a quote unless read otherwise below): a switch
            // on the byte was an indirect jump whose target came nearly at random
            var kind = b < 0x80 ? markKinds[Int(b)] : .other
            // the token before, read by the hyphen and possessive rules only: read once for every mark, as an
            // optional token, it cost some ten instructions a comma or a period
            let previous = out + (count &- 1)
            if b == 0x2D {
                if count > 0, previous.pointee.end == i, i + 1 < end, !bytes[i + 1].isASCIIWhitespace {
                    hyphenPending = true
                    i += 1
                    continue
                }
            } else if b == 0x27 {
                if count > 0, previous.pointee.kind == .word, let s = possessive(bytes, i + 1, end) { j = s; kind = .possessive }
                else if count > 0, Self.isPluralPossessive(bytes, previous.pointee, at: i, after: i + 1, end) { kind = .possessive }
            } else if b.isNonASCII {
                while j < end && bytes[j] & 0xC0 == 0x80 { j += 1 }
                if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80 {
                    let c = bytes[i + 2]
                    if c == 0x99, count > 0, previous.pointee.kind == .word, let s = possessive(bytes, j, end) {
                        j = s; kind = .possessive
                    } else if c == 0x99, count > 0, Self.isPluralPossessive(bytes, previous.pointee, at: i, after: j, end) {
                        kind = .possessive
                    } else if c >= 0x90 && c <= 0x95 {
                        // en/em dash joining names (US–China) acts like a hyphen
                        if count > 0, previous.pointee.end == i, j < end, !bytes[j].isASCIIWhitespace {
                            hyphenPending = true
                            i = j
                            continue
                        }
                        kind = .dash
                    } else {
                        kind = .quote
                    }
                } else if b == 0xC2, i + 1 < end, bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB {
                    kind = .quote
                }
            }
            if j == i + 1 && b < 0x80 {
                // one ASCII mark (a comma, a period, a bracket): no letter, so no capital, and the hash of its one
                // byte (none for a period), as `token` gives it without its loop
                (out + count).initialize(
                    to: TariffToken(
                        start: i, end: j, hash: markHashes[Int(b)], number: 0, kind: kind, capitalized: false, allCaps: false,
                        hyphenBefore: false))
            } else {
                (out + count).initialize(to: token(bytes, i, j, kind))
            }
            count += 1
            hyphenPending = false
            i = j
            // the space after a mark (a comma, a closing quote), skipped here as after a word: its own turn of the loop
            // tested it against the letter, non-ASCII and whitespace classes first
            if i < end && bytes[i] == 0x20 { i += 1 }
        }
        return count
    }

    /// The two tables of ASCII marks and `WordHash.runMasks`, read through one lazy global, which each `Store` and
    /// `Scratch` reads once: each read of a lazy global costs a `swift_once` call, and a store's sentences read
    /// these and the vocabulary's table for every sentence before.
    private struct Tables {
        let kinds: UnsafePointer<TariffToken.Kind>
        let hashes: UnsafePointer<UInt64>
        let masks: UnsafePointer<WideLanes.Lanes>
    }

    nonisolated(unsafe) private static let tables = Tables(kinds: markKinds, hashes: markHashes, masks: WordHash.runMasks)

    /// Each ASCII byte's kind as a mark (`other` for the rest): `-` is a dash and `'` a quote unless the rules for
    /// hyphens and possessives read them otherwise. Never freed (`ProcessLifetime`), so reading it costs no
    /// reference counting; never written after it is built, so safe to share between threads.
    nonisolated(unsafe) private static let markKinds = ProcessLifetime.byteTable(count: 128) { byte -> TariffToken.Kind in
        // a switch, not a dictionary literal: the table is built in every process, and a `[UInt8: Kind]` cost its
        // type's first instantiation there (some 600 K instructions, 2% of extracting one article)
        switch byte {
        case 0x25: .percent
        case 0x2C: .comma
        case 0x3B: .semicolon
        case 0x3A: .colon
        case 0x28, 0x5B: .open
        case 0x29, 0x5D: .close
        case 0x22, 0x27: .quote
        case 0x2D: .dash
        default: .other
        }
    }

    /// Each ASCII byte's hash as a one-byte token (`WordHash.empty` for a period, whose hash leaves it out): read
    /// from a table, where the period's test came as the text's commas and periods did. Built once and never
    /// freed, like `markKinds`.
    nonisolated(unsafe) private static let markHashes = ProcessLifetime.byteTable(count: 128) { byte in
        byte == 0x2E ? WordHash.empty : WordHash.of(byte: byte)
    }

    /// `hash(_:)` of the bytes `start..<end` of `base`, which hold a period (`U.S.`, `2.5`): `WordHash.of` their other
    /// bytes, read in place. Through the generic `hash`, a lazy filter of a slice walked twice, each of these (a
    /// hundred-odd a pass over the news, most of them `U.S.`) cost some 280 instructions. Out of line: rare.
    @inline(never)
    private static func hashSkippingPeriods(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
        var count = 0
        for k in start..<end where base[k] != 0x2E { count &+= 1 }
        var state = WordHash.start(count: count)
        var chunk: UInt64 = 0
        var shift: UInt64 = 0
        for k in start..<end where base[k] != 0x2E {
            chunk |= UInt64(base[k].asciiLowercased) &<< shift
            shift &+= 8
            if shift == 64 {
                state = WordHash.mix(state, chunk)
                chunk = 0
                shift = 0
            }
        }
        return shift != 0 || count == 0 ? WordHash.mix(state, chunk) : state
    }

    /// `the United States' decision`, `the Philippines’ exports`: an apostrophe glued to a capitalised word ending in `s`,
    /// then a space and a word in lower case, is a plural possessive (a closing quote rarely follows a name).
    private static func isPluralPossessive(
        _ bytes: UnsafeBufferPointer<UInt8>, _ previous: TariffToken, at i: Int, after j: Int, _ end: Int
    ) -> Bool {
        guard previous.kind == .word, previous.end == i, previous.end - previous.start >= 3, bytes[i - 1] == 0x73,
            bytes[previous.start] >= 0x41, bytes[previous.start] <= 0x5A, j + 1 < end, bytes[j] == 0x20
        else { return false }
        return bytes[j + 1] >= 0x61 && bytes[j + 1] <= 0x7A
    }

    /// `'s` after a word (the caller tests that a word comes before): returns the end of the `s`.
    private static func possessive(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        if i < end, bytes[i] | 0x20 == 0x73, i + 1 == end || !bytes[i + 1].isASCIILetter { return i + 1 }
        // plural possessive (`countries' exports`) carries no `s`
        return nil
    }

    /// A mark of more than one byte (a UTF-8 quote, dash or symbol, a possessive `'s`): words and numbers are made
    /// where they are read.
    private static func token(_ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ kind: TariffToken.Kind) -> TariffToken {
        var upper = 0
        var letters = 0
        var dotted = false
        for k in s..<e {
            let c = bytes[k]
            if c == 0x2E {
                dotted = true
                continue
            }
            if c.isASCIILetter {
                letters += 1
                if c.isASCIIUpper { upper += 1 }
            }
        }
        let h =
            dotted
            ? hashSkippingPeriods(bytes.baseAddress!, from: s, to: e) : WordHash.of(bytes.baseAddress!, from: s, to: e, limit: bytes.count)
        let capitalized = kind == .word && (bytes[s].isASCIIUpper || bytes[s].isNonASCII)
        return TariffToken(
            start: s, end: e, hash: h, number: 0, kind: kind, capitalized: capitalized,
            allCaps: letters > 0 && upper == letters, hyphenBefore: false)
    }
}
