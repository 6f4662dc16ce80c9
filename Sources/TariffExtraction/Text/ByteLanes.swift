/// Eight bytes tested at once in a `UInt64` ("SIMD within a register").
///
/// The scanners that look at every byte of every article (sentence splitting, scalar counting, the
/// tariff prefilter) spend their time skipping bytes that do not matter; testing eight per step is
/// what keeps them off the profile. Each test returns the high bit (0x80) of every lane that matches,
/// exactly, with no carries between lanes, so `trailingZeroBitCount >> 3` is the first matching lane.
/// The reader's dateline search and the JSON writer use the same tests: those are `package` and `@inlinable` (a
/// call for a few operations on a word cost more than the test), in a type that is `public` because Swift 6.3
/// inlines no member of a `package` type in another module, `@inlinable` or not.
public enum ByteLanes {
    @inlinable package static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inlinable package static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// The eight bytes at `offset`, first byte in the lowest lane. The caller ensures `offset + 8 <= count`.
    @inlinable @inline(__always)
    package static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self).littleEndian
    }

    /// Lanes equal to `byte`.
    @inlinable @inline(__always)
    package static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        // a lane is zero exactly when its low seven bits are zero and its high bit is clear
        return ~(((x & ~highs) &+ ~highs) | x) & highs
    }

    /// Lanes equal to `byte` where the lowest flagged lane is always exact, but a lane above a match may be
    /// flagged too (the subtraction's borrow): enough to find the first match, in two fewer steps than `equal`.
    /// Several of these OR-ed together still give the first lane matching any of them.
    @inlinable @inline(__always)
    package static func firstEqual(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs
    }

    /// Lanes holding an ASCII letter, either case.
    @inline(__always)
    static func letters(_ word: UInt64) -> UInt64 {
        let folded = (word | (ones &* 0x20)) & ~highs  // lower case, high bit set aside
        // lane >= 'a' and lane <= 'z', each tested without carries by working on 7-bit lanes
        let atLeastA = (folded &+ (ones &* (0x80 - 0x61))) & highs
        let atMostZ = ~((folded &+ (ones &* (0x7F - 0x7A))) & highs) & highs
        return atLeastA & atMostZ & ~word
    }

    /// Lanes holding an ASCII digit.
    @inline(__always)
    static func digits(_ word: UInt64) -> UInt64 {
        let low = word & ~highs
        let atLeast0 = (low &+ (ones &* (0x80 - 0x30))) & highs
        let atMost9 = ~((low &+ (ones &* (0x7F - 0x39))) & highs) & highs
        return atLeast0 & atMost9 & ~word
    }

    /// Whether any lane holds an ASCII digit: fewer steps than `digits`, whose lanes it does not tell. A lane
    /// is a digit when it is below 10 once `0` is taken away; the subtraction's borrow may flag lanes above a
    /// flagged one, never a lane when none is flagged.
    @inline(__always)
    static func anyDigit(_ word: UInt64) -> Bool {
        let x = word ^ (ones &* 0x30)
        return (x &- ones &* 10) & ~x & highs != 0
    }

    /// The up to eight bytes from `offset` to `end`, zero-filled: zero is neither letter nor digit.
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ offset: Int, end: Int) -> UInt64 {
        if offset + 8 <= end { return load(base, offset) }
        var word: UInt64 = 0
        for k in 0..<(end - offset) { word |= UInt64(base[offset + k]) << (8 * k) }
        return word
    }

    /// Lanes holding a UTF-8 continuation byte (`10xxxxxx`): every other byte starts a Unicode scalar.
    @inline(__always)
    static func continuations(_ word: UInt64) -> UInt64 {
        word & ~(word << 1) & highs
    }

    /// Unicode scalars that start in `bytes[range]`.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var i = range.lowerBound
        var continuing = 0
        while i + 8 <= range.upperBound {
            // one count per lane, summed across lanes once per round: `nonzeroBitCount` has no instruction on
            // the baseline x86-64 this builds for, and its emulation cost twice the rest of the loop
            var lanes: UInt64 = 0
            let round = min(range.upperBound, i + 8 * 31)  // 31 words: the eight lanes sum to at most 248
            while i + 8 <= round {
                lanes &+= continuations(load(base, i)) >> 7
                i += 8
            }
            continuing &+= Int(truncatingIfNeeded: (lanes &* ones) >> 56)
        }
        while i < range.upperBound {
            if base[i] & 0xC0 == 0x80 { continuing &+= 1 }
            i += 1
        }
        return range.count - continuing
    }
}
