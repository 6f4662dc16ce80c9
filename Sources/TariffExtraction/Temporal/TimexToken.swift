/// One word, number or mark of a sentence for the temporal tagger, as byte offsets plus a hash.
///
/// Hashes instead of strings keep vocabulary look-ups allocation-free on the hot path.
struct TimexToken: Sendable {
    enum Kind: UInt8, Sendable {
        case word, number, mark
    }

    // the one-byte fields last: 48 bytes a token rather than 56
    var start: Int
    var end: Int
    /// `WordHash` of the lowercased bytes: the same hash `TimexTokenizer.hash(_:)` gives a vocabulary word.
    var hash: UInt64
    /// The value of a number token (digits only, `2025`), else 0.
    var value: Int
    /// Digits in a number token: tells `2025` from `25` and `05`.
    var digits: Int
    var kind: Kind
    /// The punctuation a mark stands for, normalised: en/em dashes are `-`, curly quotes are `"` or `'`.
    var mark: UInt8
    /// First letter upper case (sentence-initial words included).
    var capitalized: Bool
    /// Whitespace separates it from the previous token: `25-27` has none, `to 27` has.
    var spaceBefore: Bool
}

/// A sentence's tokens, in the `TimexTokenizer.Store` of its document: valid while the store lives.
typealias TimexTokens = UnsafeBufferPointer<TimexToken>

extension TimexTokens {
    /// Token `i` is `by`, `before`, `until` or `till`: a limit, which sets a date with no tense of its own ahead.
    @inline(__always)
    func isLimitWord(_ i: Int) -> Bool {
        guard i >= 0, i < count, self[i].kind == .word else { return false }
        let h = self[i].hash
        return h == W.by || h == W.before || h == W.until || h == W.till
    }

    /// A line in title case (`Trump Says U.S. Will Raise Tariffs Friday`): of its words of four letters or more, at
    /// least four capitalised and at most one in six not.
    var isTitleCase: Bool {
        var upper = 0, lower = 0
        for t in self where t.kind == .word && t.end - t.start >= 4 {
            if t.capitalized { upper += 1 } else { lower += 1 }
        }
        return upper >= 4 && lower * 6 <= upper
    }

    /// A `;` or `:` that ends a clause; the colon of a time (`12:01 a.m.`) does not.
    @inline(__always)
    func isClauseBreak(_ i: Int) -> Bool {
        let t = self[i]
        guard t.kind == .mark else { return false }
        if t.mark == 0x3B { return true }
        guard t.mark == 0x3A else { return false }
        let isTime = i > 0 && i + 1 < count && self[i - 1].kind == .number && self[i + 1].kind == .number && !self[i + 1].spaceBefore
        return !isTime
    }

    /// The token right before a date that starts at token `lower`, past one `on` (`ended on Friday`,
    /// `until Friday`): where the word that governs the date stands; -1 when there is none.
    func indexBeforeDate(_ lower: Int) -> Int {
        var k = lower - 1
        if k >= 0, self[k].kind == .word, self[k].hash == W.on { k -= 1 }
        return k
    }
}

extension TimexTokens {
    /// When token `i` is the comma closing `, which … ,` (or `who`, `whose`), the index of its opening comma:
    /// readers looking back from a date skip the clause, which tells of its own noun (`the pact, which took
    /// effect in 2019, from November 10`).
    func relativeClauseStart(endingAt i: Int) -> Int? {
        guard self[i].kind == .mark, self[i].mark == 0x2C else { return nil }
        var k = i - 1
        while k > 0 && k >= i - 14 {
            if self[k].kind == .mark {
                guard self[k].mark == 0x2C, self[k + 1].kind == .word, relativePronouns.contains(self[k + 1].hash)
                else { return nil }
                return k
            }
            k -= 1
        }
        return nil
    }
}

private let relativePronouns: WordTable<Bool> = WordTable(set: ["which", "who", "whose"].map(TimexTokenizer.hash))

/// Splits one sentence's bytes into `TimexToken`s without allocating strings.
enum TimexTokenizer {

    /// The hash a lowercase ASCII word gets; used to build vocabularies.
    static func hash(_ word: String) -> UInt64 { WordHash.of(word) }

    /// Where the sentences of one document keep their tokens: a few large blocks, into which each sentence is
    /// tokenized in place and which are freed together with the store. An array per sentence cost a `malloc`, a
    /// copy of the tokens out of a scratch buffer and a `free` each, most of them of blocks too large for the
    /// allocator's fast path (as `TariffTokenizer.Store` found for the tariff finder's tokens).
    ///
    /// Room is only ever taken, never handed back: what a sentence was given stays valid while the store lives.
    final class Store {
        /// Token slots a new block has room for, unless one sentence needs more.
        private let blockTokens: Int
        /// Unchecked: only this store's own methods reach it, one at a time; checked, every access cost a runtime call.
        @exclusivity(unchecked) private var blocks = BlockChain()
        /// The unused end of the last block, room for `room` tokens.
        private var free: UnsafeMutablePointer<TimexToken>?
        private var room = 0
        /// `TimexTokenizer.tables`, read once per store (a document): read per sentence, it cost a `swift_once` call each.
        private let tables = TimexTokenizer.tables

        /// - Parameter blockTokens: small only in tests, to give sentences blocks of their own.
        init(blockTokens: Int = 1024) {
            self.blockTokens = max(blockTokens, 1)
        }

        /// The tokens of `bytes[range]`, valid while the store lives, written where the last block's room starts.
        /// A token takes one byte at least, so room for as many tokens as the sentence has bytes is room enough:
        /// with less, the sentence goes to a new block of that many (or `blockTokens`), and the tokenizer never
        /// tests for the end of its room, which it did at every token when a sentence could outgrow it.
        func tokens(_ bytes: [UInt8], _ range: Range<Int>) -> TimexTokens {
            if room < range.count { takeBlock(tokens: max(blockTokens, range.count)) }
            guard let out = free else { return TimexTokens(start: nil, count: 0) }
            let count = bytes.withUnsafeBufferPointer { tokenize($0, range, into: out, tables) }
            free = out + count
            room &-= count
            return TimexTokens(start: out, count: count)
        }

        /// Takes a new block with room for `tokens` tokens; what was left of the last one stays unused.
        private func takeBlock(tokens: Int) {
            let block = blocks.take(byteCount: tokens * MemoryLayout<TimexToken>.stride, alignment: MemoryLayout<TimexToken>.alignment)
            free = block.bindMemory(to: TimexToken.self, capacity: tokens)
            room = tokens
        }
    }

    /// Writes the tokens of `bytes[range]` to `out`, which has room for one per byte, and returns how many it wrote.
    private static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: UnsafeMutablePointer<TimexToken>, _ tables: Tables
    ) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let end = range.upperBound
        // an ASCII byte that is no part of a word right after the sentence, as a space or line break nearly
        // always is, ends every word before `end` can be passed: the word loop then needs no test of `end`
        let stopped = end < bytes.count && base[end] < 0x80 && tables.hashed[Int(base[end])] == 0
        // the loop written out once for each value of `stopped`: chosen per word, it cost a load and a branch a token
        return stopped
            ? tokenize(bytes, base, range, into: out, tables, stopped: true)
            : tokenize(bytes, base, range, into: out, tables, stopped: false)
    }

    /// `tokenize(_:_:into:_:)` with `stopped` a constant of each copy.
    @inline(__always)
    private static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, _ range: Range<Int>,
        into out: UnsafeMutablePointer<TimexToken>, _ tables: Tables, stopped: Bool
    ) -> Int {
        var i = range.lowerBound, space = true
        let end = range.upperBound
        var next = out  // where the next token goes
        let classes = tables.classes, hashed = tables.hashed, masks = tables.masks
        while i < end {
            let b = base[i]
            let token: TimexToken
            // letters first: they start most tokens, and their folded byte starts the hash
            let first = hashed[Int(b)]
            if first > 0x39 {
                var spaced = false
                token = word(
                    bytes, base, from: i, first, to: end, hashed: hashed, masks: masks, space: space, stopped: stopped,
                    spaced: &spaced)
                // the space after it read with the byte that ended it, as it is after most words
                if spaced {
                    next.initialize(to: token)
                    next += 1
                    space = true
                    i = token.end &+ 1
                    continue
                }
            } else {
                switch classes[Int(b)] {
                case .whitespace:
                    space = true
                    i &+= 1
                    continue
                case .digit:
                    var j = i &+ 1
                    var value = Int(b &- 0x30)
                    while j < end {
                        let digit = base[j] &- 0x30
                        guard digit < 10 else { break }
                        if j &- i < 9 { value = value &* 10 &+ Int(digit) }
                        j &+= 1
                    }
                    token = TimexToken(
                        start: i, end: j, hash: 0, value: value, digits: j &- i, kind: .number, mark: b,
                        capitalized: false, spaceBefore: space)
                case .letter:
                    preconditionFailure("letters are read before the switch")
                case .nonASCII:
                    if b == 0xC2, i &+ 1 < end, base[i &+ 1] == 0xA0 {  // no-break space
                        space = true
                        i &+= 2
                        continue
                    }
                    if !UInt8.isNonASCIIPunctuation(bytes, i, end) {
                        var spaced = false  // never set: with no first letter `word` takes its byte loop
                        token = word(
                            bytes, base, from: i, 0, to: end, hashed: hashed, masks: masks, space: space, stopped: false,
                            spaced: &spaced)
                    } else {
                        var j = i &+ 1
                        while j < end && base[j] & 0xC0 == 0x80 { j &+= 1 }
                        token = TimexToken(
                            start: i, end: j, hash: 0, value: 0, digits: 0, kind: .mark, mark: normalisedMark(bytes, i),
                            capitalized: false, spaceBefore: space)
                    }
                case .other:
                    token = TimexToken(
                        start: i, end: i &+ 1, hash: 0, value: 0, digits: 0, kind: .mark, mark: b, capitalized: false,
                        spaceBefore: space)
                }
            }
            next.initialize(to: token)
            next += 1
            i = token.end
            // the one space after a word, as nearly every token has: read here, not by another turn of the loop
            if i < end && base[i] == 0x20 {
                space = true
                i &+= 1
            } else {
                space = false
            }
        }
        return next - out
    }

    /// The word starting at byte `i` (a letter, or a non-ASCII scalar that is no punctuation): ASCII letters and
    /// digits and such scalars. `first` is the folded first byte when it is an ASCII letter (the caller has looked
    /// it up), else 0. `stopped`: the byte at `end` is ASCII and no part of a word, so a run of ASCII bytes stops
    /// before it by itself.
    ///
    /// Most words are a run of ASCII letters and digits shorter than sixteen bytes: its end is found in one load of
    /// sixteen lanes and it is hashed from the same lanes. A byte loop hashing as it went cost less than finding the
    /// end first when the hash took a multiply per byte (FNV-1a), not now that `WordHash` takes one per eight.
    ///
    /// `spaced` is set when such a run ends at a space (`0x20`, before `end`, or at it when `stopped`): the caller
    /// then goes on past it without reading that byte again.
    @inline(__always)
    private static func word(
        _ bytes: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, from i: Int, _ first: UInt8, to end: Int,
        hashed: UnsafePointer<UInt8>, masks: UnsafePointer<WideLanes.Lanes>, space: Bool, stopped: Bool, spaced: inout Bool
    ) -> TimexToken {
        var j = i
        if first != 0 {
            let lanes = WideLanes.load(base, i, limit: bytes.count)
            // letters only: a word's digits are rare enough for the loop below (`G7`), and their test cost as much
            let run = WideLanes.letterRun(lanes)
            j = stopped ? i &+ run : min(i &+ run, end)
            if j &- i < 16 {
                let b = base[i]
                let token = TimexToken(
                    start: i, end: j, hash: WordHash.ofRun(lanes, count: j &- i, masks: masks), value: 0, digits: 0, kind: .word,
                    mark: b, capitalized: b.isASCIIUpper, spaceBefore: space)
                if !stopped && j == end { return token }
                // `stopped`: the byte at `end` ends a word, so a run that reaches `end` passes the byte test too; a
                // space, the usual end, first
                let c = base[j]
                if c == 0x20 {
                    spaced = true
                    return token
                }
                if c < 0x80 && hashed[Int(c)] == 0 { return token }
            }
        }
        // a long run, or one that goes on in non-ASCII scalars
        while stopped || j < end {
            let c = base[j]
            if hashed[Int(c)] != 0 {
                j &+= 1
                continue
            }
            guard c.isNonASCII, !UInt8.isNonASCIIPunctuation(bytes, j, end) else { break }
            j &+= 1
            while j < end && base[j] & 0xC0 == 0x80 { j &+= 1 }
        }
        let b = base[i]
        return TimexToken(
            start: i, end: j, hash: WordHash.of(base, from: i, to: j, limit: bytes.count), value: 0, digits: 0,
            kind: .word, mark: b, capitalized: b.isASCIIUpper, spaceBefore: space)
    }

    /// What a byte starts for the tokenizer.
    enum ByteKind: UInt8 {
        case whitespace, digit, letter, nonASCII, other
    }

    /// The tokenizer's two byte tables and `WordHash.runMasks`, read through one lazy global, which each `Store`
    /// reads once: each read of a lazy global costs a `swift_once` call, two per sentence when each table was read
    /// on its own.
    private struct Tables {
        let classes: UnsafePointer<ByteKind>
        let hashed: UnsafePointer<UInt8>
        let masks: UnsafePointer<WideLanes.Lanes>
    }

    nonisolated(unsafe) private static let tables = Tables(classes: classes, hashed: hashedBytes, masks: WordHash.runMasks)

    /// Each byte's `ByteKind`, looked up once per byte instead of testing its ranges one after another. Never
    /// freed (`ProcessLifetime`), so reading it costs no reference counting; never written after it is built,
    /// so safe to share between threads.
    nonisolated(unsafe) private static let classes = ProcessLifetime.byteTable { byte -> ByteKind in
        byte.isASCIIWhitespace ? .whitespace : byte.isASCIIDigit ? .digit : byte.isASCIILetter ? .letter
            : byte.isNonASCII ? .nonASCII : .other
    }

    /// Each ASCII letter's lower case and each ASCII digit as it is, the bytes a word hashes; 0 for every other
    /// byte. One load and one test per byte of a word, where the `ByteKind` took two compares and a fold (the
    /// word loop was the tokenizer's largest cost). Built once and never freed, like `classes`.
    nonisolated(unsafe) private static let hashedBytes = ProcessLifetime.byteTable { byte -> UInt8 in
        byte.isASCIILetter ? byte | 0x20 : byte.isASCIIDigit ? byte : 0
    }

    /// Dashes become `-`, curly quotes `"`/`'`, the degree sign `°`'s lead byte stays as is.
    private static func normalisedMark(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8 {
        guard bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 else {
            if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xB0 { return 0xB0 }  // °
            return bytes[i]
        }
        switch bytes[i + 2] {
        case 0x90...0x95: return 0x2D
        case 0x98, 0x99: return 0x27
        case 0x9C, 0x9D: return 0x22
        default: return bytes[i]
        }
    }
}
