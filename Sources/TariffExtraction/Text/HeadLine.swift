/// One line of a text's head, found up to sixty-four bytes a step: where it ends, whether it has an ASCII digit, and how
/// many Unicode scalars the head has used up. `ArticleFormats` reads the top of every article this way to find
/// its dateline; byte by byte that walk was 5% of `tariffwatch extract` (callgrind).
package struct HeadLine: Equatable {
    /// One past the line's last byte: its `\n` or `\r`, the head's end or the text's.
    package var end: Int
    /// Where the next line starts (past the line break).
    package var next: Int
    /// Scalars of the head used up to `next`, the line break included.
    package var scalars: Int
    package var hasDigit: Bool
    /// The head's `limit` scalars ended this line: no line follows it.
    package var headEnded: Bool

    /// The line starting at `start`, in a head of at most `limit` scalars of which `scalars` come before it.
    package static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, scalars: Int, limit: Int) -> HeadLine {
        var line = HeadLine(end: bytes.count, next: start, scalars: scalars, hasDigit: false, headEnded: false)
        guard let base = bytes.baseAddress else { return line }
        // whether a block of sixty-four bytes may still hold no break: once one holds the line's, the line ends in it
        var wide = true
        while line.next < bytes.count {
            // Sixty-four bytes a step through the middle of a long line (an opening paragraph often runs to the
            // head's end): four loads whose breaks, high bits and digits are gathered once, where a step of sixteen
            // tested and branched per load. Only when none of the four holds a break, and the head cannot end in them.
            while wide, line.next &+ 64 <= bytes.count, line.scalars &+ 64 <= limit {
                let a = WideLanes.load(base, line.next), b = WideLanes.load(base, line.next &+ 16)
                let c = WideLanes.load(base, line.next &+ 32), d = WideLanes.load(base, line.next &+ 48)
                let breaks = WideLanes.equal(a, 0x0A) | WideLanes.equal(a, 0x0D) | WideLanes.equal(b, 0x0A)
                    | WideLanes.equal(b, 0x0D) | WideLanes.equal(c, 0x0A) | WideLanes.equal(c, 0x0D)
                    | WideLanes.equal(d, 0x0A) | WideLanes.equal(d, 0x0D)
                guard WideLanes.mask(breaks) == 0 else {
                    wide = false
                    break
                }
                if !line.hasDigit,
                    WideLanes.mask(WideLanes.digitBits(a) | WideLanes.digitBits(b) | WideLanes.digitBits(c) | WideLanes.digitBits(d)) != 0
                {
                    line.hasDigit = true
                }
                if WideLanes.mask(a | b | c | d) == 0 {
                    line.scalars &+= 64
                } else {
                    // one bit count for the four (it has no instruction on the baseline x86-64 this builds for)
                    let starts = WideLanes.mask(WideLanes.scalarStarts(a)) | WideLanes.mask(WideLanes.scalarStarts(b)) << 16
                        | WideLanes.mask(WideLanes.scalarStarts(c)) << 32 | WideLanes.mask(WideLanes.scalarStarts(d)) << 48
                    line.scalars &+= starts.nonzeroBitCount
                }
                line.next &+= 64
            }
            guard line.next < bytes.count else { break }  // the steps above may have read to the text's end
            // Sixteen bytes a step through the rest of a long line: no break in them, and the head cannot end inside them.
            if line.next &+ 16 <= bytes.count, line.scalars &+ 16 <= limit {
                let lanes = WideLanes.load(base, line.next)
                if WideLanes.mask(WideLanes.equal(lanes, 0x0A) | WideLanes.equal(lanes, 0x0D)) == 0 {
                    if !line.hasDigit, WideLanes.mask(WideLanes.digitBits(lanes)) != 0 { line.hasDigit = true }
                    // sixteen ASCII bytes are sixteen scalars; else one per lane that is not a continuation byte
                    line.scalars &+= WideLanes.mask(lanes) == 0 ? 16 : WideLanes.mask(WideLanes.scalarStarts(lanes)).nonzeroBitCount
                    line.next &+= 16
                    continue
                }
            }
            // whole words while the head cannot end inside one: no more than `limit` scalars are counted
            if line.next &+ 8 <= bytes.count, line.scalars &+ 8 <= limit {
                let word = ByteLanes.load(base, line.next)
                // only the first break counts: `firstEqual` flags it exactly, in fewer steps than `equal`
                let breaks = ByteLanes.firstEqual(word, 0x0A) | ByteLanes.firstEqual(word, 0x0D)
                let beforeBreak: UInt64 = breaks == 0 ? ~0 : (breaks & (0 &- breaks)) &- 1  // lanes before the first
                // one digit is enough: the rest of the line's words are not tested (a long line has one early)
                if !line.hasDigit, ByteLanes.digits(word) & beforeBreak != 0 { line.hasDigit = true }
                let starts = ~ByteLanes.continuations(word) & ByteLanes.highs & beforeBreak
                line.scalars &+= Int(truncatingIfNeeded: ((starts >> 7) &* ByteLanes.ones) >> 56)
                guard breaks != 0 else {
                    line.next &+= 8
                    continue
                }
                let lane = breaks.trailingZeroBitCount >> 3
                line.end = line.next &+ lane
                line.scalars &+= 1  // the break
                line.next = line.end &+ 1
                return line
            }
            let byte = base[line.next]
            if byte & 0xC0 != 0x80 {  // a scalar starts here
                if line.scalars == limit {
                    line.end = line.next
                    line.headEnded = true
                    return line
                }
                line.scalars += 1
                if byte < 0x3A {  // digits, "\n" and "\r" are all below ":"
                    if byte >= 0x30 {
                        line.hasDigit = true
                    } else if byte == 0x0A || byte == 0x0D {
                        line.end = line.next
                        line.next += 1
                        return line
                    }
                }
            }
            line.next += 1
        }
        return line
    }
}
