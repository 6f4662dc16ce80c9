public import ArticleWatcher
import Foundation
public import SystemPackage
public import TariffExtraction

/// Where a document's reference date came from (the `reference_date_source` field).
public enum ReferenceDateSource: String, Sendable, Codable {
    /// `--reference-date` on the command line.
    case cli
    /// The document's own metadata (formats that carry a publication date).
    case metadata
    /// The file's modification time (UTC day).
    case mtime
}

/// The `document` object of `extract --json` and `extract --timex` lines.
public struct DocumentInfo: Sendable, Codable, Equatable {
    public var path: String
    public var referenceDate: CalendarDate
    public var referenceDateSource: ReferenceDateSource

    enum CodingKeys: String, CodingKey {
        case path, referenceDate = "reference_date", referenceDateSource = "reference_date_source"
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
    let extractor = Extractor()

    public init(referenceDate: CalendarDate?, maxFileSize: Int = 10 << 20) {
        self.referenceDate = referenceDate
        self.maxFileSize = maxFileSize
    }

    /// Reads `path` with the daemon's safety checks and resolves its reference date.
    /// - Throws: `ArticleReadError` naming the file and what is wrong with it.
    public func read(_ path: FilePath) throws(ArticleReadError) -> (Article, DocumentInfo) {
        let absolute = path.isAbsolute ? path : FilePath(FileManager.default.currentDirectoryPath).pushing(path)
        let article = try ArticleReader(root: absolute.removingLastComponent(), maxFileSize: maxFileSize).read(absolute)
        let info: DocumentInfo
        if let referenceDate {
            info = DocumentInfo(path: path.string, referenceDate: referenceDate, referenceDateSource: .cli)
        } else {
            info = DocumentInfo(path: path.string, referenceDate: article.modificationDay, referenceDateSource: .mtime)
        }
        return (article, info)
    }

    public func report(_ path: FilePath) throws(ArticleReadError) -> DocumentReport {
        let (article, info) = try read(path)
        let extraction = extractor.extract(article.text, referenceDate: info.referenceDate)
        return DocumentReport(document: info, deadlines: extraction.deadlines, tariffChanges: extraction.tariffChanges)
    }

    public func timexReport(_ path: FilePath) throws(ArticleReadError) -> TimexReport {
        let (article, info) = try read(path)
        return TimexReport(document: info, timexes: extractor.timexes(in: article.text, referenceDate: info.referenceDate))
    }
}
