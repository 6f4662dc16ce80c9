extension Array {
    /// `count` copies of `value`: what `Array(repeating:count:)` gives, for per-sentence arrays.
    ///
    /// On this toolchain `init(repeating:count:)` allocates through the standard library's unspecialised
    /// `_allocateBufferUninitialized`, which looks the array's generic metadata up at run time on every call
    /// (about 600 instructions, callgrind); `reserveCapacity` is specialised here and reads cached metadata.
    /// The clause model alone made 25 such arrays per tariff sentence.
    @inline(__always)
    init(filled value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        for _ in 0..<count { append(value) }
    }
}
