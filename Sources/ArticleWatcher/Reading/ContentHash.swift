public import ArticleFormats

/// A 128-bit content fingerprint for change detection: two independent 64-bit lanes (FNV-1a, and a
/// multiply-rotate lane with different constants), each finished with the MurmurHash3 avalanche and mixed
/// with the length. Fast and small; NOT a cryptographic hash, so never use it to authenticate content.
struct ContentHash {
    private var fnvLane: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a 64-bit offset basis
    private var mixLane: UInt64 = 0x9e37_79b9_7f4a_7c15  // golden-ratio seed
    private var length: UInt64 = 0

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var fnv = fnvLane
        var mix = mixLane
        for byte in bytes {
            fnv = (fnv ^ UInt64(byte)) &* 0x0000_0100_0000_01b3  // FNV-1a 64-bit prime
            mix = ((mix ^ UInt64(byte)) &* 0xff51_afd7_ed55_8ccd).rotatedLeft(by: 29)
        }
        fnvLane = fnv
        mixLane = mix
        length &+= UInt64(bytes.count)
    }

    /// 32 lowercase hex digits.
    func finalize() -> String {
        let high = Self.avalanche(fnvLane ^ length)
        let low = Self.avalanche(mixLane &+ length &* 0xc4ce_b9fe_1a85_ec53)
        return Self.hex(high) + Self.hex(low)
    }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> String {
        var hasher = ContentHash()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// MurmurHash3's fmix64: every input bit affects every output bit.
    private static func avalanche(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(by count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}

extension ArticleDocument {
    /// `ContentHash` of the article's text, title and URL: tells a changed feed item from an unchanged one.
    public var contentHash: String {
        var hasher = ContentHash()
        for part in [text, title ?? "", url ?? ""] {
            var bytes = Array(part.utf8)
            bytes.append(0)
            bytes.withUnsafeBytes { hasher.update($0) }
        }
        return hasher.finalize()
    }
}
