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

    /// Random keys, as vocabulary hashes are, are placed at the first size, at most a third full: two slots anywhere
    /// in the table (a line of eight slots placed about one vocabulary in four at a quarter full, and tables doubled).
    @Test(arguments: [100, 1_000, 1_400, 5_000])
    func vocabulariesArePlacedAtTheFirstSize(count: Int) {
        for seed: UInt64 in 1...10 {
            var random = WordHashTests.Generator(state: seed &* 0x9E37_79B9 &+ UInt64(count))
            let table = WordTable((0..<count).map { (random.next(), $0) })
            var first = 16
            while first < count * 3 { first <<= 1 }
            #expect(table.slotCount == first, "seed \(seed)")
        }
    }

    /// The tokenizers give numbers and marks the hash 0, and ask tables about them: an empty slot must not answer.
    @Test func zeroIsAKeyLikeAnyOther() {
        let words = WordTable(set: ["tariff", "duty", "levy"].map(WordHash.of))
        #expect(!words.contains(0))
        #expect(words[0] == nil)
        let withZero = WordTable([(0, 10), (WordHash.of("one"), 1)])
        #expect(withZero[0] == 10)
        #expect(withZero[WordHash.of("one")] == 1)
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
        let keys: [UInt64] = (0..<4).map { (n: UInt64) -> UInt64 in top | (n / 2) << 59 | n << 33 | low }
        // values as two-digit numbers, combined by writing them one after the other: the order shows in the digits
        let pairs = keys.enumerated().flatMap { index, key in [(key, 10 * index + 1), (keys[0], 99), (key, 10 * index + 2)] }
        let table = WordTable(pairs) { $0 * 100 + $1 }
        #expect(table[keys[0]] == 01_99_02_99_99_99)
        for index in 1..<4 { #expect(table[keys[index]] == (10 * index + 1) * 100 + 10 * index + 2) }
        let words = WordTable([(WordHash.of("duty"), 1), (WordHash.of("duties"), 2), (WordHash.of("duty"), 4)]) { $0 | $1 }
        #expect(words[WordHash.of("duty")] == 5)
        #expect(words[WordHash.of("duties")] == 2)
    }

    /// Four keys alike in the top four bits and in the four from bit 39 down have the same two slots in a table of
    /// 16: the table grows until its second slot reads the bits (34 and 33) that part them.
    @Test func keysSharingBothSlotsMakeTheTableGrow() {
        let top: UInt64 = 0xA << 60, middle: UInt64 = 5 << 36, low: UInt64 = 0x77
        let keys: [UInt64] = (0..<4).map { (n: UInt64) -> UInt64 in top | middle | n << 33 | low }
        let table = WordTable<Int>(keys.enumerated().map { ($0.element, $0.offset) })
        #expect(table.slotCount > 16)
        for (value, key) in keys.enumerated() { #expect(table[key] == value) }
        #expect(table[top | middle | 4 << 30 | low] == nil)
        #expect(table[top | middle | low] == 0)
    }

    /// `keyBits(with:)` lets every key of the tables through and turns most other words away: a table of a hundred
    /// keys sets at most a hundred of the 4,096 bits.
    @Test func keyBitsHoldEveryKeyAndFewOthers() {
        var random = WordHashTests.Generator(state: 0x5EED)
        let first = WordTable((0..<100).map { (random.next(), $0) })
        let second = WordTable((0..<20).map { (random.next(), $0) })
        let third = WordTable([(UInt64, Int)]())
        let bits = first.keyBits(with: second, third)
        var keys: [UInt64] = []
        random = WordHashTests.Generator(state: 0x5EED)
        for _ in 0..<120 { keys.append(random.next()) }
        #expect(keys.allSatisfy(bits.mayHold))
        let present = Set(keys)
        let others = (0..<10_000).map { _ in random.next() }.filter { !present.contains($0) }
        #expect(others.filter(bits.mayHold).count < others.count / 20)
        #expect(!third.keyBits().mayHold(0) && !third.keyBits().mayHold(random.next()))
    }
}
