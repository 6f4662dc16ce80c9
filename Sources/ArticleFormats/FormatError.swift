public import SharedLibraries

/// Why a file's bytes are not a usable article; `description` completes "skipped FILE: …".
public enum FormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// NUL bytes or too many control characters for text, and no known binary format.
    case binary
    /// Declared UTF-8 (a byte order mark, or valid multi-byte sequences elsewhere) but broken at `byteOffset`.
    case invalidUTF8(byteOffset: Int)
    /// A text encoding the reader does not decode (UTF-32).
    case unsupportedEncoding(String)
    /// The format was recognised but the file does not parse as one.
    case malformed(DocumentFormat, reason: String)
    /// It parsed, but holds no article text (an image-only PDF, an e-mail without a text part, JSON
    /// without an article-like object).
    case noText(DocumentFormat, reason: String)
    /// A password-protected PDF.
    case encrypted
    /// Its text after decoding or decompression is over the limit.
    case decodedTooLarge(DocumentFormat, limit: Int)
    /// The C library the format is read with (poppler-glib, GMime) is not installed or cannot be loaded.
    case libraryMissing(DocumentFormat, LibraryMissing)

    public var description: String {
        switch self {
        case .binary: "it looks binary (NUL bytes or many control characters), not text"
        case .invalidUTF8(let offset): "not valid UTF-8 at byte \(offset); save it as UTF-8"
        case .unsupportedEncoding(let name): "it is \(name) text; save it as UTF-8"
        case .malformed(let format, let reason): "not a readable \(format.name): \(reason)"
        case .noText(let format, let reason): "\(format.name) without article text: \(reason)"
        case .encrypted: "the PDF is password-protected; save an unprotected copy"
        case .decodedTooLarge(let format, let limit):
            "its \(format.name) text is over the \(limit)-byte limit once decoded"
        case .libraryMissing(let format, let missing): "a \(format.name) is read with \(missing.library), which cannot be loaded: \(missing.reason)"
        }
    }
}
