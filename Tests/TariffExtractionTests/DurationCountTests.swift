import Testing

@testable import TariffExtraction

/// `SentenceTagger.countAndUnit` reads a duration's count from the value's bytes in place: it must read what
/// parsing the digits as a string did.
@Suite struct DurationCountTests {
    /// The reading before: the value's bytes copied out, the digits parsed as a string.
    static func parsedAsString(_ value: String) -> (Int, TimeUnit)? {
        let u = Array(value.utf8)
        guard u.count >= 3, u[0] == 0x50, u[1] != 0x54, let count = Int(String(decoding: u[1..<(u.count - 1)], as: UTF8.self))
        else { return nil }
        switch u[u.count - 1] {
        case 0x44: return (count, .day)
        case 0x57: return (count, .week)
        case 0x4D: return (count, .month)
        case 0x59: return (count, .year)
        default: return nil
        }
    }

    @Test(arguments: [
        "P15D", "P3W", "P6M", "P2Y", "P1D", "P0D", "P100Y", "PT5M", "PT2H", "P1.5Y", "PXD", "PXM", "P-3D", "P+3D", "P--3D",
        "P", "PD", "P3", "3D", "P3Q", "P9223372036854775807D", "P9223372036854775808D", "P-9223372036854775808D", "P1E", "",
        "2025-10-24", "XXXX-WXX-5",
    ])
    func readsWhatParsingDid(_ value: String) {
        let read = SentenceTagger.countAndUnit(value)
        let parsed = Self.parsedAsString(value)
        #expect(read?.0 == parsed?.0, "\(value)")
        #expect(read?.1 == parsed?.1, "\(value)")
    }
}
