import CWordTables

/// The tables `make word-tables` wrote into the binary as 64-bit words (`CWordTables`): read in place, never freed
/// and never written, so, like a built `WordTable`'s storage, safe to share between threads.
extension tw_compiled_words {
    /// The words as they are.
    var buffer: UnsafeBufferPointer<UInt64> { UnsafeBufferPointer(start: words, count: Int(count)) }

    /// The words read as `T`s: plain bytes written with `T`'s layout (`CompiledWordTablesTests` checks that they are
    /// the bytes of the values the table's definition builds).
    func buffer<T>(of type: T.Type) -> UnsafeBufferPointer<T> {
        let byteCount = Int(count) &* MemoryLayout<UInt64>.stride
        precondition(_isPOD(T.self) && byteCount % MemoryLayout<T>.stride == 0, "compiled words: not \(byteCount / 8) words of \(T.self)")
        let n = byteCount / MemoryLayout<T>.stride
        return UnsafeBufferPointer(start: UnsafeRawPointer(words).bindMemory(to: T.self, capacity: n), count: n)
    }
}
