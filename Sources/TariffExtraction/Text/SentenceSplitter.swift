/// Splits text into sentences on line breaks and on `.`, `!`, `?` that end a sentence.
///
/// News text is full of periods that do not end sentences (`U.S.`, `Oct. 30`, `Mr. Xi`, `3.5%`);
/// a period ends a sentence only when followed by space and an upper-case letter, digit or quote and
/// the word before it is not a known abbreviation or a single initial.
enum SentenceSplitter {
    static func split(_ bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { split($0) }
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        sentences.reserveCapacity(bytes.count / 64 + 1)
        var start = 0
        let n = bytes.count
        // once per document, not through their lazy globals per period
        let abbreviations = Self.abbreviations, starts = Self.startsSentenceByte
        var marks = Marks(bytes)
        var i = marks.next(from: 0)
        while i < n {
            let byte = bytes[i]
            if byte == 0x0A {  // line break: paragraphs, headlines, captions are their own sentences
                append(start..<i, of: bytes, to: &sentences)
                start = i + 1
                i = marks.next(from: i + 1)
                continue
            }
            // `*` and the control byte 0x0E come with the periods and line breaks (`marks(_:)`): no sentence ends there
            if byte == 0x2A || byte == 0x0E {
                i = marks.next(from: i + 1)
                continue
            }
            // . ! ?
            var j = i + 1
            // closing quotes and brackets belong to the sentence: ASCII " ' ) and UTF-8 ” ’ »
            while j < n {
                let b = bytes[j]
                if b == 0x22 || b == 0x27 || b == 0x29 { j += 1; continue }
                // the space after nearly every mark leaves here, not tested as the first byte of each UTF-8 quote
                guard b >= 0xC2 else { break }
                if j + 2 < n, bytes[j] == 0xE2, bytes[j + 1] == 0x80, bytes[j + 2] == 0x9D || bytes[j + 2] == 0x99 {
                    j += 3; continue
                }
                if j + 1 < n, bytes[j] == 0xC2, bytes[j + 1] == 0xBB { j += 2; continue }
                break
            }
            if j >= n || (bytes[j].isASCIIWhitespace && startsSentence(bytes, after: j, starts))
                && !(byte == 0x2E && isAbbreviation(bytes, periodAt: i, abbreviations))
            {
                append(start..<j, of: bytes, to: &sentences)
                start = j
            }
            i = marks.next(from: j)
        }
        append(start..<n, of: bytes, to: &sentences)
        return sentences
    }

    /// The line breaks, `.`, `!` and `?` of a text, found a block of 64 bytes at a time (nearly every byte of an
    /// article is none of them): the block's marks are kept as bits, so the next mark after one in the same
    /// block is a bit count away. Scanning again from each mark loaded a fresh 32 bytes per mark, and the
    /// narrower block doubled the loop's own steps.
    private struct Marks {
        let base: UnsafePointer<UInt8>?
        let count: Int
        /// The start of the block (a multiple of 64) whose marks `bits` holds, one bit per byte.
        var block = -64
        var bits: UInt64 = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            base = bytes.baseAddress
            count = bytes.count
        }

        /// The first mark at or after `offset`, or the end. `offset` never goes back.
        @inline(__always)
        mutating func next(from offset: Int) -> Int {
            guard offset < count, let base else { return count }
            var start = offset & ~63
            if start != block {
                block = start
                bits = Self.marks(base, start, count)
            }
            var m = bits & (~0 &<< UInt64(offset & 63))
            while m == 0 {
                start &+= 64
                guard start < count else { return count }
                block = start
                bits = Self.marks(base, start, count)
                m = bits
            }
            return start &+ m.trailingZeroBitCount
        }

        /// The marks among the 64 bytes at `offset` (fewer at the end of the text), bit k for byte `offset + k`.
        @inline(__always)
        private static func marks(_ base: UnsafePointer<UInt8>, _ offset: Int, _ count: Int) -> UInt64 {
            guard offset &+ 64 <= count else { return tailMarks(base, offset, count) }
            return wholeMarks(base, offset)
        }

        /// The marks among the 64 bytes at `offset`, all in the text.
        @inline(__always)
        private static func wholeMarks(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
            SentenceSplitter.marks(WideLanes.load(base, offset))
                | SentenceSplitter.marks(WideLanes.load(base, offset &+ 16)) &<< 16
                | SentenceSplitter.marks(WideLanes.load(base, offset &+ 32)) &<< 32
                | SentenceSplitter.marks(WideLanes.load(base, offset &+ 48)) &<< 48
        }

        /// `marks` of the last, short block: once per text, no mark past the end. A text of 64 bytes or more has its
        /// last 64 read whole and their bits moved down to start at `offset` (zero shifted in past the end): read lane by
        /// lane, the last one zero-filled byte by byte, the block cost some 190 instructions a text. A shorter text's
        /// sixteen bytes that are all in it are loaded at once (`load(_:_:limit:)`).
        @inline(never)
        private static func tailMarks(_ base: UnsafePointer<UInt8>, _ offset: Int, _ count: Int) -> UInt64 {
            if count >= 64 { return wholeMarks(base, count &- 64) &>> UInt64(truncatingIfNeeded: offset &+ 64 &- count) }
            var bits: UInt64 = 0
            var lane = 0
            while offset &+ lane < count {
                bits |= SentenceSplitter.marks(WideLanes.load(base, offset &+ lane, limit: count)) &<< UInt64(lane)
                lane &+= 16
            }
            return bits
        }
    }

    /// One bit per byte (bit k for lane k) that is a line break, `.`, `!` or `?`, or one of the two bytes that share a
    /// comparison with the first two, `*` and the control byte 0x0E, which `split` passes over. The bytes that OR-ed
    /// with 0x24 give 0x2E are exactly 0x0A, 0x0E, 0x2A and 0x2E: three comparisons a lane where four took two more
    /// instructions per sixteen bytes, and neither byte is in news prose (none in the real-news articles).
    @inline(__always)
    private static func marks(_ lanes: WideLanes.Lanes) -> UInt64 {
        WideLanes.mask(
            WideLanes.equal(lanes | WideLanes.Lanes(repeating: 0x24), 0x2E) | WideLanes.equal(lanes, 0x21)
                | WideLanes.equal(lanes, 0x3F))
    }

    /// Appends `range` without its surrounding whitespace, unless nothing is left.
    @inline(__always)
    private static func append(_ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>, to sentences: inout [Range<Int>]) {
        var s = range.lowerBound
        var e = range.upperBound
        while s < e && bytes[s].isASCIIWhitespace { s += 1 }
        while e > s && bytes[e - 1].isASCIIWhitespace { e -= 1 }
        if s < e { sentences.append(s..<e) }
    }

    /// After whitespace at `offset`, does the next visible character look like a sentence start?
    private static func startsSentence(_ bytes: UnsafeBufferPointer<UInt8>, after offset: Int, _ starts: UnsafePointer<Bool>) -> Bool {
        var k = offset
        while k < bytes.count && bytes[k] == 0x20 { k += 1 }
        guard k < bytes.count else { return true }
        return starts[Int(bytes[k])]
    }

    /// Whether a byte can start a sentence after a mark and its space: a line break, an upper-case letter, a digit,
    /// `"`, `'`, `(`, or any non-ASCII byte (UTF-8 opening quotes “ ‘ « and letters such as É, Ö). One load where
    /// a chain of six tests came out differently from sentence to sentence.
    nonisolated(unsafe) private static let startsSentenceByte = ProcessLifetime.byteTable { b in
        b == 0x0A || b.isASCIIUpper || b.isASCIIDigit || b == 0x22 || b == 0x27 || b == 0x28 || b.isNonASCII
    }

    private static let abbreviations = WordTable(set: [
        "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "st", "jr", "sr", "vs", "etc", "inc",
        "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "approx",
        "est", "dept", "univ", "lt", "col", "capt", "sgt", "ft", "mt", "e.g", "i.e", "u.s", "u.k", "u.n",
        "a.m", "p.m", "fig",
    ].map(TimexTokenizer.hash))

    /// The word ending at the period is an abbreviation, an initial (`J.`) or part of `U.S.`. Inlined into its one
    /// caller: as a call, saving and restoring six registers was a third of its cost (some 900 calls a pass).
    @inline(__always)
    private static func isAbbreviation(
        _ bytes: UnsafeBufferPointer<UInt8>, periodAt index: Int, _ abbreviations: WordTable<Bool>
    ) -> Bool {
        var k = index
        // seven bytes back are enough to know: no abbreviation is longer than `approx`
        if index >= 8, let base = bytes.baseAddress {
            // the eight bytes before the period at once (`ByteLanes`, the last in the highest lane): the run of
            // letters and periods that ends the word is the count of flagged lanes from the top, seven at most
            let word = ByteLanes.load(base, index - 8)
            let other = ~(ByteLanes.letters(word) | ByteLanes.equal(word, 0x2E)) & ByteLanes.highs
            k = index - min(other.leadingZeroBitCount >> 3, 7)
        } else {
            while k > 0 && index - k <= 6 && (bytes[k - 1].isASCIILetter || bytes[k - 1] == 0x2E) { k -= 1 }
        }
        // one test for the common case, a word of two to six bytes (no abbreviation is longer): asked in turn,
        // "none", "one" and "over six" each came out either way with the text's word lengths
        guard UInt(bitPattern: index &- k &- 2) < 5 else {
            return index &- k == 1 && bytes[k].isASCIIUpper  // initials: "George W. Bush"
        }
        // hashed like vocabulary words, so no string is built per period
        // letters and periods, at most six: hashed from one load of sixteen lanes
        let word = WordHash.ofRun(WideLanes.load(bytes.baseAddress!, k, limit: bytes.count), count: index &- k)
        if word == noHash {  // "No. 5" but not "said no."
            var next = index + 1
            while next < bytes.count && bytes[next] == 0x20 { next += 1 }
            return next < bytes.count && bytes[next].isASCIIDigit
        }
        return abbreviations.contains(word)
    }

    static let noHash: UInt64 = 0xdce0_d510_2ff7_32e8  // WordHash.of("no"), checked by FunctionWordHashTests
}
