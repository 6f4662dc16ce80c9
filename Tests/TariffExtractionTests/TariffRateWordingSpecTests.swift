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

/// `lift … to N%` raises a rate to a new level; `lift the tariff` alone removes it.
@Suite struct TariffLiftToSpecTests {
    static let rows: [TariffSpec] = [
        spec("The 25% US tariff on Canadian steel is high, and Trump threatened to lift it to 40%.",
             tariff("US", "CA", 25, .inEffect, products: ["steel"]), tariff("US", "CA", 40, .threatened)),
        spec("Ottawa plans to lift its surtax on American pork to 30% next year.",
             tariff("CA", "US", 30, .proposed, products: ["pork"])),
        spec("Ottawa lifted its 30% surtax on American pork.",
             tariff("CA", "US", 30, .lifted, products: ["pork"])),
    ]

    @Test(arguments: rows)
    func liftTo(_ spec: TariffSpec) {
        check(spec)
    }
}

/// A word that is mostly a figure of its own (`battery`, `output`) names goods after a tariff noun's `on` or `for`.
@Suite struct TariffProductWordSpecTests {
    static let rows: [TariffSpec] = [
        spec("Lima has cut the customs duty on battery cells to 5% from 10%.",
             tariff("PE", nil, 5, .imposed, from: 10, products: ["battery cells"])),
        spec("Seoul will raise its tariff on battery packs from China to 25%.",
             tariff("KR", "CN", 25, .announced, products: ["battery packs"])),
        // …and is still no tariff on its own
        spec("Battery output rose to 95% as the tariff talks went on."),
        // `on` a date says when, not what goods
        spec("Tokyo will cut the duty to 19.5% on April 1, 2031.", tariff("JP", nil, 19.5, .announced)),
    ]

    @Test(arguments: rows)
    func productWord(_ spec: TariffSpec) {
        check(spec)
    }
}

/// `instead of` / `rather than` with a verb sets a course not taken beside a rate: the rate stays as it is, and the
/// other is no tariff of anyone's.
@Suite struct TariffCourseNotTakenSpecTests {
    static let rows: [TariffSpec] = [
        spec("Tokyo kept the duty on chilled beef at 21.6% instead of lifting it to 26.4%.",
             tariff("JP", nil, 21.6, .inEffect, products: ["chilled beef"])),
        spec("Tokyo decided not to act, keeping the duty on beef at 21.6 per cent rather than raising it to 26.4 per cent.",
             tariff("JP", nil, 21.6, .inEffect, products: ["beef"])),
        // a rate right after `instead of` is the one replaced
        spec("Ottawa will impose a 15% tariff instead of 27.5%.", tariff("CA", nil, 15, .announced, from: 27.5)),
    ]

    @Test(arguments: rows)
    func courseNotTaken(_ spec: TariffSpec) {
        check(spec)
    }
}
