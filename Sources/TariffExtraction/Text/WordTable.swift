/// A read-only map from word hashes to values, probed without rehashing.
///
/// The keys are already hashes of lowercase words (`WordHash`, whose every bit depends on every byte of the
/// word), so any of their bits index a power-of-two table as they are; `Dictionary` would run
/// SipHash over each key on every look-up, and the look-ups are the hot path of every scanner.
///
/// Each key sits in one of two slots, each chosen by its own bits of the hash (cuckoo hashing), so a look-up
/// compares the key at both and never loops. Most words a scanner asks about are in no table, and for them both
/// comparisons fail, a branch the processor learns; linear probing first asked whether the home slot was
/// empty, which for a table a quarter full came out either way at random: the engine's most mispredicted test.
/// The two slots are anywhere in the table, not in one cache line: two slots of one line placed 1,150 random keys
/// (the tariff vocabulary's count) in none of 40 tries at a quarter full and in 10 of 40 at a seventh, so tables
/// doubled again and again; anywhere, a third full always places them, in a quarter of the memory, though a word
/// in no table now reads two lines of keys.
///
/// Every table is a process-lifetime static built once from a vocabulary (or compiled into the binary from one,
/// `init(compiledKeys:values:)`), so its storage is allocated once and deliberately never freed: a copy of the table
/// is two pointers and a shift, and reading one costs no reference counting. Build tables only into `static let`s.
struct WordTable<Value: Sendable>: @unchecked Sendable {
    // immutable after `init`, never freed: safe to share between threads
    private let keys: UnsafeMutablePointer<UInt64>
    /// A slot's value, written with its key; an empty slot holds zero bytes (values are plain bytes: nothing to
    /// free), which only a look-up of the hash that marks empty slots reads.
    private let values: UnsafeMutablePointer<Value>
    /// 64 less the table's power of two: a key moved down by this many bits is a slot.
    private let shift: UInt64

    init(_ pairs: some Sequence<(UInt64, Value)>) {
        self.init(pairs) { $1 }
    }

    /// A table of `pairs` where a repeated key holds `combine` of its values, in the order given: a vocabulary
    /// whose words are listed once per class needs no dictionary to fold them first. (Sized by the pairs, so a
    /// table with repeats is sparser than one of as many distinct keys.)
    init(_ pairs: some Sequence<(UInt64, Value)>, merging combine: (Value, Value) -> Value) {
        let pairs = Array(pairs)
        var size = 16
        while size < pairs.count * 3 { size <<= 1 }  // at most a third full: two-choice cuckoo hashing places keys up to half
        while true {
            // keys whose slots are the same two cannot all be placed: a larger table reads more bits of their hashes
            if let table = Self.placing(pairs, size: size, merging: combine) {
                self = table
                return
            }
            size <<= 1
            // vocabulary hashes are as good as random: only keys made to collide get this far
            precondition(size <= 1 << 24, "WordTable: \(pairs.count) keys could not be placed in \(size >> 1) slots")
        }
    }

    /// The table `make word-tables` wrote into the binary (`CWordTables`): `keys` and `values` as a built table
    /// holds them, a power of two of slots each. Nothing is copied, hashed or placed, and nothing writes them.
    /// `CompiledWordTablesTests` builds the table again from its words and checks that the bytes are the same.
    init(compiledKeys keys: UnsafeBufferPointer<UInt64>, values: UnsafeRawBufferPointer) {
        precondition(_isPOD(Value.self), "WordTable: \(Value.self) is not plain data")
        precondition(keys.count >= 16 && keys.count & (keys.count &- 1) == 0, "WordTable: \(keys.count) compiled slots")
        precondition(values.count == keys.count &* MemoryLayout<Value>.stride, "WordTable: compiled values of another layout")
        self.shift = UInt64(64 &- keys.count.trailingZeroBitCount)
        // never written: a table's storage is only written while `placing` builds it
        self.keys = UnsafeMutablePointer(mutating: keys.baseAddress!)
        self.values = UnsafeMutablePointer(mutating: values.baseAddress!.bindMemory(to: Value.self, capacity: keys.count))
    }

    /// The table's slots as they are stored, for `CompiledWordTablesTests` to compare and write out.
    var storage: (keys: UnsafeBufferPointer<UInt64>, values: UnsafeRawBufferPointer) {
        (UnsafeBufferPointer(start: keys, count: slotCount),
         UnsafeRawBufferPointer(start: values, count: slotCount &* MemoryLayout<Value>.stride))
    }

    private init(size: Int) {
        // values are copied as bytes and never destroyed: `Range<Int>` and public enums qualify, though not marked
        // `BitwiseCopyable`
        precondition(_isPOD(Value.self), "WordTable: \(Value.self) is not plain data")
        shift = UInt64(64 &- size.trailingZeroBitCount)
        keys = .allocate(capacity: size)
        keys.initialize(repeating: Self.vacant, count: size)
        values = .allocate(capacity: size)
        UnsafeMutableRawPointer(values).initializeMemory(as: UInt8.self, repeating: 0, count: size &* MemoryLayout<Value>.stride)
    }

    /// A table of `size` slots holding `pairs` (a later value for the same key combined with the one held), or nil when
    /// some key found neither of its slots free after moving others round; its storage is then freed.
    private static func placing(_ pairs: [(UInt64, Value)], size: Int, merging combine: (Value, Value) -> Value) -> WordTable? {
        let table = WordTable(size: size)
        for (key, value) in pairs {
            precondition(key != vacant, "WordTable: the key \(vacant) marks an empty slot")
            let (first, second) = table.slots(key)
            if let held = table.keys[first] == key ? first : table.keys[second] == key ? second : nil {
                table.values[held] = combine(table.values[held], value)
                continue
            }
            // the key takes its first slot; whatever was there moves to its other slot, and so on
            var moving = (key: key, value: value)
            var slot = first
            var placed = false
            for _ in 0..<(4 * size.trailingZeroBitCount + 8) {
                guard table.keys[slot] != vacant else {
                    table.keys[slot] = moving.key
                    table.values[slot] = moving.value
                    placed = true
                    break
                }
                let evicted = (key: table.keys[slot], value: table.values[slot])
                table.keys[slot] = moving.key
                table.values[slot] = moving.value
                moving = evicted
                let (a, b) = table.slots(moving.key)
                slot = slot == a ? b : a
            }
            guard placed else {
                table.keys.deallocate()
                table.values.deallocate()
                return nil
            }
        }
        return table
    }

    /// The key of an empty slot. Not 0, which the tokenizers give numbers and marks: asked about one, a table
    /// would find it in every empty slot. A word whose hash is this one is as likely as two words sharing a hash.
    private static var vacant: UInt64 { 0x5BD1_E995_A5A5_0F0F }

    /// The key's two slots: its top bits, and as many bits from `secondBits` down (bits no table of up to 2^24
    /// slots reads for the first; two shifts, no mask to load). The two are the same for one key in `slotCount`,
    /// which then has one slot. (The masking shift: `shift` is always below 64, and the plain `>>` tested for 64
    /// or more around every probe.)
    @inline(__always)
    private func slots(_ key: UInt64) -> (Int, Int) {
        (Int(truncatingIfNeeded: key &>> shift), Int(truncatingIfNeeded: (key &<< Self.secondBits) &>> shift))
    }

    /// Where the second slot's bits start: bit 39 of the key and down.
    private static var secondBits: UInt64 { 24 }

    @inline(__always)
    subscript(_ key: UInt64) -> Value? {
        let (first, second) = slots(key)
        if keys[first] == key { return values[first] }
        if keys[second] == key { return values[second] }
        return nil
    }

    /// The value of `key`, or `absent` when the table does not hold it.
    @inline(__always)
    subscript(_ key: UInt64, default absent: Value) -> Value {
        let (first, second) = slots(key)
        if keys[first] == key { return values[first] }
        if keys[second] == key { return values[second] }
        return absent
    }

    /// The slots, held or empty: a table a third full or less unless keys were made to collide.
    var slotCount: Int { 1 << (64 &- Int(shift)) }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        let (first, second) = slots(key)
        return keys[first] == key || keys[second] == key
    }

    /// The keys of the table and of `others` as one `WordBits`, to ask before the tables where most words asked about
    /// are in none of them. Build it once, as the tables themselves (a `static let`, or a group of tables behind one).
    func keyBits(with others: WordTable<Value>...) -> WordBits {
        WordBits(([self] + others).lazy.flatMap { table in (0..<table.slotCount).lazy.map { table.keys[$0] } }.filter { $0 != Self.vacant })
    }
}

/// One bit per word of a vocabulary, chosen by its hash's top six bits (the word) and its low six (the bit): of
/// 4,096 bits a table of a hundred words sets about a hundred, so a word the table does not hold is nearly always
/// turned away by one load and one bit test, where the table's miss compares two slots in two cache lines. A word
/// the bits let through is then looked up in the table. Built once and never freed, like `WordTable`'s storage:
/// reading it costs no reference counting, and nothing writes it after it is built, so it is safe to share.
struct WordBits: @unchecked Sendable {
    private let words: UnsafePointer<UInt64>

    init(_ keys: some Sequence<UInt64>) {
        let bits = UnsafeMutablePointer<UInt64>.allocate(capacity: 64)
        bits.initialize(repeating: 0, count: 64)
        for hash in keys { bits[Int(truncatingIfNeeded: hash &>> 58)] |= 1 &<< (hash & 63) }
        words = UnsafePointer(bits)
    }

    /// False when no key has `hash`; true for every key (and for a few other hashes).
    @inline(__always)
    func mayHold(_ hash: UInt64) -> Bool {
        words[Int(truncatingIfNeeded: hash &>> 58)] &>> (hash & 63) & 1 != 0
    }
}

extension WordTable where Value == Bool {
    /// A set of word hashes.
    init(set words: some Sequence<UInt64>) {
        self.init(words.map { ($0, true) })
    }
}
