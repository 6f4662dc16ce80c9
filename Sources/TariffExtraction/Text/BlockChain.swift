/// The blocks of an arena: the token stores (`TariffTokenizer.Store`, `TimexTokenizer.Store`) take large blocks
/// and hand out room in them, and free them all together when they go. Each block starts with the address of the
/// one taken before it, a chain its deinit walks: no array of blocks, which cost an allocation and a release of
/// its own per article. Held inside the store, so it costs no allocation of its own either.
struct BlockChain: ~Copyable {
    private var last: UnsafeMutableRawPointer?

    init() {}

    deinit {
        var block = last
        while let b = block {
            block = b.load(as: UnsafeMutableRawPointer?.self)
            b.deallocate()
        }
    }

    /// A new block of `byteCount` bytes aligned to `alignment`, valid until the chain is freed. Not inlined: a
    /// block is taken once per many sentences, and inlined this grew the stores' hot paths past the inliner's
    /// budget (the time tokenizer's store was then called, not inlined, into the tagger: +0.3% of the engine).
    @inline(never)
    mutating func take(byteCount: Int, alignment: Int) -> UnsafeMutableRawPointer {
        // the link to the block before, padded so that what follows it keeps the alignment
        let link = max(MemoryLayout<UnsafeMutableRawPointer?>.stride, alignment)
        let block = UnsafeMutableRawPointer.allocate(
            byteCount: link + byteCount, alignment: max(alignment, MemoryLayout<UnsafeMutableRawPointer?>.alignment))
        block.storeBytes(of: last, as: UnsafeMutableRawPointer?.self)
        last = block
        return block + link
    }
}
