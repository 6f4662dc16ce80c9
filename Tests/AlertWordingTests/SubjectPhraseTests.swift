import FactStore
import TariffExtraction
import Testing

@testable import AlertWording

/// The one rule for a deadline's subject: what alerts, the feed, the calendar and `tariffwatch facts` show of it.
@Suite struct SubjectPhraseTests {
    @Test(arguments: [
        // Names for what is due, shown as they are.
        ("truce that paused these duties", "truce that paused these duties"), ("APEC summit in South Korea", "APEC summit in South Korea"),
        ("Tokyo forum", "Tokyo forum"), ("Trump to arrive in Malaysia", "Trump to arrive in Malaysia"), ("talks", "talks"),
        ("first China International Import Expo", "first China International Import Expo"),
        ("The truce", "The truce"), ("a new round of talks", "a new round of talks"), ("its retaliatory duties", "its retaliatory duties"),
        ("100% tariffs on Chinese goods", "100% tariffs on Chinese goods"), ("90-day truce", "90-day truce"),
        ("2026 midterm elections", "2026 midterm elections"), ("steel duties under Section 232", "steel duties under Section 232"),
        ("time will be reduced to 48 hours", "time will be reduced to 48 hours"), ("I-95 toll rule", "I-95 toll rule"),
        ("further talks", "further talks"), ("talks wrap up", "talks wrap up"),
        // Cut after a function word or a verb: the subject is what comes before.
        ("tariffs on 187 product categories such", "tariffs on 187 product categories"), ("FTA gets", "FTA"),
        ("pause takes", "pause"), ("the quota on", "the quota"),
        // Scraps: the tagger's notation and placeholders.
        ("→ 2018-12-31", nil), ("→", nil), ("rates -> 25%", nil), ("week 2018-W27 (\"", nil), ("month 2018-07", nil),
        ("date 2025-10-25", nil), ("(2019)", nil), ("duties (on steel", nil), ("the \"phase one deal", nil),
        // Scraps: a start no noun phrase has.
        ("have simmered", nil), ("been affected by the high tariffs", nil), ("From", nil), ("including all cancer drugs", nil),
        ("from 97.39 hours in 2017 to 65 hours", nil), ("39 hours", nil), ("s Anhui province", nil), ("U", nil),
        ("while the truce holds", nil), ("respectively 5%", nil),
        // Scraps: an end cut mid-clause or mid-phrase.
        ("4 percent respectively", nil), ("tax rate of more", nil), ("China further lowered tariff rates on 1", nil),
        ("China's Jiangxi province,", nil), ("end of a period is its", nil), ("the deadline for the", nil),
        // Nothing to read.
        ("", nil), ("  ", nil), ("the", nil), ("2025", nil),
    ] as [(String, String?)])
    func aSubjectReadsOrIsAFragment(subject: String, reads: String?) {
        let phrase = SubjectPhrase(subject)
        #expect(phrase.text == reads, "\(subject)")
        #expect(phrase.isFragment == (reads == nil), "\(subject)")
    }

    /// An alert whose subject is a fragment says the kind alone, as `tariffwatch facts` hides it.
    @Test func anAlertAndTheListingAgreeOnAFragment() throws {
        #expect(FactWords.event(.init(date: .year(2026), kind: .meeting, subject: "have simmered")).what == "Meeting")
        #expect(FactWords.event(.init(date: .year(2026), kind: .meeting, subject: "Tokyo forum")).what == "Tokyo forum")
    }
}
