public import ArticleFormats
public import ArticleWatcher
import Foundation
public import SystemPackage
public import TariffExtraction

/// The `document` object of `extract --json` and `extract --timex` lines.
///
/// `title`, `url`, `published` and `item` appear when the format has them; `item` is the article's
/// identity inside a feed or JSON array.
public struct DocumentInfo: Sendable, Codable, Equatable {
    public var path: String
    public var referenceDate: CalendarDate
    public var referenceDateSource: ReferenceDateSource
    public var format: DocumentFormat?
    public var title: String?
    public var url: String?
    public var published: CalendarDate?
    public var item: String?

    public init(path: String, referenceDate: CalendarDate, referenceDateSource: ReferenceDateSource) {
        self.path = path
        self.referenceDate = referenceDate
        self.referenceDateSource = referenceDateSource
    }

    init(path: String, _ dated: DatedArticle, format: DocumentFormat) {
        self.init(path: path, referenceDate: dated.referenceDate, referenceDateSource: dated.referenceDateSource)
        self.format = format
        title = dated.document.title
        url = dated.document.url
        published = dated.document.published?.date
        item = dated.document.itemKey
    }

    enum CodingKeys: String, CodingKey {
        case path, referenceDate = "reference_date", referenceDateSource = "reference_date_source", format, title, url,
            published, item
    }
}

/// One line of `tariffwatch extract --json`: the document and what was found in it.
///
/// Encoded with a `SentenceTable` for this report in the encoder's `userInfo` (see `sentenceTable`),
/// each sentence is written once, in `sentences`, and each fact's `sentence` is an index into it (or
/// absent, with an omitting table); without one every fact carries its whole sentence.
public struct DocumentReport: Sendable, Encodable, Equatable {
    public var document: DocumentInfo
    public var deadlines: [Deadline]
    public var tariffChanges: [TariffChange]

    enum CodingKeys: String, CodingKey {
        case document, sentences, deadlines, tariffChanges = "tariff_changes"
    }

    /// The table that writes each of this report's sentences once (`omitted`: not at all).
    public func sentenceTable(omitted: Bool = false) -> SentenceTable {
        SentenceTable(deadlines: deadlines, tariffChanges: tariffChanges, omitted: omitted)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(document, forKey: .document)
        if let table = encoder.userInfo[SentenceTable.key] as? SentenceTable, !table.omitted {
            try c.encode(table.sentences, forKey: .sentences)
        }
        try c.encode(deadlines, forKey: .deadlines)
        try c.encode(tariffChanges, forKey: .tariffChanges)
    }
}

/// One line of `tariffwatch extract --timex`.
public struct TimexReport: Sendable, Codable, Equatable {
    public var document: DocumentInfo
    public var timexes: [Timex]
}

/// One-shot extraction of files given on the command line: no state, no alerts.
public struct OneShotExtractor: Sendable {
    let referenceDate: CalendarDate?
    let maxFileSize: Int
    let limits: ExtractionLimits
    let extractor = Extractor()

    public init(referenceDate: CalendarDate?, maxFileSize: Int = 10 << 20, limits: ExtractionLimits = .standard) {
        self.referenceDate = referenceDate
        self.maxFileSize = maxFileSize
        self.limits = limits
    }

    /// Reads `file` with the daemon's safety checks and resolves each article's reference date: a file of a
    /// folder listing by its name in the folder (`ArticleReader.readInFolder`), any other as
    /// `ArticleReader.read(_:listedRegular:)` reads it.
    /// - Returns: the articles with their `document` objects, and what is worth telling about the
    ///   reading (legacy encoding, distrusted dates, skipped items) for standard error.
    /// - Throws: `ArticleReadError` naming the file and what is wrong with it.
    public func read(_ file: FolderListing.File) throws(ArticleReadError) -> (articles: [(DatedArticle, DocumentInfo)], notes: [String]) {
        let path = file.path
        // No content hash: nothing here stores or prints it. The root is the file's own folder (no root given).
        let reader = ArticleReader(root: nil, maxFileSize: maxFileSize, hashesContent: false)
        let article: Article
        if let inFolder = try reader.readInFolder(file) {
            article = inFolder
        } else {
            let absolute = path.isAbsolute ? path : FilePath(FileManager.default.currentDirectoryPath).pushing(path)
            article = try reader.read(absolute, listedRegular: file.isRegular)
        }
        let dated = DatedArticle.articles(of: article, override: referenceDate)
        let notes = article.decoded.notes.map { "\(path): \($0)" } + dated.compactMap { $0.distrusted.map { "\(path): \($0)" } }
        return (dated.map { ($0, DocumentInfo(path: path.string, $0, format: article.format)) }, notes)
    }

    /// One report per article of the file; the notes include what the engine did to stay within its
    /// limits (a sentence read in pieces).
    /// - Throws: `ArticleReadError`, or `ExtractionTooComplex` when an article exceeds `limits`.
    public func reports(_ file: FolderListing.File) throws -> (reports: [DocumentReport], notes: [String]) {
        var (articles, notes) = try read(file)
        var reports: [DocumentReport] = []
        for (dated, info) in articles {
            let extraction = try extractor.extract(dated.document.text, referenceDate: info.referenceDate, limits: limits)
            notes += extraction.notes.map { "\(file.path): \($0)" }
            reports.append(DocumentReport(document: info, deadlines: extraction.deadlines, tariffChanges: extraction.tariffChanges))
        }
        return (reports, notes)
    }

    /// The reports of a file named on its own.
    public func reports(_ path: FilePath) throws -> (reports: [DocumentReport], notes: [String]) {
        try reports(FolderListing.File(path))
    }

    public func timexReports(_ file: FolderListing.File) throws(ArticleReadError) -> (reports: [TimexReport], notes: [String]) {
        let (articles, notes) = try read(file)
        let reports = articles.map { dated, info in
            TimexReport(document: info, timexes: extractor.timexes(in: dated.document.text, referenceDate: info.referenceDate))
        }
        return (reports, notes)
    }
}
