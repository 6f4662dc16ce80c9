public import SystemPackage

/// Why watching or scanning failed, worded for the operator reading the journal.
public enum WatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `inotify_init1` failed, usually because fs.inotify.max_user_instances is exhausted.
    case inotifyUnavailable(Errno)
    /// The eventfd used to wake the watcher thread for shutdown could not be created.
    case wakeupUnavailable(Errno)
    /// The per-user inotify watch limit (fs.inotify.max_user_watches) is reached.
    case watchLimitReached(FilePath)
    /// Adding an inotify watch on a folder failed for another reason (permissions, ...).
    case cannotWatch(FilePath, Errno)
    /// The folder to scan does not exist (or is not a folder).
    case directoryMissing(FilePath)
    /// Listing a folder failed.
    case cannotList(FilePath, Errno)
    /// The dedicated watcher thread could not be started.
    case threadUnavailable(Errno)

    public var description: String {
        switch self {
        case .inotifyUnavailable(let errno):
            "cannot start watching folders: inotify_init1 failed (\(errno)); raise fs.inotify.max_user_instances if it is exhausted"
        case .wakeupUnavailable(let errno):
            "cannot start watching folders: eventfd failed (\(errno))"
        case .watchLimitReached(let path):
            "cannot watch folder \(path): the inotify watch limit is reached (fs.inotify.max_user_watches=\(Self.maxUserWatches)); raise it with sysctl"
        case .cannotWatch(let path, let errno):
            "cannot watch folder \(path): \(errno)"
        case .directoryMissing(let path):
            "folder \(path) does not exist or is not a folder"
        case .cannotList(let path, let errno):
            "cannot list folder \(path): \(errno)"
        case .threadUnavailable(let errno):
            "cannot start the folder watcher thread: \(errno)"
        }
    }

    /// The current watch limit, read for the error message so the operator sees the number to raise.
    private static var maxUserWatches: String {
        InotifyLimits.maxUserWatches.map(String.init) ?? "unknown"
    }
}
