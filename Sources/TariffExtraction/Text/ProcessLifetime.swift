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
}
