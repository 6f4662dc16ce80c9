import Testing

@testable import TariffExtraction

/// One event is one deadline: a vaguer mention of an event the article dates elsewhere folds into the dated
/// one, and a date that only says who wrote the report, and when, is none. Reference dates as in
/// `DeadlineSpecTests`.
extension DeadlineSpecTests {
    /// Bylines and time stamps: the lines above the story that say who filed it and when.
    static let bylines: [DeadlineSpec] = [
        on(friday, "By Maria Costa — October 24, 2025 at 9:15 a.m. ET"),
        on(friday, "Kenji Sato, Osaka — 24 October 2025, 16:40 (local time). Exporters brace for the levy."),
        on(friday, "By Ana Ruiz -- Oct. 24, 2025. Growers count the cost."),
        on(friday, "Last updated 24 October 2025, 18:00"),
        on(friday, "Oct 24 (AFP) - Farmers in the region brace for the new duties."),
        // prose before a dash is no byline
        on(friday, "Exporters have one date in mind — November 3, when the duties start.", due("2025-11-03", .effective)),
    ]

    /// A vaguer mention and a dated one of the same event, and of two events in the same period.
    static let sameEventMentions: [DeadlineSpec] = [
        // the end of a period reached by `before` or `by`, beside the day the same measure takes effect
        on(friday, "The pact will enter into force on Sunday. Because the pact takes effect before the end of this year, "
            + "exporters gain a second round of cuts within weeks.", due("2025-10-26", .effective)),
        // another event in the same period keeps its own deadline
        on(friday, "The pact will enter into force on Sunday. The ministry must publish its customs rules before the end of this year.",
            due("2025-10-26", .effective), due("2025-12-31", .deadline)),
        // a month in front of a noun names the event the article dates
        on(friday, "Rates on sofas climb on Jan. 1. Stores will reprice after the January increases.", due("2026-01-01", .other)),
        on(friday, "The hearing is on Nov. 12. Lawyers for the importers are preparing for the November hearing.",
            due("2025-11-12", .meeting)),
        // unless the noun names another kind of event than the one dated
        on(friday, "Duties on trucks start on Nov. 1. Lawyers for the importers are preparing for the November hearing.",
            due("2025-11-01", .effective), due("2025-11", .meeting)),
        // a month as the date of its own sentence is no modifier
        on(friday, "Rates on sofas climb on Jan. 1. Talks on a quota will open in January.",
            due("2026-01-01", .other), due("2026-01", .meeting)),
        // a week-level mention and a day of the same kind: the day dates the event
        on(friday, "The summit is later next week. Leaders will meet on Thursday, Oct. 30.", due("2025-10-30", .meeting)),
    ]

    /// A word joined to another by a hyphen is an adjective, not the verb that sets the tense.
    static let compoundAdjectives: [DeadlineSpec] = [
        on(friday, "Mexico will raise its duty on cold-rolled steel imported from Asia to 35% from 20% starting March 1, "
            + "the ministry said.", due("2026-03-01", .effective)),
        on(friday, "The state-owned buyer will sign the purchase contract on Nov. 3 in Lima.", due("2025-11-03", .other)),
        // after a prefix it is still the verb
        on(friday, "The agency re-imposed the duties on Oct. 20.", due("2025-10-20", .other, upcoming: false)),
    ]

    @Test(arguments: bylines)
    func byline(_ spec: DeadlineSpec) { check(spec) }

    @Test(arguments: sameEventMentions)
    func sameEventMention(_ spec: DeadlineSpec) { check(spec) }

    @Test(arguments: compoundAdjectives)
    func compoundAdjective(_ spec: DeadlineSpec) { check(spec) }
}
