/// A read-only map from word hashes to values, probed without rehashing.
///
/// The keys are already hashes of lowercase words (`WordHash`), so a power-of-two
/// open-addressing table indexed by a multiplicative mix of them is enough; `Dictionary` would run
/// SipHash over each key on every look-up, and the look-ups are the hot path of every scanner.
///
/// Every table is a process-lifetime static built once from a vocabulary, so its storage is
/// allocated once and deliberately never freed: a copy of the table is two pointers and a mask,
/// and reading one costs no reference counting. Build tables only into `static let`s.
struct WordTable<Value: Sendable>: @unchecked Sendable {
    // immutable after `init`, never freed: safe to share between threads
    private let keys: UnsafeMutablePointer<UInt64>
    private let values: UnsafeMutablePointer<Value?>
    private let shift: UInt64
    private let mask: Int

    init(_ pairs: some Sequence<(UInt64, Value)>) {
        let pairs = Array(pairs)
        var size = 16
        while size < pairs.count * 4 { size <<= 1 }  // load factor at most 1/4: probes stay short
        shift = UInt64(64 - size.trailingZeroBitCount)
        mask = size - 1
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        values = .allocate(capacity: size)
        values.initialize(repeating: nil, count: size)
        for (key, value) in pairs {
            var slot = Self.slot(key, shift)
            while values[slot] != nil && keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    init(_ entries: [UInt64: Value]) {
        self.init(entries.map { ($0.key, $0.value) })
    }

    /// The masking shift: `shift` is always below 64 (a table has at least 16 slots), and the plain `>>`
    /// tested for a shift of 64 or more around every probe.
    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
    }

    @inline(__always)
    subscript(_ key: UInt64) -> Value? {
        var slot = Self.slot(key, shift)
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
