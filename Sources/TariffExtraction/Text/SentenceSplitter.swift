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
        let abbreviations = Self.abbreviations  // once per document, not through its lazy global per period
        var i = nextMark(bytes, from: 0)
        while i < n {
            let byte = bytes[i]
            if byte == 0x0A {  // line break: paragraphs, headlines, captions are their own sentences
                append(start..<i, of: bytes, to: &sentences)
                start = i + 1
                i = nextMark(bytes, from: i + 1)
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
            if j >= n || (bytes[j].isASCIIWhitespace && startsSentence(bytes, after: j))
                && !(byte == 0x2E && isAbbreviation(bytes, periodAt: i, abbreviations))
            {
                append(start..<j, of: bytes, to: &sentences)
                start = j
            }
            i = nextMark(bytes, from: j)
        }
        append(start..<n, of: bytes, to: &sentences)
        return sentences
    }

    /// The first line break, `.`, `!` or `?` at or after `offset`, or the end: a block of bytes per step
    /// (`firstMark(_:_:)`), since nearly every byte of an article is none of them.
    @inline(__always)
    private static func nextMark(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var i = offset
        while i + markBlock <= bytes.count {
            let first = firstMark(base, i)
            if first < markBlock { return i + first }
            i += markBlock
        }
        // only within the last block of the document
        while i < bytes.count {
            let b = base[i]
            if b == 0x0A || b == 0x2E || b == 0x21 || b == 0x3F { return i }
            i += 1
        }
        return bytes.count
    }

    /// Bytes `nextMark` tests per step: two registers, whose marks are found with one count.
    private static var markBlock: Int { 32 }

    /// Where the first mark is among the 32 bytes at `offset`, or 32. With SSE2 (`WideLanes`) each byte test is
    /// one instruction and the sixteen results are gathered as bits in another: the splitter reads every byte of
    /// an article, half a million instructions a pass with lane arithmetic sixteen bytes per step.
    @inline(__always)
    private static func firstMark(_ base: UnsafePointer<UInt8>, _ offset: Int) -> Int {
        let low = marks(WideLanes.load(base, offset))
        let high = marks(WideLanes.load(base, offset + 16))
        // the bit above the block: never zero, so the count needs no test for it
        return (low | high << 16 | 1 << 32).trailingZeroBitCount
    }

    /// One bit per byte (bit k for lane k) that is a line break, `.`, `!` or `?`.
    @inline(__always)
    private static func marks(_ lanes: WideLanes.Lanes) -> UInt64 {
        WideLanes.mask(
            WideLanes.equal(lanes, 0x0A) | WideLanes.equal(lanes, 0x2E) | WideLanes.equal(lanes, 0x21)
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
    private static func startsSentence(_ bytes: UnsafeBufferPointer<UInt8>, after offset: Int) -> Bool {
        var k = offset
        while k < bytes.count && bytes[k] == 0x20 { k += 1 }
        guard k < bytes.count else { return true }
        let b = bytes[k]
        if b == 0x0A || b.isASCIIUpper || b.isASCIIDigit || b == 0x22 || b == 0x27 || b == 0x28 { return true }
        // UTF-8 opening quotes “ ‘ « and other non-ASCII letters (É, Ö…) start sentences too.
        return b.isNonASCII
    }

    private static let abbreviations = WordTable(set: [
        "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "st", "jr", "sr", "vs", "etc", "inc",
        "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "approx",
        "est", "dept", "univ", "lt", "col", "capt", "sgt", "ft", "mt", "e.g", "i.e", "u.s", "u.k", "u.n",
        "a.m", "p.m", "fig",
    ].map(TimexTokenizer.hash))

    /// The word ending at the period is an abbreviation, an initial (`J.`) or part of `U.S.`.
    private static func isAbbreviation(
        _ bytes: UnsafeBufferPointer<UInt8>, periodAt index: Int, _ abbreviations: WordTable<Bool>
    ) -> Bool {
        var k = index
        // seven bytes back are enough to know: no abbreviation is longer than `approx`
        while k > 0 && index - k <= 6 && (bytes[k - 1].isASCIILetter || bytes[k - 1] == 0x2E) { k -= 1 }
        guard k < index else { return false }
        if index - k == 1 { return bytes[k].isASCIIUpper }  // initials: "George W. Bush"
        if index - k > 6 { return false }
        // hashed like vocabulary words, so no string is built per period
        var word = WordHash.offset
        for b in bytes[k..<index] { word = (word ^ UInt64(b.asciiLowercased)) &* WordHash.prime }
        if word == noHash {  // "No. 5" but not "said no."
            var next = index + 1
            while next < bytes.count && bytes[next] == 0x20 { next += 1 }
            return next < bytes.count && bytes[next].isASCIIDigit
        }
        return abbreviations.contains(word)
    }

    static let noHash: UInt64 = 0x08b3_5907_b558_9afa  // WordHash.of("no"), checked by FunctionWordHashTests
}
