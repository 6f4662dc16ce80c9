// TEMPORARY: API stand-in so the daemon compiles before the watcher branch lands. Deleted at merge.
public import SystemPackage

public struct WatchOptions: Sendable, Hashable {
    public var directory: FilePath
    public var recursive: Bool
    public var ignoredNamePatterns: [String]
    public init(directory: FilePath, recursive: Bool = false, ignoredNamePatterns: [String] = WatchOptions.defaultIgnoredNamePatterns) {
        self.directory = directory; self.recursive = recursive; self.ignoredNamePatterns = ignoredNamePatterns
    }
    public static let defaultIgnoredNamePatterns: [String] = [".*", "*.part", "*.tmp", "*~", "*.swp"]
}
public enum WatchEvent: Sendable, Hashable {
    case fileReady(FilePath)
    case rescanNeeded(reason: String)
    case directoryMissing(FilePath)
}
public enum WatchError: Error, Sendable { case failed }
public final class DirectoryWatcher: Sendable {
    public init(options: WatchOptions) throws(WatchError) {}
    public func events() -> AsyncStream<WatchEvent> { AsyncStream { $0.finish() } }
    public func stop() {}
    public func scan() throws(WatchError) -> [FilePath] { [] }
}
public struct FileIdentity: Sendable, Hashable, Codable {
    public var device: UInt64; public var inode: UInt64; public var size: Int64; public var modificationTimeNanoseconds: Int64
}
public struct Article: Sendable {
    public var path: FilePath; public var text: String; public var identity: FileIdentity; public var contentHash: String
    public var modificationTime: Int64
}
public enum ArticleReadError: Error, Sendable, CustomStringConvertible {
    case vanished(FilePath)
    public var description: String { "" }
}
public struct ArticleReader: Sendable {
    public init(root: FilePath, maxFileSize: Int = 10 << 20) {}
    public func read(_ path: FilePath) throws(ArticleReadError) -> Article { throw .vanished(path) }
}
