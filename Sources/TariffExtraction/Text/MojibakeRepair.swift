/// Undoes double-encoded UTF-8 ("mojibake"): text that was UTF-8, read as Latin-1 or Windows-1252 and
/// written out again as UTF-8, so `China’s` arrives as `Chinaâ€™s` (or `Chinaâ\u{80}\u{99}s`) and a
/// no-break space as `Â `. Scraped news carries it often, and every rule that reads an apostrophe, a
/// quote or a dash would miss there.
///
/// A run is repaired only when it decodes back to one well-formed multi-byte UTF-8 scalar: a lead
/// `Â`…`ô` followed by exactly the continuation characters its first byte asks for. Accented words
/// (`Azevêdo`, `café`) do not have that shape and are left alone. `Â` before a plain space, what is left
/// of a no-break space once a scraper turned it into a space, is dropped.
struct MojibakeRepair: Sendable {
    /// One repaired run: `original` bytes of the file became `repaired` bytes of the text read.
    struct Edit: Sendable, Equatable {
        var original: Range<Int>
        var repaired: Range<Int>
    }

    let bytes: [UInt8]
    /// Sorted by position; empty when nothing was repaired.
    let edits: [Edit]

    /// Repairs `original`; returns nil when it holds nothing to repair. Ask only for a text `mayHoldMojibake`
    /// found a lead in (`TextDocument` screens while it counts scalars): this does not screen it again.
    static func repair(_ original: [UInt8]) -> MojibakeRepair? {
        let n = original.count
        // nearly every text that gets here has runs to repair, a score of them in a news article: made once
        // rather than grown from empty
        var edits: [Edit] = []
        edits.reserveCapacity(32)
        // A repaired run is always shorter than the bytes it replaces (one byte for each continuation character of
        // two or three), so the text never outgrows the file: it is written in place into room for all of the
        // file's bytes. Appending copied each stretch through the generic path and checked capacity and
        // uniqueness at every byte of a run.
        let out = [UInt8](unsafeUninitializedCapacity: n) { out, written in
            original.withUnsafeBufferPointer { source in
                var w = 0
                var copied = 0
                var i = 0
                func copy(_ range: Range<Int>) {
                    guard let to = out.baseAddress, let from = source.baseAddress, !range.isEmpty else { return }
                    (to + w).initialize(from: from + range.lowerBound, count: range.count)
                    w += range.count
                }
                while i < n {
                    i = nextLead(source, from: i)
                    guard i < n else { break }
                    guard i + 1 < n, source[i + 1] >= 0x82, source[i + 1] <= 0xB4 else {
                        i += 1
                        continue
                    }
                    let lead = 0x40 | source[i + 1]  // U+00C2…U+00F4 as the byte it stood for
                    let run = lead == 0xE2 ? latin1Continuations(source, from: i + 2) : nil
                    if let (decoded, count, length) = run ?? decodeRun(original, from: i + 2, lead: lead) {
                        copy(copied..<i)
                        let start = w
                        for k in 0..<count {
                            out[w] = UInt8(truncatingIfNeeded: decoded >> UInt32(8 * k))
                            w += 1
                        }
                        edits.append(Edit(original: i..<(i + 2 + length), repaired: start..<w))
                        i += 2 + length
                        copied = i
                    } else if lead == 0xC2, i + 2 < n, source[i + 2] == 0x20 {
                        copy(copied..<i)
                        edits.append(Edit(original: i..<(i + 2), repaired: w..<w))
                        i += 2
                        copied = i
                    } else {
                        i += 2
                    }
                }
                if !edits.isEmpty { copy(copied..<n) }
                written = w
            }
        }
        guard !edits.isEmpty else { return nil }
        return MojibakeRepair(bytes: out, edits: edits)
    }

    /// Whether a double-encoded lead starts in `range` of the `count` bytes at `base` (a run may go on past
    /// `range`). Every such lead is U+00C2…U+00F4 (UTF-8 0xC3 0x82…0xB4) followed by a character whose UTF-8
    /// starts 0xC2, 0xC5, 0xC6, 0xCB or 0xE2, or by a space. `TextDocument` asks it only for the 64 bytes it
    /// finds a non-ASCII byte in while it counts scalars, so most of an English article is read once for both.
    static func mayHoldMojibake(_ base: UnsafePointer<UInt8>, _ range: Range<Int>, count n: Int) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let word = ByteLanes.load(base, i, end: min(n, range.upperBound))
            // plain ASCII, most of every English article, is one test per eight bytes
            guard word & ByteLanes.highs != 0 else {
                i += 8
                continue
            }
            var hits = ByteLanes.equal(word, 0xC3)
            while hits != 0 {
                let at = i + hits.trailingZeroBitCount >> 3
                if at + 2 < n, base[at + 1] >= 0x82, base[at + 1] <= 0xB4 {
                    switch base[at + 2] {
                    case 0xC2, 0xC5, 0xC6, 0xCB, 0xE2, 0x20: return true
                    default: break
                    }
                }
                hits &= hits &- 1
            }
            i += 8
        }
        return false
    }

    /// The first 0xC3 byte (the lead of every double-encoded run) at or after `offset`, or the end: a block of
    /// bytes per step, since a text that has mojibake still has it in only a few places.
    @inline(__always)
    private static func nextLead(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var i = offset
        // sixty-four bytes a step while none is a lead (most of a text, whose runs are a few dozen bytes of thousands):
        // four compares OR-ed and their bits gathered once, rather than gathered and tested per sixteen
        while i + 64 <= bytes.count {
            let leads = WideLanes.equal(WideLanes.load(base, i), 0xC3) | WideLanes.equal(WideLanes.load(base, i + 16), 0xC3)
                | WideLanes.equal(WideLanes.load(base, i + 32), 0xC3) | WideLanes.equal(WideLanes.load(base, i + 48), 0xC3)
            if WideLanes.mask(leads) != 0 { break }
            i += 64
        }
        // sixteen bytes compared at once, the results gathered as bits (`WideLanes`: one instruction each with SSE2)
        while i + 16 <= bytes.count {
            let hits = WideLanes.mask(WideLanes.equal(WideLanes.load(base, i), 0xC3))
            if hits != 0 { return i + hits.trailingZeroBitCount }
            i += 16
        }
        while i < bytes.count && base[i] != 0xC3 { i += 1 }
        return i
    }

    /// The file's byte offset of byte `offset` of the repaired text.
    ///
    /// The last edit starting at or before `offset` is found by halving with no branch on the comparison: the
    /// halves taken follow the offsets asked for, which a branch per step mispredicted about every other time (a
    /// few dozen edits, asked twice for each fact of a repaired article).
    func originalOffset(ofRepaired offset: Int) -> Int {
        let last: Int = edits.withUnsafeBufferPointer { edits in
            guard let first = edits.first, first.repaired.lowerBound <= offset else { return -1 }
            // edits[base] starts at or before `offset`; the answer is in base..<(base + count)
            var base = 0
            var count = edits.count
            while count > 1 {
                let half = count >> 1
                base = edits[base &+ half].repaired.lowerBound <= offset ? base &+ half : base
                count &-= half
            }
            return base
        }
        guard last >= 0 else { return offset }
        let edit = edits[last]
        if offset == edit.repaired.lowerBound { return edit.original.lowerBound }
        if offset < edit.repaired.upperBound { return edit.original.upperBound }
        return offset - edit.repaired.upperBound + edit.original.upperBound
    }

    /// The run after a lead `â` (0xE2) when both its continuation characters are Latin-1 (0xC2 0x80…0xBF each), as
    /// `decodeRun` reads it, else nil: `’`, `“`, `”`, `–` and the rest of U+2000…U+2FFF read as Latin-1, the shape of
    /// nearly every run in scraped news. One load of four bytes and one test, where `decodeRun` took some 130
    /// instructions a run (a lead of 0xE2 puts no bound on the second byte beyond a continuation's).
    @inline(__always)
    private static func latin1Continuations(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (UInt32, count: Int, length: Int)? {
        guard start + 4 <= bytes.count, let base = bytes.baseAddress else { return nil }
        // bytes 0xC2 x 0xC2 y, first byte lowest, x and y each 0b10xxxxxx
        let word = UInt32(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt32.self))
        guard word & 0xC0FF_C0FF == 0x80C2_80C2 else { return nil }
        return (0xE2 | word & 0xFF00 | (word >> 8) & 0xFF_0000, 3, 4)
    }

    /// The continuation characters after a lead byte, decoded: the UTF-8 bytes they stood for (packed
    /// first byte lowest, with their count) and how many bytes of the file they took, or nil when they do not
    /// make one well-formed scalar. Packed in an integer: an array per run cost an allocation and its release.
    private static func decodeRun(_ bytes: [UInt8], from start: Int, lead: UInt8) -> (UInt32, count: Int, length: Int)? {
        let needed: Int
        switch lead {
        case 0xC2...0xDF: needed = 1
        case 0xE0...0xEF: needed = 2
        case 0xF0...0xF4: needed = 3
        default: return nil
        }
        var decoded = UInt32(lead)
        var j = start
        for n in 1...needed {
            guard let (byte, length) = continuationByte(bytes, j) else { return nil }
            decoded |= UInt32(byte) << UInt32(8 * n)
            j += length
        }
        // The second byte's range depends on the lead (no overlong forms, no surrogates, nothing past U+10FFFF).
        let second = UInt8(truncatingIfNeeded: decoded >> 8)
        switch lead {
        case 0xE0: guard second >= 0xA0 else { return nil }
        case 0xED: guard second < 0xA0 else { return nil }
        case 0xF0: guard second >= 0x90 else { return nil }
        case 0xF4: guard second < 0x90 else { return nil }
        default: break
        }
        return (decoded, needed + 1, j - start)
    }

    /// The byte 0x80…0xBF that the scalar at `i` shows when a UTF-8 continuation byte is read as Latin-1
    /// (U+0080…U+00BF) or Windows-1252 (`€`, `™`, curly quotes, …), with the scalar's length in bytes.
    private static func continuationByte(_ bytes: [UInt8], _ i: Int) -> (UInt8, Int)? {
        guard i + 1 < bytes.count else { return nil }
        let b0 = bytes[i]
        let b1 = bytes[i + 1]
        if b0 == 0xC2, b1 >= 0x80, b1 <= 0xBF { return (b1, 2) }
        if b0 == 0xC5 || b0 == 0xC6 || b0 == 0xCB {
            let scalar = (UInt32(b0 & 0x1F) << 6) | UInt32(b1 & 0x3F)
            return windows1252(scalar).map { ($0, 2) }
        }
        if b0 == 0xE2, i + 2 < bytes.count {
            let scalar = (UInt32(b0 & 0x0F) << 12) | (UInt32(b1 & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
            return windows1252(scalar).map { ($0, 3) }
        }
        return nil
    }

    /// The byte 0x80…0x9F that a Windows-1252 character there stands for (the ones that are not the Latin-1 control
    /// codes), else nil. A switch on the scalar, not a dictionary: hashing it cost some 150 instructions a look-up, and a
    /// repaired article asks for each of its curly quotes and dashes.
    private static func windows1252(_ scalar: UInt32) -> UInt8? {
        switch scalar {
        case 0x20AC: 0x80
        case 0x201A: 0x82
        case 0x0192: 0x83
        case 0x201E: 0x84
        case 0x2026: 0x85
        case 0x2020: 0x86
        case 0x2021: 0x87
        case 0x02C6: 0x88
        case 0x2030: 0x89
        case 0x0160: 0x8A
        case 0x2039: 0x8B
        case 0x0152: 0x8C
        case 0x017D: 0x8E
        case 0x2018: 0x91
        case 0x2019: 0x92
        case 0x201C: 0x93
        case 0x201D: 0x94
        case 0x2022: 0x95
        case 0x2013: 0x96
        case 0x2014: 0x97
        case 0x02DC: 0x98
        case 0x2122: 0x99
        case 0x0161: 0x9A
        case 0x203A: 0x9B
        case 0x0153: 0x9C
        case 0x017E: 0x9E
        case 0x0178: 0x9F
        default: nil
        }
    }
}
