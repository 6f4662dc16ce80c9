/// ASCII byte classes for hand-written scanners.
extension UInt8 {
    @inline(__always) var isASCIIDigit: Bool { self &- 0x30 < 10 }
    @inline(__always) var isASCIILetter: Bool { (self | 0x20) &- 0x61 < 26 }
    @inline(__always) var isASCIIUpper: Bool { self &- 0x41 < 26 }
    @inline(__always) var isASCIIAlphanumeric: Bool { isASCIIDigit || isASCIILetter }
    @inline(__always) var asciiLowercased: UInt8 { isASCIIUpper ? self | 0x20 : self }
    /// Space, tab, CR, LF, form feed, vertical tab.
    @inline(__always) var isASCIIWhitespace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0D) }
    /// Any byte of a non-ASCII scalar: treated as part of a word by the tokenizer.
    @inline(__always) var isNonASCII: Bool { self >= 0x80 }

    /// Is the non-ASCII scalar starting at `i` punctuation rather than part of a word? The general
    /// punctuation block (curly quotes, dashes, ellipsis), currency and letterlike symbols (`€`, `™`),
    /// Latin-1 punctuation and symbols (`«`, `»`, `°`, no-break space) and `×`. Both tokenizers ask this,
    /// so a word ends at the same place for each.
    @inline(__always)
    static func isNonASCIIPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        let b = bytes[i]
        if b == 0xE2, i + 1 < end, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x82 || bytes[i + 1] == 0x84 { return true }
        if b == 0xC2 { return true }
        if b == 0xC3, i + 1 < end, bytes[i + 1] == 0x97 { return true }
        return false
    }
}

extension Array where Element == UInt8 {
    /// True when the bytes at `offset` equal `word` ignoring ASCII case. `word` must be lowercase ASCII.
    @inline(__always)
    func matchesLowercase(_ word: StaticString, at offset: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard offset >= 0, offset + count <= self.count else { return false }
        let pointer = word.utf8Start
        for i in 0..<count where self[offset + i].asciiLowercased != pointer[i] {
            return false
        }
        return true
    }
}
