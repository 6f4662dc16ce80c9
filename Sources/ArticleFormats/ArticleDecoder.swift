public import TariffExtraction

/// Bytes of one file to its articles: detects the format by content, decodes, extracts the text and
/// what the format says about title, address and publication date.
///
/// ## Limits
/// `maxTextSize` bounds the text after decoding (UTF-16 halves, PDF streams inflate, HTML entities
/// expand), so a small file cannot turn into a large one in memory.
public struct ArticleDecoder: Sendable {
    public var maxTextSize: Int

    public init(maxTextSize: Int = 10 << 20) {
        self.maxTextSize = maxTextSize
    }

    /// - Parameters:
    ///   - fileName: only a tie-breaker when the content does not say (`x.html` holding a bare fragment).
    ///   - modificationDay: the year of a dateline without one is the latest not after this day.
    /// - Throws: `FormatError` saying what is wrong with the content.
    public func decode(_ bytes: [UInt8], fileName: String, modificationDay: CalendarDate) throws(FormatError) -> DecodedFile {
        var bytes = bytes
        var notes: [String] = []
        // UTF-16 with a byte order mark is decoded first, whatever it holds (text, HTML, JSON).
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]), !bytes.starts(with: [0xFF, 0xFE, 0, 0]) {
            let (text, encoding) = try TextDecoding.decode(bytes)
            notes.append("decoded from \(encoding.rawValue)")
            bytes = Array(text.utf8)
            try checkSize(bytes.count, .text)
        }
        let format = FormatSniffer.sniff(bytes, fileName: fileName)
        var decoded: DecodedFile
        switch format {
        case .text:
            let (text, encoding) = try TextDecoding.decode(bytes)
            if encoding != .utf8 { notes.append("decoded from \(encoding.rawValue)") }
            decoded = DecodedFile(format: .text, articles: [PlainTextReader.read(text, modificationDay: modificationDay)])
        case .html:
            decoded = DecodedFile(
                format: .html,
                articles: [try HTMLReader.read(bytes, encoding: notes.isEmpty ? nil : "UTF-8", modificationDay: modificationDay)])
        case .email:
            decoded = DecodedFile(format: .email, articles: [try MailReader.read(bytes, modificationDay: modificationDay)])
        case .json, .jsonLines, .jsonFeed:
            decoded = try JSONArticleReader.read(bytes, format: format, modificationDay: modificationDay)
        case .rss, .atom:
            decoded = try FeedReader.read(bytes, format: format, modificationDay: modificationDay)
        case .pdf:
            decoded = DecodedFile(format: .pdf, articles: [try PDFReader.read(bytes, limit: maxTextSize, modificationDay: modificationDay)])
        }
        try checkSize(decoded.articles.reduce(0) { $0 + $1.text.utf8.count }, decoded.format)
        decoded.notes = notes + decoded.notes
        return decoded
    }

    private func checkSize(_ size: Int, _ format: DocumentFormat) throws(FormatError) {
        if size > maxTextSize { throw .decodedTooLarge(format, limit: maxTextSize) }
    }
}
