import Systemd
import Foundation
import TariffExtraction
import Testing

@testable import AlertDelivery
@testable import FactStore

/// The article behind an alert, in the journal and the feed, so the analyst can open the source.
@Suite struct ProvenanceTests {
    let today = CalendarDate(year: 2025, month: 10, day: 25)!
    let fact = TariffFact(
        imposer: "EU", target: "US", products: ["steel"], ratePct: 25, additional: true, status: .announced,
        effectiveDate: TemporalValue(iso: "2025-11"))

    func alert(_ provenance: ArticleProvenance?) -> Alert {
        Alert(
            id: 9, factID: "beef", kind: .newTariff, createdAt: Date(timeIntervalSince1970: 0), current: .tariff(fact),
            previous: nil, sourceFile: "/inbox/page.html", evidence: "The EU will impose 25% <tariffs> & more.", sourceCount: 1,
            provenance: provenance)
    }

    let page = ArticleProvenance(
        title: "EU to hit \"US\" steel", url: "https://ledger.example/a?x=1&y=2", published: CalendarDate(year: 2025, month: 10, day: 20),
        referenceDateSource: "metadata", item: "tag:1")

    @Test func theJournalEntryNamesTheArticle() {
        let fields = Dictionary(JournalAlertEntry().fields(for: alert(page), today: today).map { ($0.name, $0.value) }) { a, _ in a }
        #expect(fields["ARTICLE_TITLE"] == "EU to hit \"US\" steel")
        #expect(fields["ARTICLE_URL"] == "https://ledger.example/a?x=1&y=2")
        #expect(fields["PUBLISHED"] == "2025-10-20")
        #expect(fields["REFERENCE_DATE_SOURCE"] == "metadata")
        #expect(fields["ARTICLE_ITEM"] == "tag:1")
        #expect(fields["SOURCE_FILE"] == "/inbox/page.html")
        // The headline names the article, not the server path.
        #expect(fields["MESSAGE"]?.hasSuffix("– “EU to hit \"US\" steel”") == true)
        #expect(fields["MESSAGE"]?.contains("/inbox/") == false)
    }

    @Test func withoutProvenanceNothingChanges() {
        let fields = Dictionary(JournalAlertEntry().fields(for: alert(nil), today: today).map { ($0.name, $0.value) }) { a, _ in a }
        #expect(fields["ARTICLE_TITLE"] == nil && fields["REFERENCE_DATE_SOURCE"] == nil)
        // Without a title, MESSAGE is the fact alone: the path is in SOURCE_FILE only.
        #expect(fields["MESSAGE"] == "EU imposes additional 25% tariff on steel from US, effective in November 2025 (announced)")
        #expect(fields["SOURCE_FILE"] == "/inbox/page.html")
        let item = JSONFeed.Item(entry: FeedEntry(alert: alert(nil), sourceCount: 1, sources: []))
        #expect(item.url == nil && item.externalURL == nil)
        #expect(item.summary == "EU imposes additional 25% tariff on steel from US, effective in November 2025 (announced).")
        #expect(!item.contentText.contains("/inbox/") && item.contentText.contains("Source: file page.html."))
    }

    @Test func theFeedItemLinksTheArticleAndQuotesTheEvidence() throws {
        let item = JSONFeed.Item(entry: FeedEntry(alert: alert(page), sourceCount: 2, sources: ["/inbox/page.html"]))
        #expect(item.url == "https://ledger.example/a?x=1&y=2" && item.externalURL == item.url)
        #expect(item.title == "EU imposes additional 25% tariff on steel from US, effective in November 2025 (announced)")
        #expect(item.summary == item.title + ". From “EU to hit \"US\" steel”, published Mon 20 Oct 2025.")
        let html = try #require(item.contentHTML)
        #expect(html.contains("<blockquote><p>The EU will impose 25% &lt;tariffs&gt; &amp; more.</p></blockquote>"))
        #expect(html.contains("<a href=\"https://ledger.example/a?x=1&amp;y=2\">EU to hit &quot;US&quot; steel</a>, published Mon 20 Oct 2025"))
        #expect(html.contains("Reported by 2 sources."))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]  // as the feed writer
        let json = String(decoding: try encoder.encode(item), as: UTF8.self)
        #expect(json.contains("\"external_url\"") && json.contains("\"content_html\"") && json.contains("\"reference_date_source\":\"metadata\""))
        // The fact's dates for programs: ISO values, the days covered, and the words the title uses.
        #expect(json.contains("\"dates\":{\"end_value\":null,\"first_day\":\"2025-11-01\",\"granularity\":\"month\",\"last_day\":\"2025-11-30\",\"text\":\"November 2025\",\"value\":\"2025-11\"}"))
        #expect(!json.contains("\"confidence\""))
    }
}
