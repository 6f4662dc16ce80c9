import Testing

@testable import TariffExtraction

/// The word-at-a-time prefilter must agree with the plain byte-by-byte rule on every sentence.
@Suite struct TariffPrefilterTests {
    /// The rule as first written: a word starting `tarif`, `tax`, `dut`, `lev`, `surcharg` or `surtax`.
    static func reference(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        for i in range where i == range.lowerBound || !bytes[i - 1].isASCIILetter {
            for prefix in ["tarif", "tax", "dut", "lev", "surcharg", "surtax"] {
                let p = Array(prefix.utf8)
                if i + p.count <= bytes.count, (0..<p.count).allSatisfy({ bytes[i + $0].asciiLowercased == p[$0] }) { return true }
            }
        }
        return false
    }

    /// The first `%`, or when `spelled` lower-case `percent` / `per cent`, byte by byte.
    static func firstPercentage(_ bytes: [UInt8], _ range: Range<Int>, spelled: Bool) -> Int? {
        for i in range {
            if bytes[i] == UInt8(ascii: "%") { return i }
            guard spelled else { continue }
            for word in ["percent", "per cent"] where i + word.utf8.count <= range.upperBound {
                if Array(bytes[i..<(i + word.utf8.count)]) == Array(word.utf8) { return i }
            }
        }
        return nil
    }

    /// What `scan` must say when it looks for percentages too.
    static func sighting(_ bytes: [UInt8], _ range: Range<Int>, spelled: Bool) -> TariffPrefilter.Sighting {
        if reference(bytes, range) { return .tariffWord }
        return firstPercentage(bytes, range, spelled: spelled).map { .percentage($0) } ?? .neither
    }

    @Test(arguments: [
        "China will impose TARIFFS on steel.", "The levies rose.", "A surcharge applies", "a Surtax", "duty-free",
        "Anti-dumping Duties", "Stax and status", "oldtariff words", "x tax", "tax", "ta", "levy", "élevé tarif",
        "Attorneys said nothing", "the tariff", "1tax", "«Tarif»", "Markets rose 3.5% on Monday as investors weighed it.",
    ])
    func agreesOnExamples(_ text: String) {
        let bytes = Array(text.utf8)
        #expect((TariffPrefilter.scan(bytes, 0..<bytes.count) == .tariffWord) == Self.reference(bytes, 0..<bytes.count))
    }

    @Test func agreesOnRandomSentencesAtEveryOffset() {
        // prefixes, their near misses and separators, glued at random so words start anywhere in an 8-byte block
        let pieces = ["tarif", "Tax", "DUT", "lev", "surcharg", "surTAX", "ta", "du", "le", "sur", "x", "s", "t", "d", "l",
            " ", " ", " ", ".", "-", "é", "1", "%", "Stax", "oil", "and",
            "percent", "per cent", "Percent", "per", "pe", "p", "cent", "%"].map { Array($0.utf8) }
        var state: UInt64 = 0x1234_5678
        var disagreements = 0
        var percentageDisagreements = 0
        var matches = 0
        var percentagesFound = 0
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let n = Int(state >> 59) + 1
            for _ in 0..<n {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes += pieces[Int(state >> 33) % pieces.count]
            }
            let lower = Int(state >> 40) % bytes.count
            let upper = lower + Int(state >> 20) % (bytes.count - lower + 1)
            let expected = Self.reference(bytes, lower..<upper)
            if expected { matches += 1 }
            if (TariffPrefilter.scan(bytes, lower..<upper) == .tariffWord) != expected { disagreements += 1 }
            for spelled in [false, true] {
                let sighting = Self.sighting(bytes, lower..<upper, spelled: spelled)
                if case .percentage = sighting { percentagesFound += 1 }
                if TariffPrefilter.scan(bytes, lower..<upper, percentages: true, spelled: spelled) != sighting {
                    percentageDisagreements += 1
                }
            }
        }
        #expect(percentageDisagreements == 0)
        #expect(percentagesFound > 100)
        #expect(disagreements == 0)
        #expect(matches > 100)  // the random text does reach the interesting cases
    }
}
