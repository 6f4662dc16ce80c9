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
        // decimals as written, not as binary arithmetic leaves them (35.190000000000005)
        spec("Chile set duties of 35.19% on Peruvian lumber.",
             tariff("CL", "PE", 35.19, .imposed, products: ["lumber"])),
        // an overall level keeps its imposer and stays an aggregate
        spec("Peru's average tariff on Chilean goods is 3.2 percent.",
             tariff("PE", "CL", 3.2, .inEffect, aggregate: true)),
    ]

    static let parties: [TariffSpec] = [
        // the first part of a hyphened compound is no goods noun: `Peru's trade-weighted` is Peru's own level
        spec("Peru's trade-weighted average tariff rate has fallen to 2.9 percent.",
             tariff("PE", nil, 2.9, .inEffect, aggregate: true)),
        // a relative clause's subject is its antecedent: here a list that accepted a rate, so pays it
        spec("Peru and Chile, which each accepted 12% Brazilian tariffs, are watching.",
             tariff("BR", "PE", 12, .imposed), tariff("BR", "CL", 12, .imposed)),
        // `US-built`, `Chinese-made`: the origin of the goods, and not part of the product
        spec("Peru slapped 25% counter-tariffs on Chilean-built vehicles.",
             tariff("PE", "CL", 25, .imposed, products: ["vehicles"])),
        // a possessive before what the party does, or before its official or body, names the imposer
        spec("Lima's decision to impose a 10% tariff on Chilean wine was criticised.",
             tariff("PE", "CL", 10, .imposed, products: ["wine"])),
        spec("Peru's countermeasures include a 15% tariff on Chilean pork.",
             tariff("PE", "CL", 15, .inEffect, products: ["pork"])),
        spec("Peru's trade minister imposed a 20% tariff on Chilean copper.",
             tariff("PE", "CL", 20, .imposed, products: ["copper"])),
        spec("The Commerce Ministry of Peru imposed a 30% tariff on Chilean steel.",
             tariff("PE", "CL", 30, .imposed, products: ["steel"])),
        // goods shipped to a country pay that country's duty
        spec("Duties of 6 percent were imposed on copper shipped to Chile.",
             tariff("CL", nil, 6, .imposed, products: ["copper"])),
    ]

    /// An article about two parties: a rate of one whose sentence names the other (here as a venue)
    /// but no target is on the other's goods; a sector rate of a sentence naming only its imposer
    /// stays on every origin.
    static let pairArticles: [TariffSpec] = [
        spec("Peru and Chile trade barbs\n\nLIMA -- Peru said on Monday it would keep its duties on Chilean wine. Chile protested the duties, and Chile asked Peru for talks. Goods that miss the pact's rules face a 12% Peruvian tariff, officials in Chile said.",
             tariff("PE", "CL", 12, .inEffect)),
        spec("Peru and Chile trade barbs\n\nLIMA -- Peru said on Monday it would keep its duties on Chilean wine. Chile protested the duties, and Chile asked Peru for talks. Peru also announced a 40% tariff on branded medicines.",
             tariff("PE", "CL", nil, .threatened, products: ["wine"]), tariff("PE", nil, 40, .announced, products: ["branded medicines"])),
    ]

    @Test(arguments: pairArticles) func targetsFromTheArticlesPair(_ spec: TariffSpec) { check(spec) }
    @Test(arguments: rateForms) func everyRateForm(_ spec: TariffSpec) { check(spec) }
    @Test(arguments: parties) func partiesOfFirmsShipmentsAndCompounds(_ spec: TariffSpec) { check(spec) }
}
