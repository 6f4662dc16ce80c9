/// FNV-1a over lower-cased ASCII bytes: the one word hash every scanner and vocabulary table uses,
/// so that a word read from text and the same word listed in a table meet.
enum WordHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    /// The hash of `word`, ASCII case ignored; vocabularies are built with it.
    static func of(_ word: String) -> UInt64 {
        var h = offset
        for byte in word.utf8 {
            h = (h ^ UInt64(byte.asciiLowercased)) &* prime
        }
        return h
    }
}
