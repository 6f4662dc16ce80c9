// libFuzzer target for the article-format decoder: `scripts/fuzz.sh decoder RUNS`.
// Any bytes in, as the watcher would hand over a file; the run fails (the process traps, libFuzzer
// saves the input) when a reader crashes (or libxml2, GMime, poppler do under AddressSanitizer),
// returns more text than the configured limit, returns no article, an article whose text is not
// valid UTF-8, or two items of one file with the same key.
import ArticleFormats
import TariffExtraction

/// A small limit, so the over-the-limit paths (UTF-16, entities, PDF streams) are reached by small inputs.
private let limit = 16 << 10
private let decoder = ArticleDecoder(maxTextSize: limit)
private let day = CalendarDate(year: 2025, month: 10, day: 24)!
/// The sniffer reads content first; the name only breaks ties, so both kinds of name are tried.
private let fileNames = ["article.txt", "article.html", "article.eml", "article.json", "feed.xml", "paper.pdf"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // the last byte picks the file name, so one input explores the tie-breaker too
    let fileName = fileNames[Int(bytes.last ?? 0) % fileNames.count]
    let decoded: DecodedFile
    do {
        decoded = try decoder.decode(bytes, fileName: fileName, modificationDay: day)
    } catch {
        // typed throws: `error` is a FormatError; its limit must be the configured one
        if case .decodedTooLarge(_, let reported) = error, reported != limit {
            fatalError("decodedTooLarge reports limit \(reported), configured \(limit)")
        }
        guard !error.description.isEmpty else { fatalError("FormatError \(error) without a description") }
        return 0
    }
    guard !decoded.articles.isEmpty else { fatalError("\(decoded.format) decoded to no article and no error") }
    let total = decoded.articles.reduce(0) { $0 + $1.text.utf8.count }
    guard total <= limit else { fatalError("\(decoded.format) decoded to \(total) bytes of text, over the \(limit)-byte limit") }
    var keys = Set<String>()
    for article in decoded.articles {
        // a String built from C bytes must have been validated (or repaired), never carry raw bytes
        guard String(validating: Array(article.text.utf8), as: UTF8.self) == article.text else {
            fatalError("\(decoded.format) article text is not valid UTF-8")
        }
        if let key = article.itemKey, !keys.insert(key).inserted {
            fatalError("\(decoded.format) returned two items with the key \(key)")
        }
    }
    return 0
}
