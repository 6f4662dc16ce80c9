import Glibc
import Logging
import SystemPackage
import Synchronization

/// The inotify state machine. It is created by `DirectoryWatcher.init`, then handed to the watcher thread and
/// touched only there, which is why it may be `@unchecked Sendable`: never two threads at once.
final class WatchLoop: @unchecked Sendable {
    let options: WatchOptions
    let inotifyFD: CInt
    let wakeFD: CInt
    let logger: Logger
    /// fs.inotify.max_queued_events when this inotify instance was created: the kernel fixes an instance's queue
    /// length then, so this (not the value in /proc now) is the limit an overflow hit.
    let queuedEventLimit: Int?
    /// Where events go; set before the loop's thread starts.
    var sink: (any WatchEventSink)?

    var table = WatchTable()
    /// The root folder's watch; nil while the folder is missing and we wait for it.
    var rootWatch: CInt?
    /// While the root is missing: a watch on its parent, so its reappearance wakes us at once.
    var parentWatch: CInt?
    /// While the root is missing: how long to sleep before retrying in case the parent cannot be watched.
    var retryDelayMilliseconds: CInt = WatchLoop.initialRetryDelay
    /// Set when the consumer fell behind and events were dropped; delivered as one `rescanNeeded`.
    var owedRescanReason: String?
    var stopRequested = false
    /// The last reason re-watching the root failed (other than it being absent), logged once, not every retry.
    var lastAttachError: Errno?
    /// Counters the watcher's owner can read while this loop runs on its thread.
    let statistics = WatchStatistics()

    static let initialRetryDelay: CInt = 50
    static let maximumRetryDelay: CInt = 2000

    init(options: WatchOptions, inotifyFD: CInt, wakeFD: CInt, queuedEventLimit: Int?, logger: Logger) {
        self.options = options
        self.queuedEventLimit = queuedEventLimit
        self.inotifyFD = inotifyFD
        self.wakeFD = wakeFD
        self.logger = logger
    }

    var root: FilePath { options.directory }
    var walk: FolderWalk { FolderWalk(options: options) }

    /// What every folder watch listens for: finished files, files renamed in, entries created complete (links,
    /// FIFOs, sockets, devices, new subfolders), metadata fixed by `touch` or `chmod`, and the folder itself
    /// going away.
    var folderMask: UInt32 {
        UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
            | UInt32(IN_EXCL_UNLINK)
    }

    /// The first attempt to watch the root, in `DirectoryWatcher.init`: a missing root is fine, anything else throws.
    func attachRootAtStart() throws(WatchError) {
        do {
            try attachRoot()
        } catch .noSuchFileOrDirectory, .notDirectory {
            return
        } catch .noSpace {
            throw .watchLimitReached(root)
        } catch {
            throw .cannotWatch(root, error)
        }
    }

    /// Watches the root (and with recursion every folder below it) and stops watching its parent.
    func attachRoot() throws(Errno) {
        let watch = try Syscalls.inotifyAddWatch(inotifyFD, path: root, mask: folderMask)
        let info = try? Syscalls.statFollowingLinks(root)
        table.insert(watch, .init(path: root, device: UInt64(info?.st_dev ?? 0), inode: UInt64(info?.st_ino ?? 0)))
        rootWatch = watch
        if let parentWatch, parentWatch != watch {
            Syscalls.inotifyRemoveWatch(inotifyFD, watch: parentWatch)
        }
        parentWatch = nil
        retryDelayMilliseconds = Self.initialRetryDelay
        if options.recursive {
            for child in (try? walk.children(of: root)) ?? [] where walk.kind(of: child) == .directory {
                watchFolder(child, reportFiles: false)
            }
        }
    }

    /// Watches `folder` and, recursively, the folders inside it. With `reportFiles`, files already in them are
    /// reported, because they may have been written before the watch existed and no event would tell us.
    func watchFolder(_ folder: FilePath, reportFiles: Bool) {
        let watch: CInt
        do {
            watch = try Syscalls.inotifyAddWatch(inotifyFD, path: folder, mask: folderMask | UInt32(IN_DONT_FOLLOW))
        } catch .noSuchFileOrDirectory, .notDirectory {
            return  // gone again already
        } catch .noSpace {
            logger.error("\(WatchError.watchLimitReached(folder)); new files in it are only found by rescans")
            return
        } catch {
            logger.error("\(WatchError.cannotWatch(folder, error)); new files in it are only found by rescans")
            return
        }
        let info = try? Syscalls.lstat(folder)
        table.insert(watch, .init(path: folder, device: UInt64(info?.st_dev ?? 0), inode: UInt64(info?.st_ino ?? 0)))
        let children: [FilePath]
        do {
            children = try walk.children(of: folder)
        } catch {
            if error != .noSuchFileOrDirectory { logger.error("\(WatchError.cannotList(folder, error))") }
            return
        }
        for child in children {
            switch walk.kind(of: child) {
            case .directory: watchFolder(child, reportFiles: reportFiles)
            case .file where reportFiles, .special where reportFiles: emit(.fileReady(child))
            case .file, .special, .gone: break
            }
        }
    }

    /// The root was deleted, moved or unmounted: drop every watch (a moved folder would keep reporting from its
    /// new place), tell the consumer, and start waiting for the folder to come back.
    func rootLost(_ why: String) {
        for watch in table.removeAll() {
            Syscalls.inotifyRemoveWatch(inotifyFD, watch: watch)
        }
        rootWatch = nil
        logger.warning("watched folder \(root) \(why); waiting for it to reappear")
        emit(.directoryMissing(root))
        watchParent()
    }

    /// Watches the root's parent for the root's name being created or renamed in; failure just means polling.
    func watchParent() {
        let parent = root.removingLastComponent()
        guard parent != root, !parent.isEmpty else { return }
        let mask = UInt32(IN_CREATE | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
        parentWatch = try? Syscalls.inotifyAddWatch(inotifyFD, path: parent, mask: mask)
    }

    /// While the root is missing: tries to watch it again; when that works, the consumer must rescan.
    func retryAttachingRoot() {
        do {
            try attachRoot()
            lastAttachError = nil
            logger.notice("watched folder \(root) is back")
            emit(.rescanNeeded(reason: "watched folder \(root) appeared"))
        } catch .noSuchFileOrDirectory, .notDirectory {
            if parentWatch == nil { watchParent() }
            retryDelayMilliseconds = min(retryDelayMilliseconds * 2, Self.maximumRetryDelay)
        } catch {
            if error != lastAttachError {
                logger.error("\(WatchError.cannotWatch(root, error)); retrying every \(Self.maximumRetryDelay / 1000) s")
                lastAttachError = error
            }
            retryDelayMilliseconds = min(retryDelayMilliseconds * 2, Self.maximumRetryDelay)
        }
    }

    /// Hands an event to the consumer. When it is too far behind the event is dropped and one `rescanNeeded` is
    /// owed instead; until that is delivered, further events are dropped too (the rescan covers them).
    func emit(_ event: WatchEvent) {
        guard let sink else { return }
        guard owedRescanReason == nil else {
            statistics.droppedEvents.add(1, ordering: .relaxed)
            return
        }
        switch sink.offer(event) {
        case .accepted: break
        case .full:
            statistics.droppedEvents.add(1, ordering: .relaxed)
            owedRescanReason = "the consumer fell more than \(options.eventBufferLimit) events behind; events were dropped"
            logger.warning("\(owedRescanReason!)")
        case .closed: stopRequested = true
        }
    }

    /// Tries to deliver the owed `rescanNeeded`; it stays owed while the consumer is still too far behind.
    func deliverOwedRescan() {
        guard let reason = owedRescanReason, let sink else { return }
        switch sink.offer(.rescanNeeded(reason: reason)) {
        case .accepted: owedRescanReason = nil
        case .full: break  // still owed; not counted, it is retried
        case .closed: stopRequested = true
        }
    }
}
