/// Values built once for the life of the process and read in place through their address.
///
/// A reader that asks several static word tables per token pays a lazy-initialisation check (`swift_once`) for each
/// read of each table; grouped in one struct behind one lazy global, they cost one check per reader or per sentence,
/// and reading them through the pointer copies nothing (a group is some hundreds of bytes). Like `WordTable`'s
/// storage, the memory is deliberately never freed, and never written after it is built: safe to share between threads.
enum ProcessLifetime {
    /// `value`, moved into memory that is never freed.
    static func pointer<Value>(to value: Value) -> UnsafePointer<Value> {
        let storage = UnsafeMutablePointer<Value>.allocate(capacity: 1)
        storage.initialize(to: value)
        return UnsafePointer(storage)
    }

    /// One entry per byte value below `count` (128 for the ASCII bytes, 256 for all), `entry(byte)` each, in memory
    /// that is never freed: what a scanner reads a byte's class or value from in one load, where a chain of
    /// tests on the byte came out differently from byte to byte.
    static func byteTable<Value>(count: Int = 256, _ entry: (UInt8) -> Value) -> UnsafePointer<Value> {
        precondition(count > 0 && count <= 256, "a byte table has 1 to 256 entries, not \(count)")
        let table = UnsafeMutablePointer<Value>.allocate(capacity: count)
        for byte in 0..<count { (table + byte).initialize(to: entry(UInt8(byte))) }
        return UnsafePointer(table)
    }
}
