import Testing

@testable import TariffExtraction

/// Forms that wire and newspaper reports use: zero rates in words, the article's own party as the
/// imposer of bare rates, rates written with `of`, buyers named by their imports, officials and
/// bodies by name, and statuses of levels, consequences and threats suffered.
@Suite struct TariffNewsSpecTests {
    static let zeroRates: [TariffSpec] = [
        spec("Under the pact, Canada will eliminate tariffs on Chilean wine.",
             tariff("CA", "CL", 0, .announced, products: ["wine"])),
        spec("Japan abolished customs duties on Australian beef.",
             tariff("JP", "AU", 0, .imposed, products: ["beef"])),
        spec("India will exempt 40 medicines from import duties.",
             tariff("IN", nil, 0, .announced, products: ["medicines"])),
        spec("The 500 items will be duty-free from January.",
             tariff(nil, nil, 0, .announced)),
        // the duties as the subject of a passive removal
        spec("Tariffs on Chilean copper will be eliminated next year.",
             tariff(nil, "CL", 0, .announced, products: ["copper"])),
        // a hyphened pair names the side that charges: the one that is not the target
        spec("Under the Japan-Mexico agreement, tariffs on Mexican pork will be abolished.",
             tariff("JP", "MX", 0, .announced, products: ["pork"])),
        // a shop or a quota is no rate
        spec("Travellers flocked to the duty-free shops at Incheon airport."),
    ]

    static let rateForms: [TariffSpec] = [
        // a list of numbers sharing one percent word: one rate each
        spec("China will impose tariffs of 25, 20, 10 and 5 percent on US goods.",
             tariff("CN", "US", 25, .announced), tariff("CN", "US", 20, .announced), tariff("CN", "US", 10, .announced),
             tariff("CN", "US", 5, .announced)),
        // a bare `A and B` is two rates, not a range
        spec("Beijing imposed duties of 15%, 12% and 8% on US goods.",
             tariff("CN", "US", 15, .imposed), tariff("CN", "US", 12, .imposed), tariff("CN", "US", 8, .imposed)),
        // a rate per firm
        spec("The US set a duty of 12.5 percent for one exporter and 18 percent for another on Chinese tires.",
             tariff("US", "CN", 12.5, .imposed), tariff("US", "CN", 18, .imposed, products: ["tires"])),
        spec("Brazil announced a 30 percent of tariff on US ethanol.",
             tariff("BR", "US", 30, .announced, products: ["ethanol"])),
        spec("A 20% additional tariff will deal a blow to India's imports of US almonds.",
             tariff("IN", "US", 20, .inEffect, additional: true)),
    ]

    static let parties: [TariffSpec] = [
        spec("US Trade Representative Robert Lighthizer on Friday released a list of 10 percent tariffs on Chinese goods.",
             tariff("US", "CN", 10, .proposed)),
        spec("The Customs Tariff Commission of the State Council imposed a 15% tariff on US pork.",
             tariff("CN", "US", 15, .imposed, products: ["pork"])),
        spec("Malmstrom said the EU would impose 25% duties on American motorcycles.",
             tariff("EU", "US", 25, .threatened, products: ["motorcycles"])),
    ]

    static let statuses: [TariffSpec] = [
        // an overall level reached is the level in force
        spec("Australia's average tariff level has fallen to 2.5 percent.",
             tariff("AU", nil, 2.5, .inEffect, aggregate: true)),
        // `will` of a consequence, not of the measure
        spec("A 25% tariff on Mexican tomatoes will hurt US restaurants.",
             tariff(nil, "MX", 25, .inEffect, products: ["tomatoes"])),
        // public hearings and consultations are on a proposal
        spec("The USTR held public hearings on a 25% tariff on Chinese furniture.",
             tariff("US", "CN", 25, .proposed, products: ["furniture"])),
        // an exemption takes the rate away
        spec("Canada exempted US goods from its 25% counter-tariffs.",
             tariff("CA", "US", 25, .lifted)),
        // `each order` is no decision, and a participle after the rate's clause tells no tense
        spec("Each order under 500 yuan is duty-free, and each order above pays a 10-percent tariff, compared with imported goods.",
             tariff(nil, nil, 0, .inEffect), tariff(nil, nil, 10, .inEffect)),
        // a threat suffered is not one made
        spec("Farmers were threatened after Canada imposed a 10% duty on US dairy.",
             tariff("CA", "US", 10, .imposed, products: ["dairy"])),
    ]

    /// Whole articles: the party the article is about fills the imposer its bare rates leave out.
    static let articles: [TariffSpec] = [
        spec("Vietnam cuts tariffs on consumer goods\n\nHANOI -- Vietnam will lower import tariffs on hundreds of consumer goods, the finance ministry said. Vietnam said the cuts would help shoppers. The duty on cosmetics will be reduced to 3 percent from 10 percent.",
             tariff("VN", nil, 3, .announced, from: 10, products: ["cosmetics"])),
        // two parties named as often: no frame, the bare rate keeps its imposer open
        spec("Steel and pork\n\nThe duty on cheese is 10 percent. The US imposed a 25% tariff on Mexican steel. Mexico imposed a 20% tariff on US pork.",
             tariff(nil, nil, 10, .inEffect, products: ["cheese"]), tariff("US", "MX", 25, .imposed, products: ["steel"]),
             tariff("MX", "US", 20, .imposed, products: ["pork"])),
    ]

    @Test(arguments: zeroRates) func zeroRatesInWords(_ spec: TariffSpec) { check(spec) }
    @Test(arguments: rateForms) func rateFormsWithOf(_ spec: TariffSpec) { check(spec) }
    @Test(arguments: parties) func partiesByNameAndTitle(_ spec: TariffSpec) { check(spec) }
    @Test(arguments: statuses) func statusOfLevelsAndConsequences(_ spec: TariffSpec) { check(spec) }
    @Test(arguments: articles) func documentFrame(_ spec: TariffSpec) { check(spec) }

    /// `both countries` charge the rate on each other: the article's two parties, in both directions.
    @Test func bothCountriesAreTheArticlesPair() {
        let text = "Peru and Korea sign a trade pact\n\nThe agreement between Peru and Korea was signed in Lima. Peru is Korea's partner, and Korea is Peru's partner too. Both countries will eliminate tariffs on most traded goods."
        let pairs = Set(findTariffs(text).filter { $0.ratePct == 0 }.map { "\($0.imposer ?? "nil")→\($0.target ?? "nil")" })
        #expect(pairs == ["PE→KR", "KR→PE"])
    }

    @Test func aFrameFilledImposerHasALowerConfidence() throws {
        let text = "China lowers tariffs on imported cars\n\nBEIJING -- China will cut import tariffs on cars, the State Council said. Dealers expect lower prices. The duty on cosmetics will be reduced to 2 percent from 5 percent."
        let change = try #require(findTariffs(text).first { $0.ratePct == 2 })
        #expect(change.imposer == "CN")
        #expect(change.confidence == DocumentFrame.confidence)
    }

    /// A sentence that names no party goes on with the imposer the sentence before names (and no target), as a side
    /// read from the story, surer than the article's frame.
    @Test func aSentenceNamingNoPartyGoesOnWithThePreviousImposer() throws {
        let text = "China lowers tariffs on imported cars\n\nBEIJING -- China will cut import tariffs on cars, the State Council said. The duty on cosmetics will be reduced to 2 percent from 5 percent."
        let change = try #require(findTariffs(text).first { $0.ratePct == 2 })
        #expect(change.imposer == "CN")
        #expect(change.confidence == 0.6)
    }

    @Test func aStartDateInTheSentenceBeforeIsTheRatesEffectiveDate() throws {
        let text = "The ministry said that as of June 1, import duties on consumer goods would be cut. The duty on cosmetics will be reduced to 2 percent from 5 percent."
        let document = TextDocument(text)
        let tags = TemporalTagger(referenceDate: specReferenceDate).tag(document)
        let change = try #require(
            TariffFinder(referenceDate: specReferenceDate).tariffChanges(in: document, timexes: tags.timexes).first { $0.ratePct == 2 })
        #expect(change.effectiveDate?.iso == "2026-06-01")
    }
}
