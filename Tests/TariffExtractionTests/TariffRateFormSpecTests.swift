import Testing

@testable import TariffExtraction

/// Every way a report writes a rate, and the parties that come with firms, shipments and compounds.
@Suite struct TariffRateFormSpecTests {
    static let rateForms: [TariffSpec] = [
        // the new level first, the old after `from`
        spec("Peru will cut its tariff on Korean cars to 6 percent from 9 percent.",
             tariff("PE", "KR", 6, .announced, from: 9, products: ["cars"])),
        // a list under one percent word: one fact per rate
        spec("Chile imposed duties of 14, 9 and 3 percent on three groups of Peruvian goods.",
             tariff("CL", "PE", 14, .imposed), tariff("CL", "PE", 9, .imposed), tariff("CL", "PE", 3, .imposed)),
        // the second rate leaves its noun out
        spec("Chile will impose a 12% duty on Peruvian copper and 7% for zinc.",
             tariff("CL", "PE", 12, .announced, products: ["copper"]), tariff("CL", "PE", 7, .announced)),
        // ranges, however written: both ends are rates some goods pay
        spec("Peru set tariffs of between 4 and 9 percent on Chilean fruit.",
             tariff("PE", "CL", 9, .imposed, products: ["fruit"]), tariff("PE", "CL", 4, .imposed, products: ["fruit"])),
        spec("Peru set duties of 4 percent to 9 percent on Chilean fruit.",
             tariff("PE", "CL", 9, .imposed, products: ["fruit"]), tariff("PE", "CL", 4, .imposed, products: ["fruit"])),
        spec("Peru set duties of 4-9 percent on Chilean fruit.",
             tariff("PE", "CL", 9, .imposed, products: ["fruit"]), tariff("PE", "CL", 4, .imposed, products: ["fruit"])),
        // a share taken off a rate is no rate
        spec("Officials in Lima said import duties on consumer goods would be reduced by an average of 40 percent."),
        spec("Peru will cut tariffs on Chilean wine by about 30%.",
             tariff("PE", "CL", nil, .announced, products: ["wine"])),
        // rates for named firms: the nationality of the others is the target of all
        spec("Chile set anti-subsidy duties of 11.5 percent for one copper smelter and 26.4 percent for other Peruvian exporters.",
             tariff("CL", "PE", 11.5, .imposed), tariff("CL", "PE", 26.4, .imposed)),
        // an overall level keeps its imposer and stays an aggregate
        spec("Peru's average tariff on Chilean goods is 3.2 percent.",
             tariff("PE", "CL", 3.2, .inEffect, aggregate: true)),
    ]

    static let parties: [TariffSpec] = [
        // the first part of a hyphened compound is no goods noun: `Peru's trade-weighted` is Peru's own level
        spec("Peru's trade-weighted average tariff rate has fallen to 2.9 percent.",
             tariff("PE", nil, 2.9, .inEffect, aggregate: true)),
        // goods shipped to a country pay that country's duty
        spec("Duties of 6 percent were imposed on copper shipped to Chile.",
             tariff("CL", nil, 6, .imposed, products: ["copper"])),
    ]

    @Test(arguments: rateForms) func everyRateForm(_ spec: TariffSpec) { check(spec) }
    @Test(arguments: parties) func partiesOfFirmsShipmentsAndCompounds(_ spec: TariffSpec) { check(spec) }
}
