public import ArticleFormats
public import SystemPackage
public import TariffExtraction

/// One file, read safely and decoded into its articles, with what identifies the file and its
/// content for change detection.
public struct Article: Sendable {
    /// The path the caller asked for (a symbolic link stays the link's path).
    public var path: FilePath
    /// What the file is and the articles in it: one for a page, an e-mail, a PDF or a text; one per
    /// item for a feed or a news-API array.
    public var decoded: DecodedFile
    /// Device, inode, size and modification time, taken from the open descriptor.
    public var identity: FileIdentity
    /// 32 lowercase hex digits of `ContentHash` over the file's bytes: change detection, not security; nil
    /// when the reader was told not to hash (`ArticleReader.hashesContent`).
    public var contentHash: String?
    /// Modification time in whole seconds since the epoch.
    public var modificationTime: Int64

    public init(path: FilePath, decoded: DecodedFile, identity: FileIdentity, contentHash: String?, modificationTime: Int64) {
        self.path = path
        self.decoded = decoded
        self.identity = identity
        self.contentHash = contentHash
        self.modificationTime = modificationTime
    }

    public var format: DocumentFormat { decoded.format }
    public var documents: [ArticleDocument] { decoded.articles }

    /// The text of a one-article file (for a plain-text file, without a leading byte order mark);
    /// for several articles, their texts separated by blank lines.
    public var text: String { documents.map(\.text).joined(separator: "\n\n") }

    /// The UTC day of `seconds` since the epoch: floor division without an offset, so no 64-bit time traps.
    public static func utcDay(_ seconds: Int64) -> CalendarDate {
        let (quotient, remainder) = seconds.quotientAndRemainder(dividingBy: 86_400)
        return CalendarDate(daysSinceEpoch: Int(remainder < 0 ? quotient - 1 : quotient))
    }
}
