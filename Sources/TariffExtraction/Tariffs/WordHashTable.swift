/// A read-only open-addressing table keyed by token hash.
///
/// `Dictionary<UInt64, _>` re-hashes every key with SipHash on each look-up; token hashes are already
/// FNV-1a, so one multiply and a mask pick the slot. Built once, looked up for every word of every
/// tariff sentence.
struct WordHashTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var occupied: [Bool]
    private let shift: UInt64
    private let mask: Int

    init(_ entries: [UInt64: Value]) {
        var capacity = 16
        while capacity < entries.count * 4 { capacity *= 2 }  // load factor at most 1/4: probes stay short
        let bits = UInt64(capacity.trailingZeroBitCount)
        shift = 64 - bits
        mask = capacity - 1
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: nil, count: capacity)
        occupied = Array(repeating: false, count: capacity)
        for (key, value) in entries {
            var slot = Self.slot(key, shift)
            while occupied[slot] { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
            occupied[slot] = true
        }
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    subscript(_ key: UInt64) -> Value? {
        var slot = Self.slot(key, shift)
        while occupied[slot] {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
