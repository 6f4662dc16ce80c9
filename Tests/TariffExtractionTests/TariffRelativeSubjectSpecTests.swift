import Testing

@testable import TariffExtraction

/// The subject of a relative clause sets the rate in it, whatever names the next clause holds.
@Suite struct TariffRelativeSubjectSpecTests {
    static let parties: [TariffSpec] = [
        // the subject of a relative clause against a name after the rate
        spec("Unlike Ottawa, which put 25% duties on US-built trucks last week, Tokyo has not hit back.",
             tariff("CA", "US", 25, .imposed, products: ["trucks"])),
        spec("Unlike Brussels, which slapped 20% levies on American bourbon, Japan has held its fire.",
             tariff("EU", "US", 20, .imposed, products: ["bourbon"])),
        // a name that stands before the rate in its own clause keeps it
        spec("Canada, which imposed 100% tariffs on Chinese EVs, is still facing Beijing's 100% duties on its canola.",
             tariff("CA", "CN", 100, .imposed, products: ["EVs"]), tariff("CN", "CA", 100, .inEffect, products: ["canola"])),
    ]

    @Test(arguments: parties)
    func party(_ spec: TariffSpec) {
        check(spec)
    }
}
