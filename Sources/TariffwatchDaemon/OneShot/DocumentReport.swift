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
public struct DocumentReport: Sendable, Codable, Equatable {
    public var document: DocumentInfo
    public var deadlines: [Deadline]
    public var tariffChanges: [TariffChange]
    /// What the engine did to stay within its limits: printed to standard error, not in the JSON.
    public var notes: [ExtractionNote] = []

    enum CodingKeys: String, CodingKey {
        case document, deadlines, tariffChanges = "tariff_changes"
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

    /// - Throws: `ArticleReadError`, or `ExtractionTooComplex` when the text exceeds `limits`.
    public func report(_ path: FilePath) throws -> DocumentReport {
        let (article, info) = try read(path)
        let extraction = try extractor.extract(article.text, referenceDate: info.referenceDate, limits: limits)
        var report = DocumentReport(document: info, deadlines: extraction.deadlines, tariffChanges: extraction.tariffChanges)
        report.notes = extraction.notes
        return report
    }

    public func timexReport(_ path: FilePath) throws(ArticleReadError) -> TimexReport {
        let (article, info) = try read(path)
        return TimexReport(document: info, timexes: extractor.timexes(in: article.text, referenceDate: info.referenceDate))
    }
}
