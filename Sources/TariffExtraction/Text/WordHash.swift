/// The one word hash every scanner and vocabulary table uses, so that a word read from text and the same word
/// listed in a table meet: ASCII letters lower-cased, every other byte as it is.
///
/// A word's `n` bytes are read as 8-byte little-endian chunks, the last one zero-filled (and one empty chunk for
/// an empty word); the state starts as `seed ^ n` and takes in each chunk with `mix`: one 64 × 64 → 128-bit
/// multiply whose halves are xor-ed, so every bit of a chunk reaches every bit of the state. FNV-1a, the hash
/// before, took an xor and a multiply per byte, a chain of some four cycles a letter in the tokenizers' hottest
/// loops; a chunk costs about as much as one letter did, and a tokenizer hashes a word once its end is known.
/// `of(_:)` is the definition, a byte at a time; the tokenizers read the same chunks straight from the text
/// (`of(_:from:to:limit:)`, `ofRun(_:count:)`), and a test holds them equal.
enum WordHash {
    static let seed: UInt64 = 0xe703_7ed1_a0b4_28db
    static let key: UInt64 = 0xa076_1d64_78bd_642f

    /// The state before a word's first chunk: its byte count folded in.
    @inline(__always)
    static func start(count: Int) -> UInt64 { seed ^ UInt64(truncatingIfNeeded: count) }

    /// The state after one more chunk.
    @inline(__always)
    static func mix(_ state: UInt64, _ chunk: UInt64) -> UInt64 {
        let product = (state ^ chunk).multipliedFullWidth(by: key)
        return product.high ^ product.low
    }

    /// The hash of `word`, ASCII case ignored; vocabularies are built with it. Read eight bytes a step from the
    /// string's own storage: through its UTF-8 view a byte at a time, the tables every process builds before its
    /// first article spent about half a million instructions here (8% of extracting one article, callgrind).
    static func of(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return of(bytes) }
            return of(base, from: 0, to: bytes.count, limit: bytes.count)
        }
    }

    /// The hash of a word's bytes, a byte at a time: the definition the chunked readings below must meet.
    static func of(_ bytes: some Collection<UInt8>) -> UInt64 {
        var state = start(count: bytes.count)
        var chunk: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            chunk |= UInt64(byte.asciiLowercased) &<< shift
            shift &+= 8
            if shift == 64 {
                state = mix(state, chunk)
                chunk = 0
                shift = 0
            }
        }
        return shift != 0 || bytes.isEmpty ? mix(state, chunk) : state
    }

    /// The hash of the empty word (a period's, to the tariff tokenizer, which leaves periods out).
    @inline(__always)
    static var empty: UInt64 { mix(start(count: 0), 0) }

    /// The hash of the one-byte word `byte`.
    @inline(__always)
    static func of(byte: UInt8) -> UInt64 { mix(start(count: 1), UInt64(byte.asciiLowercased)) }

    /// `of` the bytes `start..<end` of `base`, read eight at a time, the letters lower-cased in all eight lanes
    /// at once (bit 5 set where `ByteLanes.letters` flags one); bytes from `limit` on are never read.
    static func of(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, limit: Int) -> UInt64 {
        var state = Self.start(count: end &- start)
        var k = start
        repeat {
            let left = end &- k
            var chunk = ByteLanes.load(base, k, end: limit)
            if left < 8 { chunk &= (1 &<< (8 &* UInt64(left))) &- 1 }
            state = mix(state, chunk | ByteLanes.letters(chunk) &>> 2)
            k &+= 8
        } while k < end
        return state
    }

    /// `of` the first `count` (1...15) of `lanes`, which are ASCII letters, digits or periods: setting bit 5
    /// lower-cases a letter and leaves a digit or a period as it is. For a run the caller found in these lanes:
    /// nothing is read again.
    @inline(__always)
    static func ofRun(_ lanes: WideLanes.Lanes, count: Int) -> UInt64 {
        let chunks = WideLanes.halves(lanes | WideLanes.Lanes(repeating: 0x20))
        // the low `count` bytes of the first chunk (all eight from 8 on), the rest of the run in the second
        let low = chunks.low & UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- 8 &* min(count, 8))
        if count <= 8 { return mix(start(count: count), low) }
        return mix(mix(start(count: count), low), chunks.high & UInt64.max &>> UInt64(truncatingIfNeeded: 128 &- 8 &* count))
    }

    /// `ofRun(_:count:)` with the lanes past the run cleared by `masks[count]` (`runMasks`): one load and one `and`,
    /// where the two masks built by shifts took some ten instructions a word. For the scanners that keep `runMasks`
    /// with the other tables they read once per document (a read of `runMasks` itself is a `swift_once` call).
    @inline(__always)
    static func ofRun(_ lanes: WideLanes.Lanes, count: Int, masks: UnsafePointer<WideLanes.Lanes>) -> UInt64 {
        let chunks = WideLanes.halves((lanes | WideLanes.Lanes(repeating: 0x20)) & masks[count])
        let state = mix(start(count: count), chunks.low)
        if count <= 8 { return state }
        return mix(state, chunks.high)
    }

    /// Entry `n` (0...16) of `ofRun(_:count:masks:)`'s masks: all ones in its first `n` lanes, zero in the others.
    /// Built once and never freed (`ProcessLifetime`), never written after: safe to share between threads.
    nonisolated(unsafe) static let runMasks: UnsafePointer<WideLanes.Lanes> = {
        let masks = UnsafeMutablePointer<WideLanes.Lanes>.allocate(capacity: 17)
        for n in 0...16 {
            var mask = WideLanes.Lanes()
            for lane in 0..<n { mask[lane] = 0xFF }
            (masks + n).initialize(to: mask)
        }
        return UnsafePointer(masks)
    }()
}

extension WordHash {
    /// Calls `body` with the UTF-8 bytes of each space-separated word of `list`. Vocabulary tables are
    /// built in every process before its first article: `String.split` broke graphemes and made a
    /// `Substring` (and a `String` to hash) per word, most of the cost of a table.
    static func forEachWord(in list: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var list = list
        list.withUTF8 { bytes in
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x20 {
                if i > start { body(UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                start = i + 1
            }
        }
    }
}

extension WordHash {
    /// A filter of a few words by their hashes' low six bits, one bit each (`filterBit` of each, OR-ed): a scanner
    /// that compares every token with a handful of words tests `mayBeIn` first and turns most tokens away with one
    /// shift, before any full hash is compared. The words' hashes are constants, so a filter folds to one.
    @inline(__always)
    static func filterBit(_ hash: UInt64) -> UInt64 { 1 &<< (hash & 63) }

    /// Whether `hash` may be one of the words of `filter`: false for certain, true to be checked.
    @inline(__always)
    static func mayBeIn(_ filter: UInt64, _ hash: UInt64) -> Bool { filter &>> (hash & 63) & 1 != 0 }
}
