/// A 128-bit FNV-1a digest as 32 hex digits: stable fact identities that do not depend on the
/// process (Swift's `Hasher` is seeded per run). Identity, not security.
enum StableHash {
    static func hex(_ text: String) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b &* 0x0000_0100_0000_01B3) ^ UInt64(byte)
        }
        return hex64(a) + hex64(b)
    }

    private static func hex64(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
