/// FNV-1a over lower-cased ASCII bytes: the one word hash every scanner and vocabulary table uses,
/// so that a word read from text and the same word listed in a table meet.
enum WordHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    /// The hash of `word`, ASCII case ignored; vocabularies are built with it.
    static func of(_ word: String) -> UInt64 { of(word.utf8) }

    /// `of(_:)` of a word's UTF-8 bytes.
    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h = offset
        for byte in bytes {
            h = (h ^ UInt64(byte.asciiLowercased)) &* prime
        }
        return h
    }
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
