import Glibc
import Logging
import SystemPackage

extension WatchLoop {
    /// The thread body: poll the inotify fd and the wake-up eventfd until a stop is requested or the consumer left.
    func run() {
        if rootWatch == nil {
            emit(.directoryMissing(root))
            watchParent()
        }
        let bufferSize = 64 * 1024  // room for ~2,000 events per read; far above one NAME_MAX event
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: MemoryLayout<CInt>.alignment)
        defer { buffer.deallocate() }
        while !stopRequested {
            var timeout: CInt = -1
            if rootWatch == nil { timeout = retryDelayMilliseconds }
            if owedRescanReason != nil { timeout = min(timeout < 0 ? 50 : timeout, 50) }
            var fds = [
                pollfd(fd: inotifyFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0),
            ]
            do {
                _ = try Syscalls.poll(&fds, timeoutMilliseconds: timeout)
            } catch {
                logger.critical("folder watcher stopped: poll failed (\(error))")
                return
            }
            if fds[1].revents != 0 { return }
            if fds[0].revents & Int16(POLLERR | POLLNVAL) != 0 {
                logger.critical("folder watcher stopped: the inotify descriptor failed (poll revents \(fds[0].revents))")
                return
            }
            if fds[0].revents & Int16(POLLIN) != 0 {
                guard drainEvents(into: buffer) else { return }
            }
            if rootWatch == nil { retryAttachingRoot() }
            if owedRescanReason != nil { deliverOwedRescan() }
        }
    }

    /// Reads and handles everything queued on the inotify fd; false if reading failed for good.
    private func drainEvents(into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        while !stopRequested {
            let count: Int
            do {
                guard let read = try Syscalls.read(inotifyFD, into: buffer) else { return true }
                count = read
            } catch {
                logger.critical("folder watcher stopped: reading inotify events failed (\(error))")
                return false
            }
            for event in InotifyEvent.decode(UnsafeRawBufferPointer(rebasing: buffer[..<count])) {
                handle(event)
            }
        }
        return true
    }

    func handle(_ event: InotifyEvent) {
        if event.has(IN_Q_OVERFLOW) {
            handleOverflow()
            return
        }
        if event.watch == parentWatch, event.watch != rootWatch {
            // Only a wake-up: the retry after this batch re-adds the root. If the parent itself goes, poll instead.
            if event.has(IN_IGNORED) || event.has(IN_DELETE_SELF) || event.has(IN_MOVE_SELF) {
                Syscalls.inotifyRemoveWatch(inotifyFD, watch: event.watch)
                parentWatch = nil
            }
            return
        }
        guard let folder = table[event.watch] else { return }  // a watch we already dropped
        guard !event.nameBytes.isEmpty else {
            handleFolderEvent(event, folder: folder)
            return
        }
        if options.isIgnored(name: event.name) { return }
        let path = FilePath.child(of: folder.path, parentText: folder.text, nameBytes: event.nameBytes).path
        if event.isDirectory {
            if options.recursive, event.has(IN_CREATE) || event.has(IN_MOVED_TO) {
                watchFolder(path, reportFiles: true)
            }
        } else if event.has(IN_CLOSE_WRITE) || event.has(IN_MOVED_TO) {
            emit(.fileReady(path))
        } else if event.has(IN_CREATE), Self.isCompleteWhenCreated(path) {
            emit(.fileReady(path))
        } else if event.has(IN_ATTRIB) {
            emit(.attributesChanged(path))
        }
    }

    /// Whether an entry is whole the moment it appears, so no IN_CLOSE_WRITE will follow in this folder: a
    /// symbolic link, a hard link to an existing file (more than one link), a FIFO, socket or device. A new
    /// regular file with one link is still being written and waits for its close.
    static func isCompleteWhenCreated(_ path: FilePath) -> Bool {
        guard let info = try? Syscalls.lstat(path) else { return false }
        if info.isRegularFile { return info.st_nlink > 1 }
        return !info.isDirectory
    }

    /// Events about a watched folder itself (no name): the root leaving, or a subfolder deleted or moved.
    private func handleFolderEvent(_ event: InotifyEvent, folder: WatchTable.Entry) {
        if event.watch == rootWatch {
            if event.has(IN_DELETE_SELF) {
                rootLost("was deleted")
            } else if event.has(IN_MOVE_SELF) {
                rootLost("was moved away or replaced")
            } else if event.has(IN_UNMOUNT) || event.has(IN_IGNORED) {
                rootLost("is no longer watchable (unmounted or removed)")
            }
            return
        }
        if event.has(IN_IGNORED) {
            table.remove(event.watch)
        } else if event.has(IN_MOVE_SELF) {
            // Moved inside the tree: IN_MOVED_TO already re-pathed it and its path still leads to it. Moved out:
            // its path no longer does, so stop watching it and everything below it.
            let current = try? Syscalls.lstat(folder.path)
            if current.map({ UInt64($0.st_dev) == folder.device && UInt64($0.st_ino) == folder.inode }) != true {
                for watch in table.watches(under: folder.path) {
                    Syscalls.inotifyRemoveWatch(inotifyFD, watch: watch)
                    table.remove(watch)
                }
            }
        }
    }

    /// The kernel dropped events. With recursion, folders created meanwhile may be unwatched, so every subfolder
    /// watch is rebuilt before the consumer is told to rescan.
    private func handleOverflow() {
        let limit = queuedEventLimit.map(String.init) ?? "unknown"
        logger.warning("inotify event queue overflowed (fs.inotify.max_queued_events=\(limit)); rescanning \(root)")
        if options.recursive, let rootWatch {
            for watch in table.entries.keys where watch != rootWatch {
                Syscalls.inotifyRemoveWatch(inotifyFD, watch: watch)
                table.remove(watch)
            }
            for child in (try? walk.children(of: root)) ?? [] where walk.kind(of: child) == .directory {
                watchFolder(child, reportFiles: false)
            }
        }
        emit(.rescanNeeded(reason: "the inotify event queue overflowed (fs.inotify.max_queued_events=\(limit)); events were lost"))
    }
}
