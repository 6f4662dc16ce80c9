import Glibc
public import SystemPackage

/// What to watch and which names to leave alone.
public struct WatchOptions: Sendable, Hashable {
    /// The folder articles land in; it does not have to exist yet.
    public var directory: FilePath
    /// Also watch subfolders, including ones created after the watcher started.
    public var recursive: Bool
    /// `fnmatch(3)` globs matched against a file or folder NAME (not its path); matches never produce events
    /// and are skipped by scans. Ignored folder names are not descended into.
    public var ignoredNamePatterns: [String]
    /// How many events may wait for a slow consumer; beyond that they are dropped and replaced by one
    /// `rescanNeeded`, so memory stays bounded while nothing is lost. A waiting event is its path, about
    /// 100 bytes, so 32,768 hold at most 3 to 4 MB. With 8,192 a burst of 20,000 files overflowed twice:
    /// each rescan listed and sorted every file (6.5 MB while it ran, at the burst's end) and read and
    /// hashed again every one already processed.
    public var eventBufferLimit: Int = 32_768

    public init(
        directory: FilePath,
        recursive: Bool = false,
        ignoredNamePatterns: [String] = WatchOptions.defaultIgnoredNamePatterns
    ) {
        self.directory = directory
        self.recursive = recursive
        self.ignoredNamePatterns = ignoredNamePatterns
    }

    /// Dotfiles and the temporary names editors, downloaders and `rsync` write before renaming into place.
    public static let defaultIgnoredNamePatterns: [String] = [".*", "*.part", "*.tmp", "*~", "*.swp"]

    /// Whether `name` (a single path component) matches one of the ignored patterns.
    public func isIgnored(name: String) -> Bool {
        ignoredNamePatterns.contains { pattern in fnmatch(pattern, name, 0) == 0 }
    }
}
