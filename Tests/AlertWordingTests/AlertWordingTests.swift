import FactStore
import Foundation
import TariffExtraction
import Testing

@testable import AlertWording

/// One alert in every view's words: the journal's MESSAGE and SUBJECT, the feed's title, summary and
/// content, the calendar's event; never the server path.
@Suite struct AlertWordingTests {
    static let threat = TariffFact(
        imposer: "US", target: "CN", ratePct: 100, additional: true, status: .threatened,
        effectiveDate: TemporalValue(iso: "2025-11-01"))
    static var imposed: TariffFact {
        var fact = threat
        fact.ratePct = 125
        fact.status = .imposed
        return fact
    }
    static let truce = DeadlineFact(date: TemporalValue(iso: "2025-11-10")!, kind: .expiry, subject: "the truce")
    static var laterTruce: DeadlineFact {
        var fact = truce
        fact.date = TemporalValue(iso: "2025-11")!
        return fact
    }
    static let page = ArticleProvenance(
        title: "Truce <extended> & \"kept\"", url: "https://ledger.example/a?x=1&y=2",
        published: CalendarDate(year: 2025, month: 10, day: 20), referenceDateSource: "metadata")

    static func alert(
        _ kind: AlertKind, _ current: FactValue, previous: FactValue? = nil, provenance: ArticleProvenance? = nil,
        daysBefore: Int? = nil, confidence: Double? = nil
    ) -> Alert {
        Alert(
            id: 7, factID: "f00d", kind: kind, createdAt: Date(timeIntervalSince1970: 0), current: current, previous: previous,
            sourceFile: "/var/spool/tariffwatch/inbox/truce.txt", evidence: "The truce <ends> on Nov. 10 & then?",
            sourceCount: 1, provenance: provenance, daysBefore: daysBefore, confidence: confidence)
    }

    @Test(arguments: [
        (alert(.newDeadline, .deadline(truce)), "The truce expires on Mon 10 Nov 2025"),
        (alert(.changedDeadline, .deadline(laterTruce), previous: .deadline(truce)),
         "Changed: The truce expires in November 2025 (was Mon 10 Nov 2025)"),
        (alert(.conflictingReport, .deadline(laterTruce), previous: .deadline(truce)),
         "Conflicting report: The truce expires in November 2025 (other reports: Mon 10 Nov 2025)"),
        (alert(.deadlineReminder, .deadline(truce), daysBefore: 7), "Reminder: The truce expires in 7 days, Mon 10 Nov 2025"),
        (alert(.deadlineReminder, .deadline(truce), daysBefore: 1), "Reminder: The truce expires tomorrow, Mon 10 Nov 2025"),
        (alert(.newTariff, .tariff(threat)),
         "US threatens to impose additional 100% tariff on imports from China, effective Sat 1 Nov 2025"),
        (alert(.newTariff, .tariff(threat), confidence: 0.6),
         "US threatens to impose additional 100% tariff on imports from China, effective Sat 1 Nov 2025 (parties inferred from context, confidence 0.6)"),
        (alert(.changedTariff, .tariff(imposed), previous: .tariff(threat)),
         "Changed: US imposes additional 125% tariff on imports from China, effective Sat 1 Nov 2025 (imposed; was 100%, threatened)"),
        (alert(.conflictingReport, .tariff(threat), previous: .tariff(imposed)),
         "Conflicting report: US threatens to impose additional 100% tariff on imports from China, effective Sat 1 Nov 2025 (other reports: 125%, imposed)"),
    ])
    func theTitleSaysWhatHappenedToTheFact(alert: Alert, title: String) {
        let words = AlertWording(alert)
        #expect(words.title == title)
        // Without an article title, MESSAGE is the title: no path, no file name.
        #expect(words.message == title)
    }

    @Test func aChangeOfRateTheClauseStatesIsNotRepeated() {
        var cut = Self.imposed
        cut.ratePct = 50
        cut.previousRatePct = 125
        cut.direction = .decrease
        let title = AlertWording(Self.alert(.changedTariff, .tariff(cut), previous: .tariff(Self.imposed))).title
        #expect(title == "Changed: US cuts tariff from 125% to 50% on imports from China, effective Sat 1 Nov 2025 (imposed)")
    }

    @Test func theMessageNamesTheArticleByItsTitle() {
        let words = AlertWording(Self.alert(.newDeadline, .deadline(Self.truce), provenance: Self.page))
        #expect(words.message == "The truce expires on Mon 10 Nov 2025 – “Truce <extended> & \"kept\"”")
        #expect(words.title == "The truce expires on Mon 10 Nov 2025")
        #expect(words.summary == "The truce expires on Mon 10 Nov 2025. From “Truce <extended> & \"kept\"”, published Mon 20 Oct 2025.")
    }

    @Test func theFeedTextQuotesTheEvidenceAndNamesTheSource() {
        let words = AlertWording(Self.alert(.newDeadline, .deadline(Self.truce), provenance: Self.page))
        #expect(
            words.contentText(sourceCount: 3) == """
                The truce expires on Mon 10 Nov 2025.

                “The truce <ends> on Nov. 10 & then?”

                Source: “Truce <extended> & "kept"”, published Mon 20 Oct 2025 – https://ledger.example/a?x=1&y=2.
                Reported by 3 sources.
                """)
        #expect(
            words.contentHTML(sourceCount: 1) == """
                <p>The truce expires on Mon 10 Nov 2025.</p>
                <blockquote><p>The truce &lt;ends&gt; on Nov. 10 &amp; then?</p></blockquote>
                <p>Source: <a href="https://ledger.example/a?x=1&amp;y=2">Truce &lt;extended&gt; &amp; &quot;kept&quot;</a>, published Mon 20 Oct 2025.</p>
                """)
    }

    @Test func aBareTextFileIsNamedByItsFileNameAndItsDatesAreQualified() {
        let words = AlertWording(Self.alert(.newTariff, .tariff(Self.threat)))
        #expect(words.summary == "US threatens to impose additional 100% tariff on imports from China, effective Sat 1 Nov 2025.")
        #expect(words.contentText(sourceCount: 1).hasSuffix("""
            Source: file truce.txt.
            Relative dates were read against the file's date: the article states none.
            """))
        #expect(words.contentHTML(sourceCount: 2).contains("<p>Source: file truce.txt.</p>\n<p>Reported by 2 sources.</p>"))
    }

    @Test(arguments: AlertKind.allCases)
    func noViewShowsTheServerPath(kind: AlertKind) {
        let current: FactValue = [.newTariff, .changedTariff].contains(kind) ? .tariff(Self.imposed) : .deadline(Self.truce)
        let previous: FactValue? =
            switch kind {
            case .changedTariff: .tariff(Self.threat)
            case .changedDeadline, .conflictingReport: .deadline(Self.laterTruce)
            default: nil
            }
        for provenance in [nil, Self.page] {
            let words = AlertWording(Self.alert(kind, current, previous: previous, provenance: provenance, daysBefore: 7))
            for text in [words.title, words.message, words.summary, words.contentText(sourceCount: 2), words.contentHTML(sourceCount: 2)] {
                #expect(!text.contains("/var/spool"), "\(kind): \(text)")
                #expect(!text.contains("new_") && !text.contains("changed_"), "\(kind): \(text)")
            }
        }
    }

    @Test(arguments: [
        ("/var/spool/tariffwatch/inbox/truce.txt", "truce.txt"),
        ("/inbox/feed.xml#https://ledger.example/a/1", "feed.xml"),
        ("truce.txt", "truce.txt"),
    ])
    func filesAreNamedWithoutTheirFolder(path: String, name: String) {
        #expect(SourceWords.fileName(path) == name)
    }
}

/// The calendar's event in the alerts' words.
@Suite struct CalendarWordingTests {
    @Test(arguments: [
        (DeadlineKind.meeting, "hearing", "Hearing", "Meeting"),
        (.effective, "100% tariffs on Chinese goods", "100% tariffs on Chinese goods take effect", "Effective date"),
        (.expiry, "the truce", "The truce expires", "Expiry date"),
        (.deadline, "comments on the steel quota", "Comments on the steel quota due", "Deadline"),
        (.other, "EU summit", "EU summit", "Date"),
        (.deadline, "", "Deadline", "Deadline"),
        (.other, "", "Date", "Date"),
    ])
    func theSummaryIsWhatHappens(kind: DeadlineKind, subject: String, summary: String, category: String) {
        let deadline = DeadlineFact(date: TemporalValue(iso: "2025-11-01")!, kind: kind, subject: subject)
        #expect(CalendarWording.summary(deadline) == summary)
        #expect(CalendarWording.category(kind) == category)
    }

    @Test func theDescriptionHasTheDateTheEvidenceAndTheSource() {
        let talks = DeadlineFact(
            date: TemporalValue(iso: "2025-10-25")!, endDate: TemporalValue(iso: "2025-10-27"), kind: .meeting,
            subject: "US-China trade talks")
        let article = ArticleProvenance(
            title: "Talks set", url: "https://ledger.example/t", published: CalendarDate(year: 2025, month: 10, day: 20),
            referenceDateSource: "metadata")
        #expect(
            CalendarWording.description(
                talks, evidence: "Talks are set for October 25 to 27.", article: article, sourceFile: "/inbox/t.html",
                sourceCount: 2) == """
                US-China trade talks on Oct 25–27 2025.

                “Talks are set for October 25 to 27.”

                Source: “Talks set”, published Mon 20 Oct 2025 – https://ledger.example/t (reported by 2 sources).
                """)
        #expect(
            CalendarWording.description(talks, evidence: "", article: nil, sourceFile: "/inbox/t.txt", sourceCount: 1)
                == "US-China trade talks on Oct 25–27 2025.\n\nSource: file t.txt.")
        #expect(CalendarWording.alarm(talks, daysBefore: 1) == "Reminder: US-China trade talks tomorrow, Oct 25–27 2025")
    }
}

/// The byte-wise HTML escape gives what escaping character by character gives, also where a combining
/// mark makes `&` part of another character.
@Suite struct HTMLTextEscapeTests {
    @Test func escapesAsCharacterByCharacter() {
        let texts = [
            "", "plain text", "Truce <extended> & \"kept\" 'here'", "&&<<>>\"\"''", "a\r\nb & c",
            "https://ledger.example/a?x=1&y=2", "Zölle & “Gegenzölle” <50 %>", "&\u{301} and <\u{308}",
            "’quoted’ — no entities", "\u{1F1FA}\u{1F1F8} & \u{1F1E8}\u{1F1F3}", "x<", ">x", "'",
        ]
        for text in texts {
            #expect(HTMLText.escape(text) == HTMLText.escapeCharacters(text), "\(text)")
            #expect(Array(HTMLText.escape(text).utf8) == Array(HTMLText.escapeCharacters(text).utf8), "\(text)")
        }
        #expect(HTMLText.escape("a & b") == "a &amp; b")
        #expect(HTMLText.escape("&\u{301}") == "&\u{301}")
    }
}
