import Testing

@testable import TariffExtraction

/// Who pays and who charges in the phrasing of other outlets: goods `of` a country, firms that `continue to face` a
/// tariff, a country that seeks relief from one, a reason given with `over`, the agents of a scene-setting phrase.
@Suite struct TariffWireCopySpecTests {
    static let sides: [TariffSpec] = [
        spec("Washington has decided to impose an additional duty of 25 percent on products of Vietnam.",
             tariff("US", "VN", 25, .imposed, additional: true)),
        // the firms pay, and the market their sales go to charges
        spec("Korean steelmakers will continue to face a 25% tariff on sales to the US.",
             tariff("US", "KR", 25, .inEffect)),
        // the one asking for relief pays the tariff
        spec("Seoul will continue to seek relief on cars, which remain subject to a 25% duty.",
             tariff(nil, "KR", 25, .inEffect)),
        spec("Moon said he would visit Washington, and that Seoul would seek an exemption from the 25% duty on steel.",
             tariff(nil, "KR", 25, .threatened, products: ["steel"])),
        // `over` a purchase gives the reason for the measure, not a side of it
        spec("The extra 25% duty levied by Washington on Brazilian goods over Brasilia's purchases of Venezuelan oil took "
            + "effect, raising the total duty to 50%.",
             tariff("US", "BR", 25, .inEffect, additional: true), tariff("US", "BR", 50, .imposed, aggregate: true)),
        // the agents of an opening phrase set its scene
        spec("Under the pact signed by Tokyo and Canberra, beef was to be exempted from the 40% duties imposed on other suppliers.",
             tariff(nil, nil, 40, .lifted)),
        // …while joint subjects of the clause still act on each other
        spec("Washington and Tokyo agreed to cut their tariffs on cars to 10%.",
             tariff("US", "JP", 10, .imposed, products: ["cars"]), tariff("JP", "US", 10, .imposed, products: ["cars"])),
    ]

    /// What goes on under `will` is in force, not announced; what ends after `until` is not the rate.
    static let continuing: [TariffSpec] = [
        spec("The tariffs will remain at 25% until the talks end.", tariff(nil, nil, 25, .inEffect)),
        spec("Tokyo will keep its 10% duty on rice.", tariff("JP", nil, 10, .inEffect, products: ["rice"])),
        spec("Tokyo will raise its duty on rice to 10%.", tariff("JP", nil, 10, .announced, products: ["rice"])),
        // `penalty` says what kind of tariff, not what goods
        spec("The 25% penalty tariff on Indian goods took effect.", tariff(nil, "IN", 25, .inEffect)),
    ]

    @Test(arguments: sides)
    func side(_ spec: TariffSpec) { check(spec) }

    @Test(arguments: continuing)
    func continuingMeasure(_ spec: TariffSpec) { check(spec) }
}
