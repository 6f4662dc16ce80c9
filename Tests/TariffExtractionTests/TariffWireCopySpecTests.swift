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
        // …but a party's own tariffs after `over` are still its own
        spec("The dispute over Canada's 250% dairy tariffs on American milk has dragged on.",
             tariff("CA", "US", 250, .inEffect, products: ["dairy", "milk"])),
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
        // a rate joined to one kept in force, with no verb of its own, is kept too; one with its own verb is not
        spec("The U.S. will keep its 25 percent tariff on steel and 10 percent tariff on aluminum imposed in 2018.",
             tariff("US", nil, 25, .inEffect, products: ["steel"]), tariff("US", nil, 10, .inEffect, products: ["aluminum"])),
        spec("The U.S. will keep its 25 percent tariff on steel and will raise its 10 percent tariff on aluminum to 20 percent.",
             tariff("US", nil, 25, .inEffect, products: ["steel"]), tariff("US", nil, 20, .announced, from: 10, products: ["aluminum"])),
        // `penalty` says what kind of tariff, not what goods
        spec("The 25% penalty tariff on Indian goods took effect.", tariff(nil, "IN", 25, .inEffect)),
    ]

    /// Offices and legislatures: `Secretary of Commerce` is Washington's; a bare `Congress` is any country's, and a
    /// country's own (`Mexico's Congress`) is that country acting.
    static let offices: [TariffSpec] = [
        spec("The Secretary of Commerce will impose a 25% tariff on Chinese cranes.",
             tariff("US", "CN", 25, .announced, products: ["cranes"])),
        spec("Mexico's Congress approved tariffs of 50% on Chinese cars.",
             tariff("MX", "CN", 50, .announced, products: ["cars"])),
        spec("Congress approved tariffs of 50% on Chinese cars.",
             tariff(nil, "CN", 50, .announced, products: ["cars"])),
    ]

    /// A bare rate that only continues the list of the rate before it shares its status and goods; one after a verb
    /// of its own does not.
    static let listedRates: [TariffSpec] = [
        spec("Officials will recommend whether to impose a tariff on refined copper of 15% from 2027, and 30% from 2028.",
             tariff(nil, nil, 15, .proposed, products: ["refined copper"]), tariff(nil, nil, 30, .proposed, products: ["refined copper"])),
        spec("Trump threatened additional 100% tariffs on Chinese goods, which would bring the average levy to 157%, "
            + "surpassing the previous high of 145% imposed earlier this year.",
             tariff("US", "CN", 100, .threatened, additional: true), tariff("US", "CN", 157, .threatened, aggregate: true),
             tariff("US", "CN", 145, .historical)),
    ]

    /// Two tellings of one move: the one kept for its date keeps the goods the other named.
    @Test func tellingKeptForItsDateKeepsTheOthersGoods() {
        let text = "On July 30 the president signed a proclamation imposing a 50% tariff on copper pipes. "
            + "The 50% tariff applies to goods entered on or after August 1."
        let reference = CalendarDate(year: 2025, month: 7, day: 31)!
        let changes = Extractor().extract(text, referenceDate: reference).tariffChanges
        #expect(changes.count == 1)
        #expect(changes.first?.products == ["copper pipes"])
        #expect(changes.first?.effectiveDate?.iso == "2025-08-01")
    }

    /// The article's own day right before a past verb is when something was done, not when a rate starts.
    @Test func theArticlesDayBeforeAPastVerbIsNoStart() {
        let text = "Mexico's government on Wednesday proposed raising tariffs to 50% on cars from China."
        let reference = CalendarDate(year: 2025, month: 9, day: 10)!
        let result = Extractor().extract(text, referenceDate: reference)
        #expect(result.tariffChanges.map(\.effectiveDate) == [nil])
        #expect(result.deadlines.allSatisfy { !$0.upcoming })
    }

    /// A reported `would` with a start set ahead and no condition tells a decision; with a condition it is a threat.
    @Test func reportedWouldWithAStartIsADecision() {
        let monday = CalendarDate(year: 2025, month: 10, day: 20)!
        let decided = findTaggedTariffs(
            "The EU's trade commissioner said the bloc would apply a 15 per cent levy on US aircraft from Tuesday.", reference: monday)
        #expect(decided.map { "\($0.imposer ?? "nil")→\($0.target ?? "nil") \($0.status)" } == ["EU→US announced"])
        let conditional = findTaggedTariffs(
            "Brussels said it would apply a 15 per cent levy on US aircraft from Tuesday if Washington refused to talk.", reference: monday)
        #expect(conditional.map(\.status) == [.threatened])
    }

    static let countermeasures: [TariffSpec] = [
        // a plural possessive, with either apostrophe
        spec("Ottawa condemned the United States' decision to impose 50% tariffs on Canadian steel.",
             tariff("US", "CA", 50, .imposed, products: ["steel"])),
        spec("Ottawa condemned the Philippines’ decision to impose 50% tariffs on Canadian steel.",
             tariff("PH", "CA", 50, .imposed, products: ["steel"])),
        spec("The European Union's first countermeasures, 25% duties on US goods, were approved.", tariff("EU", "US", 25, .inEffect)),
    ]

    @Test(arguments: countermeasures)
    func countermeasure(_ spec: TariffSpec) { check(spec) }

    /// Rates named as the ones in force (`the existing 6.1% duty`, `will keep its 25% tariff`) stay in force beside a
    /// measure announced in the same sentence; goods `made in` a country are its goods; two imposers side by side are
    /// not the two sides of one pair.
    static let inForceAndOrigins: [TariffSpec] = [
        spec("The new surtax will be applied on top of the existing 6.1% duty that Canada charges on Chinese EVs.",
             tariff("CA", "CN", 6.1, .inEffect, products: ["EVs"])),
        spec("The EU voted to impose additional tariffs of up to 35.3 percent on electric vehicles made in China.",
             tariff("EU", "CN", 35.3, .imposed, products: ["electric vehicles"], additional: true)),
        spec("The measures mirror steps by the United States, which quadrupled its tariff on Chinese EVs to 100 per cent, and the "
            + "European Union, which imposed provisional duties of up to 37.6 per cent.",
             tariff("US", "CN", 100, .imposed, products: ["EVs"]), tariff("EU", "CN", 37.6, .imposed)),
    ]

    @Test(arguments: inForceAndOrigins)
    func inForceOrOrigin(_ spec: TariffSpec) { check(spec) }

    /// Start dates: each rate of a list takes the one in its own part of the sentence (`as of` names a start as surely
    /// as `from`); a rate the sentence keeps in force takes none; a start stated for an article's new rates as a whole
    /// dates every decided rate it holds.
    @Test func startDatesOfListsKeptRatesAndWholeArticles() {
        let list = findTaggedTariffs(
            "Ottawa will slap a 100% surtax on Chinese EVs starting Oct. 1, and a 25% tariff on Chinese steel as of Oct. 15.",
            reference: CalendarDate(year: 2024, month: 8, day: 26)!)
        #expect(list.map { "\($0.ratePct ?? -1) \($0.effectiveDate?.iso ?? "nil")" } == ["100.0 2024-10-01", "25.0 2024-10-15"])
        let kept = findTaggedTariffs(
            "Under the deal, which takes effect Jan. 1, the U.S. will keep its 25 percent tariff on European steel.",
            reference: CalendarDate(year: 2021, month: 10, day: 30)!)
        #expect(kept.map { "\($0.status) \($0.effectiveDate?.iso ?? "nil")" } == ["inEffect nil"])
        let budget = Extractor().extract(
            "Customs duty changes\n\nThe minister announced changes to customs duties on Wednesday, with the new rates coming into "
                + "effect from February 2. Industry groups welcomed the announcement. The duty on imported bicycles has been raised "
                + "to 35 per cent from 30 per cent.",
            referenceDate: CalendarDate(year: 2023, month: 2, day: 1)!
        ).tariffChanges
        #expect(budget.map { "\($0.status) \($0.effectiveDate?.iso ?? "nil")" } == ["announced 2023-02-02"])
    }

    /// What a new duty is added to is in force; a sentence naming no party goes on with the imposer of the one before.
    static let addedToAndGoingOn: [TariffSpec] = [
        spec("Trump on Monday approved tariffs of up to 50 percent on washers. Imports of the first 1.2 million units will face "
            + "a 20 percent tariff.",
             tariff("US", nil, 50, .announced, products: ["washers"]), tariff("US", nil, 20, .announced)),
    ]

    /// `South American`, `Latin American` are a region's people, not the United States; a sentence before that names one
    /// party on both sides lends neither.
    static let regionsAndSelfPairs: [TariffSpec] = [
        spec("Mercosur, the South American trade bloc, will cut its 35% duty on cars.", tariff(nil, nil, 35, .announced, products: ["cars"])),
        spec("Under the deal, Mercosur will eliminate tariffs on EU exports, while the EU will remove duties on Mercosur goods. "
            + "Beef imports will be subject to a reduced 7.5% tariff.",
             tariff(nil, "EU", 0, .announced), tariff(nil, nil, 7.5, .announced)),
    ]

    /// A rate that is the object of a lifting under `until` or `unless` is in force: the lifting has not happened, and
    /// the main clause's modal is not about it. A lifting told as done still lifts.
    static let conditionedLifts: [TariffSpec] = [
        spec("The government would keep the duties in place until Washington withdraws its 25 per cent tariffs.",
             tariff("US", nil, 25, .inEffect)),
        spec("Ottawa will retaliate unless Brussels drops its 25% duty on Canadian steel.",
             tariff("EU", "CA", 25, .inEffect, products: ["steel"])),
        spec("Washington withdrew its 25 per cent tariffs on Canadian goods.", tariff("US", "CA", 25, .lifted)),
    ]

    @Test(arguments: conditionedLifts)
    func conditionedLift(_ spec: TariffSpec) { check(spec) }

    /// A rate said to `remain in place` goes on: it takes no start the headline states for another measure, and an
    /// amount in another currency (`C$30 billion`) names no goods.
    @Test func aRateThatRemainsInPlaceGoesOn() {
        let changes = findTaggedTariffs(
            "Trump threatens 35% tariff on Canada from August 1\n\nCanada's counter-tariffs of 25% on C$30 billion of U.S. goods "
                + "remain in place.",
            reference: CalendarDate(year: 2025, month: 7, day: 11)!)
        let counter = changes.first { $0.ratePct == 25 }
        #expect(counter.map { "\($0.imposer ?? "nil")→\($0.target ?? "nil") \($0.status) \($0.effectiveDate?.iso ?? "nil") \($0.products)" }
            == "CA→US inEffect nil []")
    }

    /// `effective immediately`, `with immediate effect`: the rate starts on the article's day.
    @Test func effectiveImmediatelyStartsToday() {
        let today = CalendarDate(year: 2025, month: 3, day: 4)!
        let changes = findTaggedTariffs(
            "Ottawa will also bring in a 25 per cent levy on U.S. electric vehicles effective immediately.", reference: today)
        #expect(changes.map { "\($0.status) \($0.effectiveDate?.iso ?? "nil")" } == ["imposed 2025-03-04"])
    }

    @Test(arguments: regionsAndSelfPairs)
    func regionOrSelfPair(_ spec: TariffSpec) { check(spec) }

    @Test(arguments: addedToAndGoingOn)
    func addedToOrGoingOn(_ spec: TariffSpec) { check(spec) }

    /// The rates a new duty is added to are in force, and not additional themselves.
    @Test func ratesANewDutyIsAddedToAreInForce() {
        let changes = findTaggedTariffs(
            "The new duty will be added on top of the 10 and 15 per cent tariffs Beijing slapped on American farm goods in March.",
            reference: CalendarDate(year: 2025, month: 4, day: 4)!)
        #expect(changes.map { "\($0.ratePct ?? -1) \($0.status) \($0.additional)" } == ["10.0 inEffect false", "15.0 inEffect false"])
    }

    /// Talks about a rate whose own words set its start ahead do not make it a proposal.
    @Test func talksAboutARateThatStartsAheadLeaveItDecided() {
        let changes = findTaggedTariffs(
            "Lula will not call Trump to negotiate the 50 percent tariff on Brazilian goods that takes effect on Wednesday.",
            reference: CalendarDate(year: 2025, month: 8, day: 5)!)
        #expect(changes.map(\.status) == [.announced])
    }

    @Test(arguments: offices)
    func office(_ spec: TariffSpec) { check(spec) }

    @Test(arguments: listedRates)
    func listedRate(_ spec: TariffSpec) { check(spec) }

    @Test(arguments: sides)
    func side(_ spec: TariffSpec) { check(spec) }

    @Test(arguments: continuing)
    func continuingMeasure(_ spec: TariffSpec) { check(spec) }
}
