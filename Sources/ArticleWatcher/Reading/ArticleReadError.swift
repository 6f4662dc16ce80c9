public import ArticleFormats
public import SystemPackage

/// Why a file could not be read as an article; `description` is one line an operator can act on.
public enum ArticleReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Larger than the reader's cap (checked before reading and again while reading, for growing files).
    case tooLarge(FilePath, size: Int64, limit: Int)
    /// Contains NUL bytes or too many control characters to be text.
    case binary(FilePath)
    /// Text in an encoding the reader does not decode (UTF-32, recognised by its byte order mark).
    case unsupportedEncoding(FilePath, encoding: String)
    /// Not valid UTF-8; `byteOffset` is where the first bad sequence starts, counted from the file's start.
    case invalidUTF8(FilePath, byteOffset: Int)
    /// The operating system refused to open or read it.
    case unreadable(FilePath, Errno)
    /// It disappeared between being reported and being read.
    case vanished(FilePath)
    /// A symbolic link whose target does not exist.
    case brokenSymlink(FilePath)
    /// A symbolic link that resolves outside the watched folder; not followed.
    case symlinkOutsideFolder(FilePath, target: FilePath)
    /// A folder (or something swapped in after the checks) rather than a regular file.
    case notRegularFile(FilePath)
    /// A FIFO, socket or device node (`kind` says which): never opened, so a FIFO cannot block the reader.
    case specialFile(FilePath, kind: String)
    /// A symbolic link that leads back to itself (ELOOP while resolving it).
    case symlinkLoop(FilePath)
    /// Its size or modification time changed while it was being read; it will be reported again when done.
    case stillBeingWritten(FilePath)
    /// Its format was recognised but its content is unusable: malformed, encrypted, no text, too large decoded.
    case unusable(FilePath, FormatError)

    /// The reader's view of a decoding failure.
    init(_ error: FormatError, path: FilePath) {
        switch error {
        case .binary: self = .binary(path)
        case .invalidUTF8(let offset): self = .invalidUTF8(path, byteOffset: offset)
        case .unsupportedEncoding(let name): self = .unsupportedEncoding(path, encoding: name)
        default: self = .unusable(path, error)
        }
    }

    /// The file the error is about.
    public var path: FilePath {
        switch self {
        case .tooLarge(let path, _, _), .binary(let path), .unsupportedEncoding(let path, _),
            .invalidUTF8(let path, _), .unreadable(let path, _), .vanished(let path), .brokenSymlink(let path),
            .symlinkOutsideFolder(let path, _), .notRegularFile(let path), .stillBeingWritten(let path),
            .specialFile(let path, _), .symlinkLoop(let path), .unusable(let path, _):
            path
        }
    }

    public var description: String {
        switch self {
        case .tooLarge(let path, let size, let limit):
            "skipped \(path): \(size) bytes is over the \(limit)-byte limit for articles"
        case .binary(let path):
            "skipped \(path): it looks binary (NUL bytes or many control characters), not text"
        case .unsupportedEncoding(let path, let encoding):
            "skipped \(path): it is \(encoding) text; save it as UTF-8"
        case .invalidUTF8(let path, let offset):
            "skipped \(path): not valid UTF-8 at byte \(offset); save it as UTF-8"
        case .unreadable(let path, let errno):
            "cannot read \(path): \(errno)"
        case .vanished(let path):
            "skipped \(path): it disappeared before it could be read"
        case .brokenSymlink(let path):
            "skipped \(path): symbolic link to a file that does not exist"
        case .symlinkOutsideFolder(let path, let target):
            "skipped \(path): symbolic link to \(target), which is outside the watched folder"
        case .notRegularFile(let path):
            "skipped \(path): not a regular file"
        case .specialFile(let path, let kind):
            "skipped \(path): it is \(kind), not a regular file"
        case .symlinkLoop(let path):
            "skipped \(path): symbolic link loop (it leads back to itself)"
        case .unusable(let path, let error):
            "skipped \(path): \(error)"
        case .stillBeingWritten(let path):
            "postponed \(path): it changed while being read; it is read again once its writer closes it"
        }
    }
}
