#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Sixteen bytes tested at once in one SSE2 register, as `ByteLanes` tests eight in a `UInt64`.
///
/// The prefilters, the sentence splitter, the scalar count and the head scan read every byte they pass; a
/// register twice as wide halves their steps.
/// Lane-wise `&`, `|`, `^` and `&-` become one vector instruction each, whereas the SIMD comparison
/// operators (`.==`) compile to a loop over the sixteen lanes; the byte compare and the gathering of lanes as
/// bits, which lane arithmetic does slowly, are SSE2 intrinsics on x86-64, each with a portable twin: the
/// engine's only processor intrinsics, here alone. Each test returns the high bit (0x80) of every lane that
/// matches; `mask` gathers them as bits, `halves` hands them to `ByteLanes` code. The JSON writer outside the engine
/// asks one question of it (`jsonEscapes`).
package enum WideLanes {
    typealias Lanes = SIMD16<UInt8>

    /// The sixteen bytes at `offset`, first byte in lane 0. The caller ensures `offset + 16 <= count`.
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> Lanes {
        UnsafeRawPointer(base + offset).loadUnaligned(as: Lanes.self)
    }

    /// The sixteen bytes from `offset`, zero past `limit` (a buffer's count): read in one load when all sixteen are
    /// below it, the usual case, else through `load(_:_:end:)`.
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ offset: Int, limit: Int) -> Lanes {
        offset &+ 16 <= limit ? load(base, offset) : load(base, offset, end: limit)
    }

    /// The up to sixteen bytes from `offset` to `end`, zero-filled (zero is neither letter nor digit), as
    /// `ByteLanes.load(_:_:end:)` gives eight: for the last bytes of a buffer. Not inlined: it is rare.
    @inline(never)
    static func load(_ base: UnsafePointer<UInt8>, _ offset: Int, end: Int) -> Lanes {
        var lanes = Lanes()
        var k = 0
        while offset &+ k < end && k < 16 {
            lanes[k] = base[offset &+ k]
            k &+= 1
        }
        return lanes
    }

    /// Lanes equal to `byte`. SSE2 compares sixteen bytes in one instruction; elsewhere lanes carry nothing
    /// into each other, so `x - 1` sets the high bit of a zero lane and `~x` keeps it only where `x` had it
    /// clear: exactly the zero lanes.
    @inline(__always)
    static func equal(_ lanes: Lanes, _ byte: UInt8) -> Lanes {
        #if arch(x86_64)
        // all ones where equal; the mask to 0x80 costs nothing before `mask`, which reads only the high bits
        let equal = _mm_cmpeq_epi8(unsafeBitCast(lanes, to: __m128i.self), _mm_set1_epi8(Int8(bitPattern: byte)))
        return unsafeBitCast(equal, to: Lanes.self) & Lanes(repeating: 0x80)
        #else
        let x = lanes ^ Lanes(repeating: byte)
        return (x &- Lanes(repeating: 1)) & ~x & Lanes(repeating: 0x80)
        #endif
    }

    /// The high bit of each lane as one bit, lane 0 lowest: a test's matches (or a load's non-ASCII bytes) as
    /// sixteen bits to find the first of with `trailingZeroBitCount` or to join into 64-byte masks. SSE2 gathers
    /// them in one instruction (`pmovmskb`); elsewhere a multiplication per eight lanes moves each to its place.
    @inline(__always)
    static func mask(_ lanes: Lanes) -> UInt64 {
        #if arch(x86_64)
        UInt64(truncatingIfNeeded: UInt16(truncatingIfNeeded: _mm_movemask_epi8(unsafeBitCast(lanes, to: __m128i.self))))
        #else
        let words = halves(lanes & Lanes(repeating: 0x80))
        // each lane's bit to its own place in the top byte, no two adding up
        func gather(_ word: UInt64) -> UInt64 { ((word &>> 7) &* 0x0102_0408_1020_4080) &>> 56 }
        return gather(words.low) | gather(words.high) &<< 8
        #endif
    }

    /// Lanes holding an ASCII letter, either case: `(lane | 0x20) - 0x61` below 26, which adding 0x66
    /// leaves below 0x80 (and lanes of 0x80 and up were no letter before the subtraction either).
    @inline(__always)
    static func letters(_ lanes: Lanes) -> Lanes {
        let t = (lanes | Lanes(repeating: 0x20)) &- Lanes(repeating: 0x61)
        return ~((t &+ Lanes(repeating: 0x66)) | t) & Lanes(repeating: 0x80)
    }

    /// Lanes holding an ASCII digit: `lane - 0x30` below 10, which adding 0x76 leaves below 0x80.
    @inline(__always)
    static func digits(_ lanes: Lanes) -> Lanes {
        let t = lanes &- Lanes(repeating: 0x30)
        return ~((t &+ Lanes(repeating: 0x76)) | t) & Lanes(repeating: 0x80)
    }

    /// Lanes holding an ASCII letter, either case, for `mask` alone: only each lane's high bit is meant (SSE2 sets
    /// the whole lane). `(lane | 0x20) + 0x1F` is 0x80 to 0x99 for a letter and nothing else, which is a signed
    /// byte below -102: one signed comparison (`pcmpgtb`) where `letters` takes two subtractions and a mask.
    @inline(__always)
    static func letterBits(_ lanes: Lanes) -> Lanes {
        #if arch(x86_64)
        let shifted = unsafeBitCast((lanes | Lanes(repeating: 0x20)) &+ Lanes(repeating: 0x1F), to: __m128i.self)
        return unsafeBitCast(_mm_cmpgt_epi8(_mm_set1_epi8(-102), shifted), to: Lanes.self)
        #else
        return letters(lanes)
        #endif
    }

    /// How many of the sixteen lanes, from the first, hold ASCII letters (16 when all do): a word's run of letters,
    /// found by `nonLetterBits`' one signed comparison, where `letters` took four lane operations and a complement.
    @inline(__always)
    static func letterRun(_ lanes: Lanes) -> Int {
        (mask(nonLetterBits(lanes)) | 1 &<< 16).trailingZeroBitCount
    }

    /// Lanes holding anything but an ASCII letter, for `mask` alone, as `letterBits`: the same signed comparison the
    /// other way round, for a caller that wants the letters' complement (`~mask(letterBits(_:))` cost two
    /// instructions more).
    @inline(__always)
    static func nonLetterBits(_ lanes: Lanes) -> Lanes {
        #if arch(x86_64)
        let shifted = unsafeBitCast((lanes | Lanes(repeating: 0x20)) &+ Lanes(repeating: 0x1F), to: __m128i.self)
        return unsafeBitCast(_mm_cmpgt_epi8(shifted, _mm_set1_epi8(-103)), to: Lanes.self)
        #else
        return ~letters(lanes) & Lanes(repeating: 0x80)
        #endif
    }

    /// Lanes holding an ASCII digit, for `mask` alone, as `letterBits`: `lane + 0x50` is 0x80 to 0x89 for a digit
    /// and nothing else, a signed byte below -118.
    @inline(__always)
    static func digitBits(_ lanes: Lanes) -> Lanes {
        #if arch(x86_64)
        let shifted = unsafeBitCast(lanes &+ Lanes(repeating: 0x50), to: __m128i.self)
        return unsafeBitCast(_mm_cmpgt_epi8(_mm_set1_epi8(-118), shifted), to: Lanes.self)
        #else
        return digits(lanes)
        #endif
    }

    /// Lanes where a Unicode scalar starts: any byte but a UTF-8 continuation (`10xxxxxx`), whose bit 6, moved
    /// up to the high bit by adding the lane to itself, is clear while its high bit is set.
    @inline(__always)
    static func scalarStarts(_ lanes: Lanes) -> Lanes {
        (~lanes | (lanes &+ lanes)) & Lanes(repeating: 0x80)
    }

    /// Which of the sixteen bytes at `offset` (the caller ensures `offset + 16 <= count`) must be escaped in a JSON
    /// string, a bit each, lane 0 lowest: a control byte (below 0x20), `"` or `\`. `CanonicalJSON` writes every
    /// sentence `extract --json` prints through this, sixteen bytes a step where its eight-byte words took some
    /// twelve operations for eight.
    @inline(__always)
    package static func jsonEscapes(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        let lanes = load(base, offset)
        // below 0x20 exactly when the top three bits are clear: no signed comparison to mistake non-ASCII for it
        return mask(equal(lanes & Lanes(repeating: 0xE0), 0) | equal(lanes, 0x22) | equal(lanes, 0x5C))
    }

    /// The lanes as two `ByteLanes` words: lanes 0...7, then 8...15 (little-endian).
    @inline(__always)
    static func halves(_ lanes: Lanes) -> (low: UInt64, high: UInt64) {
        let words = unsafeBitCast(lanes, to: (UInt64, UInt64).self)
        return (words.0.littleEndian, words.1.littleEndian)
    }
}
