import Foundation
import TariffExtraction
import Testing

@testable import ArticleFormats

@Suite("Publication dates: metadata formats, datelines, front matter and when not to trust them")
struct PublicationDateTests {
    @Test(arguments: [
        ("2025-10-24", "2025-10-24"),
        ("2025-10-24T23:30:00-04:00", "2025-10-24"),  // the writer's own day, not UTC's
        ("2025/10/24 09:00", "2025-10-24"),
        ("D:20251027090000-04'00'", "2025-10-27"),
        ("20251024", "2025-10-24"),
        ("Fri, 24 Oct 2025 09:12:03 +0000", "2025-10-24"),
        ("October 24, 2025", "2025-10-24"),
        ("Sept. 30, 2025 10:15 a.m. ET", "2025-09-30"),
        ("24th October 2025", "2025-10-24"),
        ("Friday, 24 October 2025", "2025-10-24"),
        ("Oct 24", nil),  // no year: only a dateline may complete it
        ("yesterday", nil),
        ("2025-02-30", nil),
    ] as [(String, String?)])
    func parse(_ text: String, _ expected: String?) {
        #expect(DateText.parse(text)?.description == expected)
    }

    @Test(arguments: [
        ("BEIJING, Sept. 30 (Xinhua) -- China's Ministry of Commerce said", "2025-09-30"),
        ("WASHINGTON/BRUSSELS, Oct. 24 (Reuters) - The United States", "2025-10-24"),
        ("Oct 24 (Reuters) - Canada said on Friday", "2025-10-24"),
        ("Headline here\nBy Chen Wei\nNovember 3, 2024 | Updated 3 hours ago\n\nBEIJING — text", "2024-11-03"),
        ("Headline\nPublished: Monday, October 20, 2025 08:15 ET\nBody", "2025-10-20"),
        // Without a year, the latest such day not after the file's day (2025-10-30).
        ("PARIS, Dec. 28 (AFP) — The EU", "2024-12-28"),
        ("WASHINGTON (Reuters) - The United States will", nil),
        ("The EU said on October 24, 2025 that duties rise.", nil),  // a date in prose is not a dateline
        ("By Anna Keller, October 20, 2025", nil),
        ("Line 1\nLine 2\nLine 3\nLine 4\nLine 5\nLine 6\nLine 7\nLine 8\nLine 9\nOct. 1, 2025", nil),
    ] as [(String, String?)])
    func dateline(_ text: String, _ expected: String?) {
        let found = Dateline.find(in: text, modificationDay: fixtureDay)
        #expect(found?.date.description == expected)
        if expected != nil { #expect(found?.source == .dateline) }
    }

    @Test("YAML front matter gives title, URL and date, and is blanked without moving the text", arguments: ["\n", "\r\n"])
    func frontMatter(_ eol: String) throws {
        let text = ["---", "title: \"EU steel duties\"", "url: https://example.com/a", "date: 2025-10-20", "tags: [trade]", "---",
            "The EU will act on Friday.", ""].joined(separator: eol)
        let document = try #require(try decode(text).articles.first)
        #expect(document.title == "EU steel duties")
        #expect(document.url == "https://example.com/a")
        #expect(document.published == PublicationDate(date: CalendarDate(year: 2025, month: 10, day: 20)!, source: .metadata, origin: "front matter"))
        #expect(document.text.unicodeScalars.count == text.unicodeScalars.count)
        #expect(document.text.hasSuffix("---\(eol)The EU will act on Friday.\(eol)") == false)
        #expect(document.text.trimmingCharacters(in: .whitespacesAndNewlines) == "The EU will act on Friday.")
    }

    /// Found by `scripts/fuzz.sh decoder`: "---\r\n" alone crashed the reader ("\r\n" is one Character).
    @Test("an opening front-matter fence with nothing after it is plain text", arguments: ["---\r\n", "---\n", "---\r\ntitle: A", "---\r\n\r\n"])
    func unterminatedFrontMatter(_ text: String) throws {
        let document = try #require(try decode(text).articles.first)
        #expect(document.title == nil)
    }

    @Test(arguments: [
        ("2025-10-20", ReferenceDateSource.metadata, "2025-10-20", false),
        ("2025-10-31", .metadata, "2025-10-31", false),  // a day ahead: another time zone
        ("2025-11-15", .metadata, "2025-10-30", true),  // after the file was saved: not trusted
        ("1970-01-01", .metadata, "2025-10-30", true),  // a placeholder
        ("2001-09-10", .dateline, "2001-09-10", false),  // an old article is still an article
    ] as [(String, ReferenceDateSource, String, Bool)])
    func trust(_ stated: String, _ source: ReferenceDateSource, _ chosen: String, _ distrusted: Bool) {
        let published = PublicationDate(date: CalendarDate(iso: stated)!, source: source, origin: "test")
        let choice = ReferenceDateChoice.choose(published: published, modificationDay: fixtureDay)
        #expect(choice.date.description == chosen)
        #expect(choice.source == (distrusted ? .mtime : source))
        #expect((choice.distrusted != nil) == distrusted)
    }

    @Test("no stated date: the modification day")
    func noDate() {
        #expect(ReferenceDateChoice.choose(published: nil, modificationDay: fixtureDay) == ReferenceDateChoice(date: fixtureDay, source: .mtime))
    }
}
