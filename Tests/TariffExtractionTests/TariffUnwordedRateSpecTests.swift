import Testing

@testable import TariffExtraction

/// Rates a tariff article states without a tariff word: who pays a rate (`all pay 19%`, `face a 10% rate`,
/// `enter the US at 10%`), a list of payers with an aside (`, both of which …,`), and the percentages that
/// are no rates.
@Suite struct TariffUnwordedRateSpecTests {
    static let paidRates: [TariffSpec] = [
        // the payers named; the imposer is the one the sentence before names, or nobody
        spec("The US raised its tariff on Brazilian coffee to 50% last week. Under the same order, Peru and Chile, both of which struck deals, pay 10%.",
             tariff("US", "BR", 50, .imposed, products: ["coffee"]),
             tariff(nil, "PE", 10, .inEffect), tariff(nil, "CL", 10, .inEffect)),
        spec("Washington put a 30% tariff on Thai rice. Washington met African envoys, and Ghana, Kenya and Nigeria all pay 15% now.",
             tariff("US", "TH", 30, .imposed, products: ["rice"]),
             tariff("US", "GH", 15, .inEffect), tariff("US", "KE", 15, .inEffect), tariff("US", "NG", 15, .inEffect)),
        // a percentage `rate` whose payer is named; the imposer from the pair the article gives for that payer
        spec("Canada imposed a 25% surtax on US steel last week. American aluminium makers face a 10% rate.",
             tariff("CA", "US", 25, .imposed, products: ["steel"]), tariff("CA", "US", 10, .inEffect)),
        spec("Mexico doubled its duty on Chinese shoes to 30%. Chinese toy makers keep paying the 20% rate.",
             tariff("MX", "CN", 30, .imposed, products: ["shoes"]), tariff("MX", "CN", 20, .inEffect)),
        // goods that enter a market at a rate pay it there
        spec("The US put a 25% tariff on imported cars. Under the pact, British cars enter the US at 10%.",
             tariff("US", nil, 25, .imposed, products: ["imported cars"]), tariff("US", "GB", 10, .inEffect)),
        spec("The EU kept a 20% duty on Russian grain. Under a quota, Ukrainian wheat enters the EU at 5%.",
             tariff("EU", "RU", 20, .inEffect, products: ["grain"]), tariff("EU", "UA", 5, .inEffect)),
        // other percentages of a tariff article are no rates
        spec("Tokyo imposed a 15% tariff on Chinese steel. Japan's economy grew 2.1% in the third quarter, and exports rose 3%.",
             tariff("JP", "CN", 15, .imposed, products: ["steel"])),
        spec("Tokyo imposed a 15% tariff on Chinese steel. Chinese consumers pay 13% value-added tax on most goods.",
             tariff("JP", "CN", 15, .imposed, products: ["steel"])),
        spec("Tokyo imposed a 15% tariff on Chinese steel. Chinese growth slowed to a 4.5% rate.",
             tariff("JP", "CN", 15, .imposed, products: ["steel"])),
        spec("The US put a 30% tariff on Chinese solar panels. Importers now pay 30% more for them.",
             tariff("US", "CN", 30, .imposed, products: ["solar panels"])),
        // a paid rate with no payer named invents none
        spec("The US put a 30% tariff on Chinese solar panels. Most buyers pay 20% on average.",
             tariff("US", "CN", 30, .imposed, products: ["solar panels"])),
        // an article that spells its rates out is read the same way
        spec("Canada imposed a 25 percent surtax on US steel last week. American aluminium makers face a 10 percent rate.",
             tariff("CA", "US", 25, .imposed, products: ["steel"]), tariff("CA", "US", 10, .inEffect)),
        // before the article has shown a tariff, nothing is read
        spec("Thailand and Vietnam pay 19%."),
    ]

    @Test(arguments: paidRates)
    func paidRate(_ spec: TariffSpec) {
        check(spec)
    }

    /// The byte check as the finder runs it on a sentence without a tariff word: the prefilter's pass finds
    /// the first percentage, and only then are cue words looked for around it and the percentages after it.
    static func mayState(_ bytes: [UInt8], spelled: Bool) -> Bool {
        guard case .percentage(let first) = TariffPrefilter.scan(bytes, 0..<bytes.count, percentages: true, spelled: spelled)
        else { return false }
        return RatesWithoutTariffWord.mayState(bytes, 0..<bytes.count, first: first, spelled: spelled)
    }

    /// The byte check passes every sentence whose words state such a rate, wherever its words fall
    /// against the eight-byte lanes, and stops sentences without a percentage or without a cue word.
    @Test(arguments: [
        ("Ghana and Kenya all pay 15%.", true),
        ("Ghana and Kenya all pay 15 percent.", true),
        ("Ghana and Kenya all pay 15 per cent.", true),
        ("Korean steel faced a 10 percent rate.", true),
        ("British cars enter the US at 10%.", true),
        ("Ghana and Kenya all pay a lot.", false),
        ("Exports grew 15 percent.", false),
        ("Exports grew 15 percentage points.", false),
        ("Per cent is how the paper spells it.", false),
    ])
    func byteCheckAgreesWithTheWords(_ text: String, _ states: Bool) {
        for pad in 0..<9 {
            let padded = String(repeating: " ", count: pad) + text
            let bytes = Array(padded.utf8)
            #expect(Self.mayState(bytes, spelled: true) == states, "\(pad) spaces: \(text)")
            if !text.contains("%") { #expect(!Self.mayState(bytes, spelled: false)) }
            if states {
                let words = TariffSentence(wordsOf: bytes, index: 0, range: 0..<bytes.count)
                #expect(RatesWithoutTariffWord.cues(words), "\(text)")
            }
        }
    }
}
