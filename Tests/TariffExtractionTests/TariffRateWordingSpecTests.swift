import Testing

@testable import TariffExtraction

/// A part of a tariff (`a 15-point slice of the duty`) is a rate of it.
@Suite struct TariffPartOfRateSpecTests {
    static let parts: [TariffSpec] = [
        // a part of a tariff, in points or percent, is a rate of that tariff
        spec("A 15-percentage-point slice of the US tariff on Chinese goods stays suspended until May.",
             tariff("US", "CN", 15, .paused, additional: true)),
        spec("China removed the 10% portion of its duty on American pork.",
             tariff("CN", "US", 10, .lifted, products: ["pork"])),
        // a share of something else is not
        spec("The US tariff on Chinese goods hit 30%, and a 10% slice of the market went to Vietnam.",
             tariff("US", "CN", 30, .imposed)),
    ]

    @Test(arguments: parts)
    func part(_ spec: TariffSpec) {
        check(spec)
    }
}
