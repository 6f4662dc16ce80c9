import Testing

@testable import TariffExtraction

/// `WordTable` places each key in one of two slots and moves keys round as others arrive, growing when they
/// cannot all be placed: every key put in must be found with its last value, and no other key, whatever the
/// table's size or the order the keys came in.
@Suite struct WordTableTests {
    /// `count` random keys, each with a value, against the same pairs in a `Dictionary`.
    static func check(count: Int, seed: UInt64) {
        var random = WordHashTests.Generator(state: seed)
        let keys = (0..<count).map { _ in random.next() }
        let pairs = keys.enumerated().map { ($0.element, $0.offset) }
        let table = WordTable(pairs)
        for (key, value) in pairs {
            #expect(table[key] == value)
            #expect(table.contains(key))
        }
        let present = Set(keys)
        for _ in 0..<2_000 {
            let other = random.next()
            guard !present.contains(other) else { continue }
            #expect(table[other] == nil)
            #expect(!table.contains(other))
        }
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 15, 16, 17, 100, 255, 256, 257, 1_000, 5_000])
    func everyKeyIsFoundAndNoOther(count: Int) {
        for seed: UInt64 in [1, 2, 3] { Self.check(count: count, seed: seed &* 0x1000_0001 &+ UInt64(count)) }
    }

    /// The tokenizers give numbers and marks the hash 0, and ask tables about them: an empty slot must not answer.
    @Test func zeroIsAKeyLikeAnyOther() {
        let words = WordTable(set: ["tariff", "duty", "levy"].map(WordHash.of))
        #expect(!words.contains(0))
        #expect(words[0] == nil)
        let withZero = WordTable([(0, "zero"), (WordHash.of("one"), "one")])
        #expect(withZero[0] == "zero")
        #expect(withZero[WordHash.of("one")] == "one")
        #expect(withZero[WordHash.of("two")] == nil)
    }

    /// A key listed twice keeps its last value, as `Dictionary(_:uniquingKeysWith: { $1 })` would.
    @Test func aLaterValueReplacesAnEarlierOne() {
        let key = WordHash.of("effective")
        let table = WordTable([(key, 1), (WordHash.of("from"), 2), (key, 3)])
        #expect(table[key] == 3)
        #expect(table[WordHash.of("from")] == 2)
    }

    /// With a combining function a repeated key holds every value combined in the order listed, in its first
    /// slot or its second (keys made to share both slots), and through growth.
    @Test func repeatedKeysAreCombined() {
        let top: UInt64 = 0xA << 60, low: UInt64 = 5
        let keys: [UInt64] = (0..<4).map { (n: UInt64) -> UInt64 in top | (n / 2) << 59 | n << 8 | low }
        let pairs = keys.enumerated().flatMap { index, key in [(key, "\(index)a"), (keys[0], "-"), (key, "\(index)b")] }
        let table = WordTable(pairs) { $0 + $1 }
        #expect(table[keys[0]] == "0a-0b---")
        for index in 1..<4 { #expect(table[keys[index]] == "\(index)a\(index)b") }
        let words = WordTable([(WordHash.of("duty"), 1), (WordHash.of("duties"), 2), (WordHash.of("duty"), 4)]) { $0 | $1 }
        #expect(words[WordHash.of("duty")] == 5)
        #expect(words[WordHash.of("duties")] == 2)
    }

    /// Four keys with the same top four bits and the same low three have the same two slots in a table of 16: the
    /// table grows until its first slot reads a bit that parts them into two pairs, each pair with two slots.
    @Test func keysSharingBothSlotsMakeTheTableGrow() {
        let top: UInt64 = 0xA << 60, low: UInt64 = 5
        let keys: [UInt64] = (0..<4).map { (n: UInt64) -> UInt64 in top | (n / 2) << 59 | n << 8 | low }
        let table = WordTable<Int>(keys.enumerated().map { ($0.element, $0.offset) })
        for (value, key) in keys.enumerated() { #expect(table[key] == value) }
        #expect(table[top | 4 << 8 | low] == nil)
        #expect(table[top | low] == 0)
    }
}
