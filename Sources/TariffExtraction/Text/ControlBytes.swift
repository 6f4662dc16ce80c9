/// The control characters of a file, counted sixty-four bytes a step: what `ArticleFormats` screens every file
/// it reads with to tell text from binary. Here, not there, so that `WideLanes` is inlined into the loop: called
/// per sixteen bytes across the module boundary its functions stayed calls, and a word-at-a-time count (eight bytes
/// a step, with two "has less than" tests per word) cost about 1.5 instructions a byte of every file read.
package enum ControlBytes {
    /// Whether `bytes` hold a NUL, and how many controls they hold otherwise: bytes below 0x20 other than tab, line
    /// feed, form feed and carriage return, and 0x7F. Once a NUL is found the count is not finished (a NUL decides alone).
    ///
    /// `asciiPrefix`: every byte before it is below 0x80. It runs to the first block of sixty-four that is not ASCII (to
    /// the first byte that is not, in the bytes after the last whole block), so the UTF-8 check that follows the census
    /// can start there: the census loaded those bytes already, and news text often runs a few kilobytes, or to its end,
    /// before its first curly quote.
    package static func census(_ bytes: UnsafeRawBufferPointer) -> (hasNUL: Bool, controls: Int, asciiPrefix: Int) {
        guard let raw = bytes.baseAddress else { return (false, 0, 0) }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let count = bytes.count
        var controls = 0
        var i = 0
        // The blocks of ASCII first, each also tested for a high bit (one OR of the four loads), then the rest without
        // that test: a test per block in one loop cost more than the UTF-8 check it spared.
        while i &+ 64 <= count {
            let a = WideLanes.load(base, i), b = WideLanes.load(base, i &+ 16)
            let c = WideLanes.load(base, i &+ 32), d = WideLanes.load(base, i &+ 48)
            if WideLanes.mask(a | b | c | d) != 0 { break }
            guard blockControls(a, b, c, d, into: &controls) else { return (true, controls, i) }
            i &+= 64
        }
        var ascii = i
        // Most blocks of a text hold no byte below 0x20 at all; the few that do (its line breaks) are counted exactly.
        while i &+ 64 <= count {
            let a = WideLanes.load(base, i), b = WideLanes.load(base, i &+ 16)
            let c = WideLanes.load(base, i &+ 32), d = WideLanes.load(base, i &+ 48)
            guard blockControls(a, b, c, d, into: &controls) else { return (true, controls, ascii) }
            i &+= 64
        }
        while i < count {
            let byte = base[i]
            if byte == 0 { return (true, controls, ascii) }
            if ascii == i, byte < 0x80 { ascii = i &+ 1 }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D || byte == 0x7F { controls &+= 1 }
            i &+= 1
        }
        return (false, controls, ascii)
    }

    /// Adds the controls of a block of sixty-four bytes (four loads) to `controls`; false when it holds a NUL (the
    /// controls before it are then no longer asked for).
    @inline(__always)
    private static func blockControls(
        _ a: WideLanes.Lanes, _ b: WideLanes.Lanes, _ c: WideLanes.Lanes, _ d: WideLanes.Lanes, into controls: inout Int
    ) -> Bool {
        guard WideLanes.mask(lowOrDelete(a) | lowOrDelete(b) | lowOrDelete(c) | lowOrDelete(d)) != 0 else { return true }
        let nul = WideLanes.equal(a, 0) | WideLanes.equal(b, 0) | WideLanes.equal(c, 0) | WideLanes.equal(d, 0)
        if WideLanes.mask(nul) != 0 { return false }
        // one bit count for the four (it has no instruction on the baseline x86-64 this builds for)
        let found = WideLanes.mask(lowOrDelete(a) & ~allowed(a)) | WideLanes.mask(lowOrDelete(b) & ~allowed(b)) << 16
            | WideLanes.mask(lowOrDelete(c) & ~allowed(c)) << 32 | WideLanes.mask(lowOrDelete(d) & ~allowed(d)) << 48
        controls &+= found.nonzeroBitCount
        return true
    }

    /// Lanes below 0x20 (no bit of 0xE0 set) or equal to 0x7F.
    @inline(__always)
    private static func lowOrDelete(_ lanes: WideLanes.Lanes) -> WideLanes.Lanes {
        WideLanes.equal(lanes & WideLanes.Lanes(repeating: 0xE0), 0) | WideLanes.equal(lanes, 0x7F)
    }

    /// Tab, line feed, form feed and carriage return: the controls text has.
    @inline(__always)
    private static func allowed(_ lanes: WideLanes.Lanes) -> WideLanes.Lanes {
        WideLanes.equal(lanes, 0x09) | WideLanes.equal(lanes, 0x0A) | WideLanes.equal(lanes, 0x0C) | WideLanes.equal(lanes, 0x0D)
    }
}
