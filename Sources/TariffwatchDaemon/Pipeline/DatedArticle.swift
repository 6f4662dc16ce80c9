public import ArticleFormats
public import ArticleWatcher
public import TariffExtraction

/// One article of a file with the day its relative dates are resolved against: the same choice for
/// the daemon and for `tariffwatch extract`.
public struct DatedArticle: Sendable {
    public var document: ArticleDocument
    public var referenceDate: CalendarDate
    public var referenceDateSource: ReferenceDateSource
    /// Why a date the article states was not used, for the log.
    public var distrusted: String?

    /// - Parameter override: `--reference-date`, which wins over everything.
    public static func articles(of article: Article, override: CalendarDate? = nil) -> [DatedArticle] {
        article.documents.map { document in
            if let override {
                return DatedArticle(document: document, referenceDate: override, referenceDateSource: .cli)
            }
            let choice = ReferenceDateChoice.choose(published: document.published, modificationDay: article.modificationDay)
            return DatedArticle(
                document: document, referenceDate: choice.date, referenceDateSource: choice.source, distrusted: choice.distrusted)
        }
    }
}
