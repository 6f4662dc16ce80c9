import FactStore
import Glibc
import Foundation
import SystemPackage
import Testing

@testable import TariffwatchDaemon

/// Articles as they arrive, through the whole daemon: every format alerts with its article's title,
/// URL and date; a feed file downloaded again alerts only for its new items; bad files are one
/// rejection each.
extension DaemonPipelineTests {
    /// Moves a staged fixture into the inbox the way a careful writer does.
    private func dropFormat(_ name: String, staging: FilePath, inbox: FilePath) async throws {
        let staged = try await FormatFixtures.stage(name, into: staging)
        try FileManager.default.moveItem(atPath: staged.string, toPath: inbox.appending(staged.lastComponent!.string).string)
    }

    @Test func everyFormatAlertsWithItsArticle() async throws {
        let workspace = try Workspace()
        var fixtures = ["eu-steel.html", "canada-autos.eml", "news-api.json", "trade-feed.rss", "eu-bourbon-cp1252.txt"]
        if FormatFixtures.ps2pdf != nil { fixtures.append("cranes-notice.ps") } else { print("PDF part skipped: no ps2pdf") }
        try await withDaemon(settings(workspace)) { application in
            for name in fixtures { try await dropFormat(name, staging: workspace.staging, inbox: workspace.inbox) }
            try await eventually("every file processed and delivered") {
                let counts = try application.store.counts()
                return counts.filesProcessed == fixtures.count && counts.alertsPending == 0
            }
            let items = try workspace.feedItems()
            let urls = Set(items.compactMap { $0["external_url"] as? String })
            for url in [
                "https://tradeledger.example/2025/10/20/eu-us-steel-duties", "https://news.example/daily/2025-10-21",
                "https://latintradewire.example/mexico-chinese-cars-50", "https://trademint.example/india-almonds-15",
                "https://tariffmonitor.example/2025/10/24/us-india-pharma-tariff",
                "https://tariffmonitor.example/2025/10/24/japan-australia-beef",
            ] {
                #expect(urls.contains(url), "no alert links to \(url)")
            }
            let steel = try #require(items.first { $0["external_url"] as? String == "https://tradeledger.example/2025/10/20/eu-us-steel-duties" })
            #expect(steel["url"] as? String == steel["external_url"] as? String)
            #expect((steel["summary"] as? String)?.contains("“EU to hit US steel with new duties next month”") == true)
            #expect((steel["content_html"] as? String)?.contains("<blockquote><p>") == true)
            let article = try #require(steel.tariffwatch["article"] as? [String: Any])
            #expect(article["published"] as? String == "2025-10-20")
            #expect(article["reference_date_source"] as? String == "metadata")
            #expect((steel.tariffwatch["source_file"] as? String)?.hasSuffix("inbox/eu-steel.html") == true)
            let bourbon = items.compactMap { $0.tariffwatch["article"] as? [String: Any] }
                .filter { $0["reference_date_source"] as? String == "dateline" }
            #expect(!bourbon.isEmpty, "the Windows-1252 text alerts with its dateline date")
            if fixtures.contains("cranes-notice.ps") {
                #expect(items.contains { ($0["title"] as? String)?.hasPrefix("US imposes 100% tariff on ") == true && ($0["summary"] as? String)?.contains("Cranes") == true })
            }
        }
    }

    @Test func aFeedDownloadedAgainAlertsOnlyForItsNewItem() async throws {
        let workspace = try Workspace()
        let full = try String(contentsOfFile: FormatFixtures.folder.appending("trade-feed.rss").string, encoding: .utf8)
        // The first download has only the pharmaceuticals item.
        let secondItem = try #require(full.range(of: "    <item>\n      <title>Japan"))
        let end = try #require(full.range(of: "    </item>\n", range: secondItem.lowerBound..<full.endIndex))
        let firstOnly = full.replacingCharacters(in: secondItem.lowerBound..<end.upperBound, with: "")
        try await withDaemon(settings(workspace)) { application in
            try workspace.drop(firstOnly, as: "feed.xml", dated: "2025-10-24")
            try await eventually("the first download delivered") {
                let counts = try application.store.counts()
                return counts.filesProcessed == 1 && counts.alertsPending == 0 && counts.alertsDelivered > 0
            }
            let before = try workspace.feedItems()
            let filesBefore = try application.store.counts().filesProcessed
            #expect(before.allSatisfy { ($0.tariffwatch["article"] as? [String: Any])?["item"] as? String == "tariffmonitor-88213" })

            // Downloaded again over the old copy: `rename` replaces it, as `curl -o tmp && mv tmp feed.xml` does.
            try workspace.drop(full, as: "feed.xml.part", dated: "2025-10-25")
            #expect(rename(workspace.inbox.appending("feed.xml.part").string, workspace.inbox.appending("feed.xml").string) == 0)
            try await eventually("the second download delivered") {
                try workspace.feedItems().count > before.count && application.store.counts().alertsPending == 0
                    && application.store.counts().filesProcessed >= filesBefore
            }
            let after = try workspace.feedItems()
            let added = after.filter { item in !before.contains { $0["id"] as? String == item["id"] as? String } }
            #expect(added.allSatisfy { ($0.tariffwatch["article"] as? [String: Any])?["item"] as? String == "tariffmonitor-88214" })
            // The unchanged item was not counted again as a source.
            let pharma = try #require(after.first { ($0.tariffwatch["tariff"] as? [String: Any])?["target"] as? String == "IN" })
            #expect(pharma.tariffwatch["source_count"] as? Int == 1)
        }
    }

    @Test func badDocumentsAreOneRejectionEach() async throws {
        let workspace = try Workspace()
        let bad: [(String, String)] = [
            ("broken.json", "{\"articles\": [{\"title\": \"Tariffs\", "),
            ("empty-api.json", "{\"status\": \"ok\", \"totalResults\": 0, \"articles\": []}"),
            ("no-text.eml", "From: a@example.org\nTo: b@example.org\nSubject: Invoice\nDate: Tue, 21 Oct 2025 07:30:00 -0400\nMIME-Version: 1.0\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n"),
            ("broken.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a PDF\n"),
            ("empty-feed.rss", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Nothing</title></channel></rss>"),
        ]
        try await withDaemon(settings(workspace)) { application in
            for (name, text) in bad { try workspace.drop(text, as: name, dated: "2025-10-30") }
            try await dropFormat("eu-steel.html", staging: workspace.staging, inbox: workspace.inbox)
            try await eventually("every bad file rejected, the page processed") {
                let counts = try application.store.counts()
                return counts.filesRejected == bad.count && counts.filesProcessed == 1 && counts.alertsPending == 0
            }
        }
    }
}
