/// A read-only map from word hashes to values, probed without rehashing.
///
/// The keys are already FNV-1a hashes of lowercase words, so a power-of-two open-addressing table
/// indexed by their low bits is enough; `Dictionary` would run SipHash over each key on every look-up,
/// which is the hot path of the taggers.
struct WordTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private let mask: Int

    init(_ pairs: [(UInt64, Value)]) {
        var size = 16
        while size < pairs.count * 3 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
        for (key, value) in pairs {
            var slot = Self.start(key, mask)
            while values[slot] != nil && keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    @inline(__always)
    private static func start(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: key ^ (key >> 29)) & mask }

    @inline(__always)
    subscript(_ key: UInt64) -> Value? {
        var slot = Self.start(key, mask)
        while true {
            guard let value = values[slot] else { return nil }
            if keys[slot] == key { return value }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool { self[key] != nil }
}

extension WordTable where Value == Bool {
    /// A set of word hashes.
    init(set words: some Sequence<UInt64>) {
        self.init(words.map { ($0, true) })
    }
}
