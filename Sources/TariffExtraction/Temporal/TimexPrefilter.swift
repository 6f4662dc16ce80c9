/// Skips sentences that cannot hold a temporal expression before any token is built.
///
/// The tagger needs a number or a word of its lexicon, and most news sentences have neither;
/// tokenizing them anyway was the largest single cost of extraction. This scan reads eight bytes per
/// step: an ASCII digit means "maybe"; otherwise each run of ASCII letters is checked by its shape
/// (length, first and last letter) against a small bit set and, only on a hit, by its hash against
/// the lexicon. It may pass a sentence the tagger then finds empty, never reject one it would tag:
/// every lexicon word the tokenizer yields is a whole run of ASCII letters here too.
enum TimexPrefilter {
    static func mayHoldTime(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { mayHoldTime($0, range) }
    }

    static func mayHoldTime(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let shapes = Self.shapes
        let lexicon = TimexLexicon.table
        var wordStart = -1  // start of the letter run in progress
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let word = ByteLanes.load(base, i, end: end)
            if ByteLanes.digits(word) != 0 { return true }
            let letters = ByteLanes.letters(word)
            // lanes whose letter-ness differs from the lane before: a run starts or ends there
            var edges = letters ^ ((letters << 8) | (wordStart >= 0 ? 0x80 : 0))
            while edges != 0 {
                let lane = edges.trailingZeroBitCount >> 3
                if letters >> (lane << 3) & 0x80 != 0 {
                    wordStart = i + lane
                } else {
                    if isLexiconWord(base, wordStart, i + lane, shapes, lexicon) { return true }
                    wordStart = -1
                }
                edges &= edges &- 1
            }
            i += 8
        }
        return wordStart >= 0 && isLexiconWord(base, wordStart, end, shapes, lexicon)
    }

    @inline(__always)
    private static func isLexiconWord(
        _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ shapes: [UInt64], _ lexicon: WordTable<TimexWord>
    ) -> Bool {
        guard end - start <= maxLength else { return false }
        let key = shape(length: end - start, first: base[start], last: base[end - 1])
        guard shapes[key >> 6] >> (key & 63) & 1 != 0 else { return false }
        var h = WordHash.offset
        for k in start..<end { h = (h ^ UInt64(base[k].asciiLowercased)) &* WordHash.prime }
        return lexicon.contains(h)
    }

    private static let maxLength = 15

    /// A word's shape: its length (at most `maxLength`) and the low five bits of its first and last letter.
    @inline(__always)
    private static func shape(length: Int, first: UInt8, last: UInt8) -> Int {
        length << 10 | Int(first & 31) << 5 | Int(last & 31)
    }

    /// One bit per shape of a lexicon word made of letters only (`q3` has a digit and passes anyway).
    private static let shapes: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: ((maxLength + 1) << 10) >> 6)
        for (word, _) in TimexLexicon.entries {
            let utf8 = Array(word.utf8)
            guard utf8.allSatisfy(\.isASCIILetter), utf8.count <= maxLength else { continue }
            let key = shape(length: utf8.count, first: utf8[0], last: utf8[utf8.count - 1])
            bits[key >> 6] |= 1 << (key & 63)
        }
        return bits
    }()
}
