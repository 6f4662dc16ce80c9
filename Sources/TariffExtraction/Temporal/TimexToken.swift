/// One word, number or mark of a sentence for the temporal tagger, as byte offsets plus a hash.
///
/// Hashes instead of strings keep vocabulary look-ups allocation-free on the hot path.
struct TimexToken: Sendable {
    enum Kind: UInt8, Sendable {
        case word, number, mark
    }

    var start: Int
    var end: Int
    var kind: Kind
    /// FNV-1a of the lowercased bytes: the same hash `TimexTokenizer.hash(_:)` gives a vocabulary word.
    var hash: UInt64
    /// The value of a number token (digits only, `2025`), else 0.
    var value: Int
    /// Digits in a number token: tells `2025` from `25` and `05`.
    var digits: Int
    /// The punctuation a mark stands for, normalised: en/em dashes are `-`, curly quotes are `"` or `'`.
    var mark: UInt8
    /// First letter upper case (sentence-initial words included).
    var capitalized: Bool
    /// Whitespace separates it from the previous token: `25-27` has none, `to 27` has.
    var spaceBefore: Bool
}

extension [TimexToken] {
    /// A `;` or `:` that ends a clause; the colon of a time (`12:01 a.m.`) does not.
    func isClauseBreak(_ i: Int) -> Bool {
        let t = self[i]
        guard t.kind == .mark else { return false }
        if t.mark == 0x3B { return true }
        guard t.mark == 0x3A else { return false }
        let isTime = i > 0 && i + 1 < count && self[i - 1].kind == .number && self[i + 1].kind == .number && !self[i + 1].spaceBefore
        return !isTime
    }
}

extension [TimexToken] {
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

    static func tokenize(_ bytes: [UInt8], _ range: Range<Int>, into tokens: inout [TimexToken]) {
        tokens.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { tokenize($0, range, into: &tokens) }
    }

    private static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into tokens: inout [TimexToken]) {
        var i = range.lowerBound
        let end = range.upperBound
        var space = true
        while i < end {
            let b = bytes[i]
            if b.isASCIIWhitespace {
                space = true
                i += 1
                continue
            }
            if b == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 {  // no-break space
                space = true
                i += 2
                continue
            }
            var token = TimexToken(
                start: i, end: i + 1, kind: .mark, hash: 0, value: 0, digits: 0, mark: b, capitalized: false,
                spaceBefore: space)
            space = false
            if b.isASCIIDigit {
                var j = i
                var value = 0
                while j < end, bytes[j].isASCIIDigit {
                    if j - i < 9 { value = value * 10 + Int(bytes[j] &- 0x30) }
                    j += 1
                }
                token.kind = .number
                token.end = j
                token.value = value
                token.digits = j - i
            } else if b.isASCIILetter || (b.isNonASCII && !UInt8.isNonASCIIPunctuation(bytes, i, end)) {
                var j = i
                var h = WordHash.offset
                while j < end {
                    let c = bytes[j]
                    if c.isASCIILetter || c.isASCIIDigit {
                        h = (h ^ UInt64(c.asciiLowercased)) &* WordHash.prime
                        j += 1
                    } else if c.isNonASCII, !UInt8.isNonASCIIPunctuation(bytes, j, end) {
                        h = (h ^ UInt64(c)) &* WordHash.prime
                        j += 1
                        while j < end && bytes[j] & 0xC0 == 0x80 {
                            h = (h ^ UInt64(bytes[j])) &* WordHash.prime
                            j += 1
                        }
                    } else {
                        break
                    }
                }
                token.kind = .word
                token.end = j
                token.hash = h
                token.capitalized = b.isASCIIUpper
            } else if b.isNonASCII {
                var j = i + 1
                while j < end && bytes[j] & 0xC0 == 0x80 { j += 1 }
                token.end = j
                token.mark = normalisedMark(bytes, i)
            }
            tokens.append(token)
            i = token.end
        }
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
