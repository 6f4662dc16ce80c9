import Foundation
import TariffExtraction
import Testing

@testable import ArticleFormats

/// PDFs made at test time by ghostscript (Debian's `ghostscript`, installed by `make deps`).
@Suite("PDF: text without running headers, footers and page numbers; clear errors")
struct PDFReaderTests {
    @Test("the two-page notice: headers and page numbers gone, wrapped lines joined, metadata date and title")
    func notice() async throws {
        let postScript = try String(contentsOf: formatFixtures.appendingPathComponent("cranes-notice.ps"), encoding: .utf8)
        guard let pdf = try await Ghostscript.pdf(postScript) else { return }
        let file = try ArticleDecoder().decode(pdf, fileName: "notice.pdf", modificationDay: fixtureDay)
        let notice = try #require(file.articles.first)
        #expect(file.format == .pdf)
        #expect(notice.title == "Notice of Action: Tariffs on Ship-to-Shore Cranes From China")
        #expect(notice.published == PublicationDate(date: CalendarDate(year: 2025, month: 10, day: 27)!, source: .metadata, origin: "PDF CreationDate"))
        #expect(!notice.text.contains("Federal Register"))
        #expect(!notice.text.contains("Page 1 of 2") && !notice.text.contains("Page 2 of 2"))
        #expect(notice.text.contains("from China starting November 10, the Office"))
        #expect(notice.text.hasSuffix("Comments on the proposed action must be submitted by November 24, 2025."))
    }

    @Test("without metadata, the first page's date line dates it")
    func dateLine() async throws {
        let lines = ["Customs Bulletin and Decisions, Vol. 59, No. 43, October 29, 2025", "Duties on aluminum extrusions rise to 30%."]
        // An unreadable CreationDate stands for a PDF without one (ghostscript always writes a date).
        let postScript = "[ /CreationDate (unknown) /DOCINFO pdfmark\n" + Ghostscript.postScript(pages: 1, lines: lines)
        guard let bytes = try await Ghostscript.pdf(postScript) else { return }
        let document = try ArticleDecoder().decode(bytes, fileName: "b.pdf", modificationDay: fixtureDay).articles[0]
        #expect(document.published?.date.description == "2025-10-29")
    }

    @Test("a password-protected PDF is named as such")
    func encrypted() async throws {
        guard let pdf = try await Ghostscript.pdf(Ghostscript.postScript(pages: 1, lines: ["Secret tariff schedule"]),
            arguments: ["-sOwnerPassword=owner", "-sUserPassword=user"])
        else { return }
        #expect(throws: FormatError.encrypted) { try ArticleDecoder().decode(pdf, fileName: "s.pdf", modificationDay: fixtureDay) }
    }

    @Test("an image-only PDF (a scan) has no text layer")
    func imageOnly() async throws {
        guard let pdf = try await Ghostscript.pdf("%!PS\n0.5 setgray 72 72 400 600 rectfill showpage\n") else { return }
        #expect {
            try ArticleDecoder().decode(pdf, fileName: "scan.pdf", modificationDay: fixtureDay)
        } throws: { error in
            "\(error)".contains("no text layer")
        }
    }

    @Test("a small PDF that inflates to a lot of text is stopped at the limit")
    func inflation() async throws {
        let line = String(repeating: "Tariffs on steel rise to 25 percent. ", count: 3)
        guard let pdf = try await Ghostscript.pdf(Ghostscript.postScript(pages: 40, lines: Array(repeating: line, count: 55))) else { return }
        let limit = 64 << 10
        #expect(pdf.count < limit, "the compressed PDF (\(pdf.count) bytes) fits the limit")
        #expect(throws: FormatError.decodedTooLarge(.pdf, limit: limit)) {
            try ArticleDecoder(maxTextSize: limit).decode(pdf, fileName: "big.pdf", modificationDay: fixtureDay)
        }
    }
}
