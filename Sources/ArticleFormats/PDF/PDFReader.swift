import Foundation
import TariffExtraction

/// A PDF notice or bulletin to text: the pages' text without running headers, footers and page
/// numbers, hard-wrapped lines joined back into paragraphs; the date from the metadata or the first
/// page's date line.
enum PDFReader {
    /// Beyond this many pages a "notice" is a book; reading stops with an error rather than memory.
    static let maxPages = 2000

    static func read(_ bytes: [UInt8], limit: Int, modificationDay: CalendarDate) throws(FormatError) -> ArticleDocument {
        let pdf: PDFDocument
        do throws(PDFDocument.OpenError) {
            pdf = try PDFDocument(bytes)
        } catch {
            switch error {
            case .encrypted: throw FormatError.encrypted
            case .unreadable(let reason): throw FormatError.malformed(.pdf, reason: reason)
            case .libraryMissing(let missing): throw FormatError.libraryMissing(.pdf, missing)
            }
        }
        let count = pdf.pageCount
        guard count > 0 else { throw .noText(.pdf, reason: "it has no pages") }
        guard count <= maxPages else { throw .decodedTooLarge(.pdf, limit: limit) }
        var pages: [[String]] = []
        var total = 0
        for index in 0..<count {
            let text = pdf.text(ofPage: index)
            total += text.utf8.count
            if total > limit { throw .decodedTooLarge(.pdf, limit: limit) }
            pages.append(text.components(separatedBy: "\n").map { MainText.collapse($0) })
        }
        let body = PageFurniture.strip(pages).map(Reflow.paragraphs).flatMap { $0 }
        guard !body.isEmpty else {
            throw .noText(.pdf, reason: "no text layer (a scanned image?); run OCR first")
        }
        let title = pdf.title.map(MainText.collapse).flatMap { $0.isEmpty ? nil : $0 }
        var document = ArticleDocument(text: body.joined(separator: "\n\n"), title: title ?? body.first)
        if let day = pdf.creationDay, let date = CalendarDate(year: day.year, month: day.month, day: day.day) {
            document.published = PublicationDate(date: date, source: .metadata, origin: "PDF CreationDate")
        } else {
            let firstPage = pages[0].filter { !$0.isEmpty }.joined(separator: "\n")
            document.published = Dateline.find(in: firstPage, modificationDay: modificationDay)
                ?? PDFDateLine.find(in: pages[0])
        }
        return document
    }
}

/// A printed date line on the first page, such as a Federal Register header
/// ("Federal Register / Vol. 90, No. 204 / Friday, October 24, 2025 / Notices").
enum PDFDateLine {
    static func find(in lines: [String]) -> PublicationDate? {
        for line in lines.prefix(12) {
            guard let found = DateText.find(in: line), let year = found.year,
                let date = CalendarDate(year: year, month: found.month, day: found.day)
            else { continue }
            return PublicationDate(date: date, source: .dateline, origin: "first page \"\(line.prefix(60))\"")
        }
        return nil
    }
}

/// Running headers and footers: lines at the top or bottom of pages that repeat (digits aside) on
/// other pages, and bare page numbers.
enum PageFurniture {
    /// Lines at each end of a page that may be furniture.
    static let zone = 3

    static func strip(_ pages: [[String]]) -> [[String]] {
        let trimmed = pages.map { $0.filter { !$0.isEmpty } }
        var counts: [String: Int] = [:]
        for page in trimmed {
            for key in Set(zoneLines(page).map(normalize)) { counts[key, default: 0] += 1 }
        }
        let repeated = pages.count > 1 ? Set(counts.filter { $0.value > 1 }.keys) : []
        return pages.map { page in
            let lines = page
            let nonEmpty = lines.indices.filter { !lines[$0].isEmpty }
            let zoneIndices = Set(nonEmpty.prefix(zone) + nonEmpty.suffix(zone))
            return lines.indices.compactMap { index in
                let line = lines[index]
                if zoneIndices.contains(index), repeated.contains(normalize(line)) || isPageNumber(line) { return nil }
                return line
            }
        }
    }

    static func zoneLines(_ page: [String]) -> [String] { Array(page.prefix(zone) + page.suffix(zone)) }

    /// Digits to `#`, so "Page 1 of 2" and "Page 2 of 2" are the same line.
    static func normalize(_ line: String) -> String {
        String(line.lowercased().map { $0.isNumber ? "#" : $0 })
    }

    static func isPageNumber(_ line: String) -> Bool {
        line.range(of: #"^(page\s+)?[-–]?\s*\d{1,4}\s*[-–]?(\s+(of|/)\s+\d{1,4})?$"#, options: [.regularExpression, .caseInsensitive]) != nil
    }
}

/// Joins a page's hard-wrapped lines into paragraphs: a blank line ends one, and so does a line that
/// ends a sentence well short of the page's usual width.
enum Reflow {
    static func paragraphs(_ lines: [String]) -> [String] {
        let width = lines.map(\.count).sorted().dropFirst(lines.count / 2).first ?? 80
        var paragraphs: [String] = []
        var current = ""
        func end() {
            if !current.isEmpty { paragraphs.append(current) }
            current = ""
        }
        for line in lines {
            if line.isEmpty {
                end()
                continue
            }
            if current.hasSuffix("-"), let first = line.first, first.isLowercase, current.dropLast().last?.isLetter == true {
                current.removeLast()
                current += line
            } else {
                current += current.isEmpty ? line : " " + line
            }
            let endsSentence = line.last.map { ".:;!?\"”)".contains($0) } ?? false
            if line.count < width * 3 / 4 && (endsSentence || current == line) { end() }
        }
        end()
        return paragraphs
    }
}
