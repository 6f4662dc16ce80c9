import FactStore
import TariffExtraction
import Testing

@testable import AlertWording

/// Dates as people write them, at every precision the extractor gives.
@Suite struct DateWordsTests {
    @Test(arguments: [
        // value, end, alone, in a sentence
        ("2025-11-01", nil, "Sat 1 Nov 2025", "on Sat 1 Nov 2025"),
        ("2025-11-01", "2025-11-01", "Sat 1 Nov 2025", "on Sat 1 Nov 2025"),
        ("2025-10-25", "2025-10-27", "Oct 25–27 2025", "on Oct 25–27 2025"),
        ("2025-10-30", "2025-11-02", "Oct 30 – Nov 2 2025", "on Oct 30 – Nov 2 2025"),
        ("2025-12-30", "2026-01-02", "Dec 30 2025 – Jan 2 2026", "on Dec 30 2025 – Jan 2 2026"),
        ("2025-W43", nil, "week of 20 Oct 2025", "in the week of 20 Oct 2025"),
        ("2026-W01", nil, "week of 29 Dec 2025", "in the week of 29 Dec 2025"),
        ("2025-11", nil, "November 2025", "in November 2025"),
        ("2025-Q3", nil, "Q3 2025", "in Q3 2025"),
        ("2026", nil, "2026", "in 2026"),
        ("2025-11", "2026-01", "November 2025 – January 2026", "from November 2025 to January 2026"),
        ("2025-W43", "2025-W44", "week of 20 Oct 2025 – week of 27 Oct 2025",
         "from the week of 20 Oct 2025 to the week of 27 Oct 2025"),
    ] as [(String, String?, String, String)])
    func datesReadAsWritten(value: String, end: String?, alone: String, inSentence: String) throws {
        let start = try #require(TemporalValue(iso: value))
        let last = try end.map { try #require(TemporalValue(iso: $0)) }
        #expect(DateWords.text(start, through: last) == alone)
        #expect(DateWords.adverbial(start, through: last) == inSentence)
    }

    @Test(arguments: [
        ("2018-06-01", "effective Fri 1 Jun 2018"),
        ("2025-W43", "effective in the week of 20 Oct 2025"),
        ("2025-11", "effective in November 2025"),
        ("2025-Q4", "effective in Q4 2025"),
        ("2026", "effective in 2026"),
    ])
    func tariffsTakeEffectOnADayOrInAPeriod(value: String, words: String) throws {
        #expect(DateWords.effective(try #require(TemporalValue(iso: value))) == words)
    }
}

/// A deadline as one sentence: the extractor's subject, the kind's phrase, the date.
@Suite struct DeadlineWordsTests {
    @Test(arguments: [
        // kind, subject, date, end date, sentence, 7-day reminder
        (DeadlineKind.effective, "100% tariffs on Chinese goods", "2025-11-01", nil,
         "100% tariffs on Chinese goods take effect on Sat 1 Nov 2025",
         "Reminder: 100% tariffs on Chinese goods take effect in 7 days, Sat 1 Nov 2025"),
        (.effective, "the new export licence rule", "2025-11-01", nil,
         "The new export licence rule takes effect on Sat 1 Nov 2025",
         "Reminder: The new export licence rule takes effect in 7 days, Sat 1 Nov 2025"),
        (.effective, "the quota", "2026-Q1", nil, "The quota takes effect in Q1 2026",
         "Reminder: The quota takes effect in 7 days, Q1 2026"),
        (.effective, "the WTO ruling", "2026", nil, "The WTO ruling takes effect in 2026",
         "Reminder: The WTO ruling takes effect in 7 days, 2026"),
        (.effective, "the ban will be lifted", "2025-11-01", nil, "The ban will be lifted on Sat 1 Nov 2025",
         "Reminder: The ban will be lifted in 7 days, Sat 1 Nov 2025"),
        (.expiry, "the truce", "2025-11-10", nil, "The truce expires on Mon 10 Nov 2025",
         "Reminder: The truce expires in 7 days, Mon 10 Nov 2025"),
        (.expiry, "temporary tariff exemptions", "2025-11", nil, "Temporary tariff exemptions expire in November 2025",
         "Reminder: Temporary tariff exemptions expire in 7 days, November 2025"),
        (.expiry, "Canada and Mexico's exemption", "2025-11", nil, "Canada and Mexico's exemption expires in November 2025",
         "Reminder: Canada and Mexico's exemption expires in 7 days, November 2025"),
        (.effective, "Canada and Mexico", "2025-11", nil, "Canada and Mexico take effect in November 2025",
         "Reminder: Canada and Mexico take effect in 7 days, November 2025"),
        (.meeting, "US-China trade talks", "2025-10-25", "2025-10-27", "US-China trade talks on Oct 25–27 2025",
         "Reminder: US-China trade talks in 7 days, Oct 25–27 2025"),
        (.meeting, "hearing", "2026-12-09", nil, "Hearing on Wed 9 Dec 2026",
         "Reminder: Hearing in 7 days, Wed 9 Dec 2026"),
        (.meeting, "officials to meet in Kuala Lumpur", "2025-10-25", nil, "Officials to meet in Kuala Lumpur on Sat 25 Oct 2025",
         "Reminder: Officials to meet in Kuala Lumpur in 7 days, Sat 25 Oct 2025"),
        (.meeting, "make-or-break summit", "2025-W43", nil, "Make-or-break summit in the week of 20 Oct 2025",
         "Reminder: Make-or-break summit in 7 days, week of 20 Oct 2025"),
        (.meeting, "the steel quota", "2025-11-01", nil, "Meeting about the steel quota on Sat 1 Nov 2025",
         "Reminder: Meeting about the steel quota in 7 days, Sat 1 Nov 2025"),
        (.meeting, "The steel quota", "2025-11-01", nil, "Meeting about the steel quota on Sat 1 Nov 2025",
         "Reminder: Meeting about the steel quota in 7 days, Sat 1 Nov 2025"),
        (.deadline, "comments on the steel quota", "2025-10-31", nil, "Comments on the steel quota due by Fri 31 Oct 2025",
         "Reminder: Comments on the steel quota due in 7 days, Fri 31 Oct 2025"),
        (.deadline, "Public comments on the measure", "2025-12", nil, "Public comments on the measure due by the end of December 2025",
         "Reminder: Public comments on the measure due in 7 days, December 2025"),
        (.deadline, "the deadline for offers", "2025-10-31", nil, "The deadline for offers on Fri 31 Oct 2025",
         "Reminder: The deadline for offers in 7 days, Fri 31 Oct 2025"),
        (.deadline, "countries to submit offers", "2025-11", nil, "Countries to submit offers by the end of November 2025",
         "Reminder: Countries to submit offers in 7 days, November 2025"),
        (.deadline, "time will be reduced to 48 hours", "2021-12-31", nil, "Time will be reduced to 48 hours by Fri 31 Dec 2021",
         "Reminder: Time will be reduced to 48 hours in 7 days, Fri 31 Dec 2021"),
        (.deadline, "exporters to register", "2025-W43", nil, "Exporters to register by the end of the week of 20 Oct 2025",
         "Reminder: Exporters to register in 7 days, week of 20 Oct 2025"),
        (.deadline, "last day to file appeals", "2026-12-03", nil, "Last day to file appeals on Thu 3 Dec 2026",
         "Reminder: Last day to file appeals in 7 days, Thu 3 Dec 2026"),
        (.other, "Trump to arrive in Malaysia", "2025-10-26", nil, "Trump to arrive in Malaysia on Sun 26 Oct 2025",
         "Reminder: Trump to arrive in Malaysia in 7 days, Sun 26 Oct 2025"),
        (.other, "tariff review", "2025-W43", nil, "Tariff review in the week of 20 Oct 2025",
         "Reminder: Tariff review in 7 days, week of 20 Oct 2025"),
        (.other, "iPhone levy", "2025-11", nil, "iPhone levy: November 2025", "Reminder: iPhone levy in 7 days, November 2025"),
        (.other, "EU summit", "2025-11-01", nil, "EU summit on Sat 1 Nov 2025", "Reminder: EU summit in 7 days, Sat 1 Nov 2025"),
        (.deadline, "FTA gets", "2015-12-31", nil, "FTA due by Thu 31 Dec 2015", "Reminder: FTA due in 7 days, Thu 31 Dec 2015"),
        (.effective, "pause takes", "2025-10-24", nil, "Pause takes effect on Fri 24 Oct 2025",
         "Reminder: Pause takes effect in 7 days, Fri 24 Oct 2025"),
        // Subjects as extractors leave them: cut after a function word, a piece of a clause, a task, a relative clause.
        (.effective, "tariffs on 187 product categories such", "2017-12", nil,
         "Tariffs on 187 product categories take effect in December 2017",
         "Reminder: Tariffs on 187 product categories take effect in 7 days, December 2017"),
        (.deadline, "from 97.39 hours in 2017 to 65 hours", "2018-12-31", nil, "Deadline: Mon 31 Dec 2018",
         "Reminder: Deadline in 7 days, Mon 31 Dec 2018"),
        (.effective, "including all cancer drugs", "2019-05-01", nil, "Effective date: Wed 1 May 2019",
         "Reminder: Effective date in 7 days, Wed 1 May 2019"),
        (.effective, "building the plant", "2014-12-31", nil, "Building the plant on Wed 31 Dec 2014",
         "Reminder: Building the plant in 7 days, Wed 31 Dec 2014"),
        (.effective, "licensing rules for chips", "2025-11-01", nil, "Licensing rules for chips take effect on Sat 1 Nov 2025",
         "Reminder: Licensing rules for chips take effect in 7 days, Sat 1 Nov 2025"),
        (.effective, "implement the tariffs", "2018-08-30", nil, "Implement the tariffs on Thu 30 Aug 2018",
         "Reminder: Implement the tariffs in 7 days, Thu 30 Aug 2018"),
        (.expiry, "truce that paused these duties", "2025-11-10", nil, "Truce that paused these duties expires on Mon 10 Nov 2025",
         "Reminder: Truce that paused these duties expires in 7 days, Mon 10 Nov 2025"),
        // No subject: the kind on its own, then the date, as on a form.
        (.effective, "", "2025-11-01", nil, "Effective date: Sat 1 Nov 2025", "Reminder: Effective date in 7 days, Sat 1 Nov 2025"),
        (.expiry, " ", "2025-11", nil, "Expiry date: November 2025", "Reminder: Expiry date in 7 days, November 2025"),
        (.meeting, "", "2025-10-25", "2025-10-27", "Meeting: Oct 25–27 2025", "Reminder: Meeting in 7 days, Oct 25–27 2025"),
        (.deadline, "", "2025-Q3", nil, "Deadline: Q3 2025", "Reminder: Deadline in 7 days, Q3 2025"),
        (.other, "", "2027", nil, "Date: 2027", "Reminder: Date in 7 days, 2027"),
    ] as [(DeadlineKind, String, String, String?, String, String)])
    func aDeadlineReadsAsASentence(
        kind: DeadlineKind, subject: String, date: String, end: String?, sentence: String, reminder: String
    ) throws {
        let deadline = DeadlineFact(
            date: try #require(TemporalValue(iso: date)), endDate: end.flatMap { TemporalValue(iso: $0) }, kind: kind,
            subject: subject)
        #expect(FactWords.sentence(deadline) == sentence)
        #expect(FactWords.reminder(deadline, daysBefore: 7) == reminder)
        // Nowhere the internal kind name: `other`, `effective`.
        #expect(!sentence.contains("other") && !sentence.contains("effective"))
    }

    @Test(arguments: [(0, "today"), (1, "tomorrow"), (2, "in 2 days"), (30, "in 30 days")])
    func remindersCountTheDays(days: Int, words: String) {
        let truce = DeadlineFact(date: TemporalValue(iso: "2025-11-10")!, kind: .expiry, subject: "the truce")
        #expect(FactWords.reminder(truce, daysBefore: days) == "Reminder: The truce expires \(words), Mon 10 Nov 2025")
    }
}

/// A tariff measure as one sentence: who does what to which goods from where, from when, how far it has got.
@Suite struct TariffWordsTests {
    typealias Row = (String?, String?, [String], Double?, Double?, Bool, TariffDirection, TariffStatus, String?, String)

    @Test(arguments: [
        // imposer, target, products, rate, previous rate, additional, direction, status, effective date, sentence
        ("US", "CN", ["steel"], 25, nil, true, .increase, .imposed, "2018-06-01",
         "US imposes additional 25% tariff on steel from China, effective Fri 1 Jun 2018 (imposed)"),
        ("US", "CN", [], 100, nil, true, .increase, .threatened, "2025-11-01",
         "US threatens to impose additional 100% tariff on imports from China, effective Sat 1 Nov 2025"),
        ("US", "CN", [], 30, 145, false, .decrease, .announced, nil,
         "US cuts tariff from 145% to 30% on imports from China (announced)"),
        ("EU", "US", ["steel", "aluminium"], 50, 25, false, .increase, .proposed, nil,
         "EU proposes to raise tariff from 25% to 50% on steel and aluminium from US"),
        ("CN", "AU", ["almonds"], 0, nil, false, .decrease, .announced, "2027-01-01",
         "China cuts tariff to 0% on almonds from Australia, effective Fri 1 Jan 2027 (announced)"),
        ("CN", "KH", [], 0, nil, false, .unknown, .imposed, nil, "China cuts tariff to 0% on imports from Cambodia (imposed)"),
        ("US", "CN", [], nil, nil, true, .increase, .threatened, nil,
         "US threatens to impose additional tariffs on imports from China"),
        ("US", nil, ["aluminum"], 10, nil, false, .unknown, .announced, "2027-03",
         "US imposes 10% tariff on aluminum, effective in March 2027 (announced)"),
        ("US", nil, [], 12.5, nil, false, .unknown, .imposed, nil, "US imposes 12.5% tariff on imports (imposed)"),
        ("US", "CN", [], 25, nil, false, .unknown, .paused, nil, "US pauses 25% tariff on imports from China"),
        ("US", "CN", [], 25, nil, false, .unknown, .lifted, nil, "US lifts 25% tariff on imports from China"),
        ("MX", "US", ["dairy products"], 25, nil, false, .unknown, .inEffect, nil,
         "Mexico imposes 25% tariff on dairy products from US (in effect)"),
        ("US", "CN", [], 145, nil, false, .unknown, .historical, nil, "US imposes 145% tariff on imports from China (historical)"),
        ("GB", "KR", ["cars", "vans", "trucks"], 10, nil, false, .unknown, .imposed, "2025-W43",
         "UK imposes 10% tariff on cars, vans and trucks from South Korea, effective in the week of 20 Oct 2025 (imposed)"),
        ("CA", "CN", [], 100, nil, false, .unknown, .announced, "2025-Q4",
         "Canada imposes 100% tariff on imports from China, effective in Q4 2025 (announced)"),
        ("IN", "XX", [], 20, nil, false, .unknown, .imposed, "2026", "India imposes 20% tariff on imports from XX, effective in 2026 (imposed)"),
        // Missing parts: no imposer (the measure is the subject), no parties, no rate.
        (nil, "CN", [], 25, nil, false, .unknown, .announced, nil,
         "25% tariff on imports from China announced (imposing country not named)"),
        (nil, "CN", [], 10, 15, false, .decrease, .imposed, nil,
         "Tariff on imports from China cut from 15% to 10% (imposed; imposing country not named)"),
        (nil, nil, ["steel"], 25, nil, false, .unknown, .imposed, nil, "25% tariff on steel imposed (countries not named)"),
        (nil, "CN", [], nil, nil, true, .increase, .threatened, "2025-11",
         "Additional tariffs on imports from China threatened, effective in November 2025 (imposing country not named)"),
        ("US", "CN", [], nil, nil, false, .unknown, .imposed, nil, "US imposes tariffs on imports from China (imposed)"),
    ] as [Row])
    func aTariffReadsAsASentence(row: Row) throws {
        let (imposer, target, products, rate, previous, additional, direction, status, date, sentence) = row
        let tariff = TariffFact(
            imposer: imposer, target: target, products: products, ratePct: rate, previousRatePct: previous,
            additional: additional, direction: direction, status: status, effectiveDate: date.flatMap { TemporalValue(iso: $0) })
        #expect(FactWords.sentence(tariff) == sentence)
        #expect(!sentence.contains("in_effect") && !sentence.contains("→"))
    }

    @Test(arguments: [(0.4, "0.4"), (0.55, "0.55"), (0.8333, "0.83")])
    func inferredPartiesAreMarked(confidence: Double, shown: String) {
        let tariff = TariffFact(imposer: "US", target: "CN", ratePct: 10, status: .imposed)
        #expect(
            FactWords.sentence(tariff, confidence: confidence)
                == "US imposes 10% tariff on imports from China (imposed; parties inferred from context, confidence \(shown))")
        #expect(FactWords.sentence(tariff, confidence: 1) == "US imposes 10% tariff on imports from China (imposed)")
    }

    @Test func anOverallLevelIsSaid() {
        let level = TariffFact(imposer: "US", target: "CN", ratePct: 157, aggregate: true, status: .threatened)
        #expect(FactWords.sentence(level) == "US threatens to impose 157% tariff on imports from China (overall level)")
    }

    @Test(arguments: [
        ("US", "US"), ("EU", "EU"), ("GB", "UK"), ("AE", "UAE"), ("CN", "China"), ("KR", "South Korea"), ("ZZ", "ZZ"),
    ])
    func countriesGoByTheirShortNames(code: String, name: String) {
        #expect(CountryNames.shortName(of: code) == name)
    }
}
