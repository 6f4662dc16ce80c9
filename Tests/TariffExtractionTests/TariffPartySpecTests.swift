import Testing

@testable import TariffExtraction

/// Who imposes and who pays: names, demonyms, capitals, institutions, leaders, word order.
@Suite struct TariffPartySpecTests {
    static let parties: [TariffSpec] = [
        spec("President Trump imposed a 25% tariff on Mexican goods.",
             tariff("US", "MX", 25, .imposed)),
        spec("Xi's government imposed 34% tariffs on American products.",
             tariff("CN", "US", 34, .imposed)),
        spec("The White House hit Ottawa with 35% tariffs.",
             tariff("US", "CA", 35, .imposed)),
        spec("USTR imposed 25% duties on Chinese cranes.",
             tariff("US", "CN", 25, .imposed, products: ["cranes"])),
        spec("MOFCOM announced 15% tariffs on US chicken, wheat, corn and cotton.",
             tariff("CN", "US", 15, .announced, products: ["chicken", "wheat", "corn", "cotton"])),
        spec("Brussels approved 25% levies on American soybeans.",
             tariff("EU", "US", 25, .announced, products: ["soybeans"])),
        spec("New Delhi raised the duty on American almonds to 20%.",
             tariff("IN", "US", 20, .imposed, products: ["almonds"])),
        spec("Tokyo imposed a 10% tariff on Chinese steel.",
             tariff("JP", "CN", 10, .imposed, products: ["steel"])),
        spec("Ottawa imposed a 100% surtax on Chinese EVs.",
             tariff("CA", "CN", 100, .imposed, products: ["EVs"])),
        spec("Prime Minister Carney announced 25 percent duties on US autos.",
             tariff("CA", "US", 25, .announced, products: ["autos"])),
        spec("The European Commission proposed 25% tariffs on American goods.",
             tariff("EU", "US", 25, .proposed)),
        spec("The United Kingdom will impose a 10% levy on Russian fertilizer.",
             tariff("GB", "RU", 10, .announced, products: ["fertilizer"])),
        spec("Imports from Vietnam now face a 20% tariff.",
             tariff(nil, "VN", 20, .inEffect)),
        spec("Imports from Côte d’Ivoire now face a 21% tariff.",
             tariff(nil, "CI", 21, .inEffect)),
        spec("Chinese imports are subject to a 10% baseline tariff.",
             tariff(nil, "CN", 10, .inEffect)),
        spec("China's exports to the US face tariffs of 30%.",
             tariff("US", "CN", 30, .inEffect)),
        spec("Tariffs of 25% on goods from Canada and Mexico took effect on March 4.",
             tariff(nil, "CA", 25, .inEffect), tariff(nil, "MX", 25, .inEffect)),
        spec("The US imposed 25% tariffs on Canada and Mexico.",
             tariff("US", "CA", 25, .imposed), tariff("US", "MX", 25, .imposed)),
        spec("Trump threatened 50% tariffs on the European Union.",
             tariff("US", "EU", 50, .threatened)),
        spec("China retaliated with 84% tariffs on all American goods.",
             tariff("CN", "US", 84, .imposed)),
        spec("Canada responded with a 25% levy on US steel.",
             tariff("CA", "US", 25, .imposed, products: ["steel"])),
        spec("Washington targeted Brazil with 50% tariffs.",
             tariff("US", "BR", 50, .imposed)),
        spec("The duties imposed by Washington on Indian shrimp reach 58%.",
             tariff("US", "IN", 58, .imposed, products: ["shrimp"])),
        spec("Mexico's tariffs of 30% on Chinese cars took effect in January.",
             tariff("MX", "CN", 30, .inEffect, products: ["cars"])),
        spec("Indian exporters face 50% US tariffs on garments.",
             tariff("US", "IN", 50, .inEffect, products: ["garments"])),
        spec("American tariffs of 17% on Mexican tomatoes hurt growers.",
             tariff("US", "MX", 17, .inEffect, products: ["tomatoes"])),
        spec("Canadian 25% tariffs on US goods will end on September 1.",
             tariff("CA", "US", 25, .lifted)),
        spec("The Trump administration raised tariffs on Swiss goods to 39%.",
             tariff("US", "CH", 39, .imposed)),
        spec("Lutnick said tariffs on Japanese cars would fall to 15%.",
             tariff("US", "JP", 15, .threatened, products: ["cars"])),
        spec("Beijing imposed 10% tariffs on Canadian pork and seafood.",
             tariff("CN", "CA", 10, .imposed, products: ["pork", "seafood"])),
        spec("China imposed 100% tariffs on Canadian canola oil.",
             tariff("CN", "CA", 100, .imposed, products: ["canola oil"])),
        spec("Seoul's exports face a 25% US tariff.",
             tariff("US", "KR", 25, .inEffect)),
        spec("Trump told reporters that 25% tariffs on Indian goods would double.",
             tariff("US", "IN", 25, .threatened)),
        spec("The US will impose a 30% tariff on South African goods.",
             tariff("US", "ZA", 30, .announced)),
        spec("Washington imposed a 50% tariff on Brazilian goods, Lula said.",
             tariff("US", "BR", 50, .imposed)),
        spec("Sheinbaum said Mexico would match any US tariff of 30% on Mexican steel.",
             tariff("US", "MX", 30, .threatened, products: ["steel"])),
        spec("The EU agreed to a 15% US tariff on most European goods.",
             tariff("US", "EU", 15, .imposed)),
        spec("Turkey raised duties on American cars to 60%.",
             tariff("TR", "US", 60, .imposed, products: ["cars"])),
        spec("The 10% Chinese tariff on US crude oil remains.",
             tariff("CN", "US", 10, .inEffect, products: ["crude oil"])),
        spec("Taiwan faces a 20% tariff from Washington.",
             tariff("US", "TW", 20, .inEffect)),
        spec("Putin said Russia could impose 20% duties on Turkish goods.",
             tariff("RU", "TR", 20, .threatened)),
        spec("Switzerland was hit with a 39% tariff.",
             tariff(nil, "CH", 39, .imposed)),
        spec("Vietnam agreed to a 20% tariff on its exports.",
             tariff(nil, "VN", 20, .imposed)),
        spec("The reciprocal tariff rate for the EU is 15%.",
             tariff(nil, "EU", 15, .inEffect)),
        spec("The EU approved countermeasures on American goods in response to US tariffs of 25 per cent on European steel.",
             tariff("US", "EU", 25, .announced, products: ["steel"])),
        spec("Trump hit India with an additional 25% tariff.",
             tariff("US", "IN", 25, .imposed, additional: true)),
        spec("Bessent said 100% tariffs on Chinese goods could start on November 1.",
             tariff("US", "CN", 100, .threatened)),
        spec("The Oval Office confirmed 40% tariffs on Vietnamese furniture.",
             tariff("US", "VN", 40, .announced, products: ["furniture"])),
        spec("India's 50% tariffs on Chinese toys remain in place, Modi said.",
             tariff("IN", "CN", 50, .inEffect, products: ["toys"])),
        // speakers: acting through a pronoun, complaining as the ones who pay, or naming themselves as the target
        spec("Canada said it would impose 25% tariffs on American steel.",
             tariff("CA", "US", 25, .threatened, products: ["steel"])),
        spec("Trump said he would impose a 30% tariff on Mexican goods.",
             tariff("US", "MX", 30, .threatened)),
        spec("Indian officials said the 50% tariff was unfair and unjustified.",
             tariff(nil, "IN", 50, .imposed)),
        spec("Chinese officials said 100% tariffs on Chinese goods would hurt both economies.",
             tariff(nil, "CN", 100, .threatened)),
        spec("Prime Minister Mark Carney said Canada would keep its 25% counter-tariffs on US steel.",
             tariff("CA", "US", 25, .threatened, products: ["steel"])),
        // a rate obtained in a deal is a rate paid
        spec("Japan secured a 15% tariff on its cars.",
             tariff(nil, "JP", 15, .imposed, products: ["cars"])),
        spec("Indonesia won a 19% tariff after weeks of talks.",
             tariff(nil, "ID", 19, .inEffect)),
        // relative clauses: the clause after the name tells its role
        spec("Exports slowed in China, whose goods face a 30% US levy.",
             tariff("US", "CN", 30, .inEffect)),
        spec("Canada, which imposed 100% tariffs on Chinese electric vehicles last year, faces retaliation.",
             tariff("CA", "CN", 100, .historical, products: ["electric vehicles"])),
    ]

    @Test(arguments: parties)
    func readsParties(_ spec: TariffSpec) { check(spec) }

    /// A side the sentence leaves implicit comes from the sentence before, with lower confidence.
    @Test func infersImplicitImposerFromPreviousSentence() throws {
        let text = "Trump escalated his trade fight with Beijing on Friday. He said tariffs of 100% would apply to Chinese software."
        let changes = findTariffs(text)
        #expect(changes.count == 1)
        let change = try #require(changes.first)
        #expect(change.imposer == "US")
        #expect(change.target == "CN")
        #expect(change.ratePct == 100)
        #expect(change.confidence < 1)
    }

    /// The sentence before lends no side when it is about another pair.
    @Test func borrowsNoSideFromAnotherPair() {
        let text = "Beijing lowered its tariffs on American goods to 10% as part of the truce. Switzerland was hit with a 39% levy."
        let swiss = findTariffs(text).filter { $0.ratePct == 39 }
        #expect(swiss.count == 1)
        #expect(swiss.first?.imposer == nil)
        #expect(swiss.first?.target == "CH")
    }

    /// An article about one dispute leaves the imposer out once it has been named; the article fills it,
    /// with lower confidence. A missing target stays open.
    @Test func fillsTheImposerFromTheArticlesDispute() {
        let text = """
            Washington imposed a 50% tariff on Brazilian goods last month.
            An extra 40% applies to Brazilian beef on top of the baseline tariff.
            Brazil's 18% import tariff on US ethanol remains in place.
            Trump also announced a 100% tariff on branded medicines.
            """
        let changes = findTariffs(text)
        let beef = changes.first { $0.ratePct == 40 }
        #expect(beef?.imposer == "US" && beef?.target == "BR" && (beef?.confidence ?? 1) < 1)
        let ethanol = changes.first { $0.ratePct == 18 }
        #expect(ethanol?.imposer == "BR" && ethanol?.target == "US")
        let medicines = changes.first { $0.ratePct == 100 }
        #expect(medicines?.imposer == "US" && medicines?.target == nil)
    }

    @Test func leavesUnknownSidesNilRatherThanInventing() {
        let changes = findTariffs("The company expects a 25% tariff on its components.")
        #expect(changes.count == 1)
        #expect(changes.first?.imposer == nil)
        #expect(changes.first?.target == nil)
    }
}
