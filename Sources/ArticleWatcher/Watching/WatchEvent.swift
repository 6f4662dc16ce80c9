public import SystemPackage

/// Something the caller has to act on; delivery is at-least-once, so the same file may be reported twice.
public enum WatchEvent: Sendable, Hashable {
    /// A file finished being written in place (IN_CLOSE_WRITE), was renamed into the folder (IN_MOVED_TO), or
    /// appeared complete (IN_CREATE of a hard link, symbolic link, FIFO, socket or device: the reader reads
    /// it or names why not).
    case fileReady(FilePath)
    /// A file's metadata changed (IN_ATTRIB: `touch`, `chmod`, `chown`) without a write: worth another look
    /// only if it was rejected before (its time or permissions may have been fixed); a file being written is
    /// left to its close.
    case attributesChanged(FilePath)
    /// Events may have been lost (queue overflow, slow consumer) or a folder (re)appeared: run a full `scan()`.
    case rescanNeeded(reason: String)
    /// The watched folder was deleted, moved away or replaced; the watcher waits for it to come back.
    case directoryMissing(FilePath)
}
