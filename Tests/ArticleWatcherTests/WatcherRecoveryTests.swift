import Glibc
import SystemPackage
import Testing

@testable import ArticleWatcher

@Suite("DirectoryWatcher recovery: lost events and a disappearing folder")
struct WatcherRecoveryTests {
    @Test("a burst larger than the kernel queue yields rescanNeeded, and scan() finds every file")
    func kernelQueueOverflow() async throws {
        let queueLimit = try #require(InotifyLimits.maxQueuedEvents, "cannot read /proc/sys/fs/inotify/max_queued_events")
        let fileCount = queueLimit + 500
        let folder = try TempFolder()
        defer { folder.remove() }
        var options = WatchOptions(directory: folder.path)
        options.eventBufferLimit = fileCount * 2  // isolate the kernel's overflow from the consumer-buffer one
        let watcher = try DirectoryWatcher(options: options)
        defer { watcher.stop() }
        // The watch exists but nothing reads it yet, so the kernel queue fills and overflows.
        let started = ContinuousClock.now
        let path = folder.path
        try await onOwnThread { for index in 0..<fileCount { try write(path.appending("article-\(index).txt"), "burst \(index)") } }
        let written = ContinuousClock.now
        let log = EventLog.consuming(watcher.events())
        let overflow = await log.next(within: .seconds(60)) {
            if case .rescanNeeded = $0 { return true }
            return false
        }
        let noticed = ContinuousClock.now
        let found = try #require(overflow, "no rescanNeeded after \(fileCount) files")
        guard case .rescanNeeded(let reason) = found.match else { return }
        #expect(reason.contains("overflow"))
        // The limit this inotify instance was created with, read from /proc (not a constant).
        #expect(reason.contains("fs.inotify.max_queued_events=\(queueLimit)"), "\(reason)")
        #expect(found.skipped.count <= queueLimit)
        let scanned = try await onOwnThread { try watcher.scan() }
        let scanDone = ContinuousClock.now
        #expect(scanned.count == fileCount)
        print("overflow burst: \(fileCount) files (max_queued_events=\(queueLimit)) written in \(written - started), "
            + "\(found.skipped.count) fileReady then rescanNeeded after \(noticed - written), scan() of \(scanned.count) files in \(scanDone - noticed)")
    }

    @Test("a consumer that falls behind gets one rescanNeeded instead of unbounded memory")
    func slowConsumer() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        var options = WatchOptions(directory: folder.path)
        options.eventBufferLimit = 4
        let watcher = try DirectoryWatcher(options: options)
        defer { watcher.stop() }
        for index in 0..<50 { try write(folder("a\(index).txt"), "x") }
        // Start the watcher thread but do not consume until it has overrun the 4-event buffer.
        let stream = watcher.events()
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        while watcher.droppedEventCount < 46 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(watcher.droppedEventCount == 46)
        let log = EventLog.consuming(stream)
        let rescan = await log.next {
            if case .rescanNeeded = $0 { return true }
            return false
        }
        let found = try #require(rescan)
        #expect(found.skipped == (0..<4).map { .fileReady(folder("a\($0).txt")) })
        #expect(found.match == .rescanNeeded(reason: "the consumer fell more than 4 events behind; events were dropped"))
        // Events flow normally again afterwards.
        try write(folder("after.txt"), "x")
        #expect(await log.next { $0 == .fileReady(folder("after.txt")) } != nil)
    }

    @Test("the root folder deleted and recreated: directoryMissing, then rescanNeeded, then events again")
    func rootDeletedAndRecreated() async throws {
        try await withWatcher(subpath: "inbox") { _, root, _, log in
            #expect(await log.next() == .event(.directoryMissing(root)))
            try makeFolder(root)
            #expect(await log.next() == .event(.rescanNeeded(reason: "watched folder \(root) appeared")))
            try write(root.appending("a.txt"), "x")
            #expect(await log.next() == .event(.fileReady(root.appending("a.txt"))))
            removeTree(root)
            #expect(await log.next() == .event(.directoryMissing(root)))
            try makeFolder(root)
            #expect(await log.next() == .event(.rescanNeeded(reason: "watched folder \(root) appeared")))
            try write(root.appending("b.txt"), "x")
            #expect(await log.next() == .event(.fileReady(root.appending("b.txt"))))
        }
    }

    @Test("the root folder moved away: its old inode is no longer reported; a new folder is picked up")
    func rootMovedAway() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let root = folder("inbox")
        try makeFolder(root)
        let watcher = try DirectoryWatcher(options: WatchOptions(directory: root, recursive: true))
        defer { watcher.stop() }
        let log = EventLog.consuming(watcher.events())
        try rename(root, folder("inbox.old"))
        #expect(await log.next() == .event(.directoryMissing(root)))
        try write(folder("inbox.old/stale.txt"), "must not be reported")
        #expect(await log.next(within: quietPeriod) == .timedOut)
        try makeFolder(folder("replacement"))
        try rename(folder("replacement"), root)
        #expect(await log.next() == .event(.rescanNeeded(reason: "watched folder \(root) appeared")))
        try write(root.appending("fresh.txt"), "x")
        #expect(await log.next() == .event(.fileReady(root.appending("fresh.txt"))))
    }

    @Test("a root whose parent is missing too is found by the retry backoff")
    func parentMissing() async throws {
        try await withWatcher(subpath: "a/b/inbox") { folder, root, _, log in
            #expect(await log.next() == .event(.directoryMissing(root)))
            try makeFolder(folder("a"))
            try makeFolder(folder("a/b"))
            try makeFolder(root)
            #expect(await log.next() == .event(.rescanNeeded(reason: "watched folder \(root) appeared")))
            try write(root.appending("a.txt"), "x")
            #expect(await log.next() == .event(.fileReady(root.appending("a.txt"))))
        }
    }

    @Test("with recursion, an overflow rebuilds subfolder watches so later files are still seen")
    func recursiveOverflowRewatches() async throws {
        let queueLimit = try #require(InotifyLimits.maxQueuedEvents)
        let folder = try TempFolder()
        defer { folder.remove() }
        var options = WatchOptions(directory: folder.path, recursive: true)
        options.eventBufferLimit = queueLimit * 4
        let watcher = try DirectoryWatcher(options: options)
        defer { watcher.stop() }
        let path = folder.path
        try await onOwnThread { for index in 0...queueLimit { try write(path.appending("f\(index).txt"), "x") } }
        // Created while the queue is full: its IN_CREATE is lost, only the rebuild can watch it.
        try makeFolder(folder("created-during-overflow"))
        let log = EventLog.consuming(watcher.events())
        #expect(await log.next(within: .seconds(60)) {
            if case .rescanNeeded = $0 { return true }
            return false
        } != nil)
        let late = folder("created-during-overflow/late.txt")
        try write(late, "x")
        #expect(await log.next { $0 == .fileReady(late) } != nil)
    }
}

@Suite("DirectoryWatcher.scan")
struct ScanTests {
    @Test("scan lists candidate files by modification time then name, skipping ignored names and non-files")
    func scanOrderAndFilters() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try write(folder("b.txt"), "x")
        try write(folder("a.txt"), "x")
        try write(folder("old.txt"), "x")
        try write(folder(".hidden"), "x")
        try write(folder("partial.part"), "x")
        try makeFolder(folder("sub"))
        try write(folder("sub/nested.txt"), "x")
        try symlink("old.txt", at: folder("link.txt"))
        try symlink("missing.txt", at: folder("dangling.txt"))
        #expect(folder("fifo").withPlatformString { mkfifo($0, 0o644) } == 0)
        try setModificationTime(folder("old.txt"), seconds: 1_000)
        try setModificationTime(folder("a.txt"), seconds: 2_000)
        try setModificationTime(folder("b.txt"), seconds: 2_000)
        try setModificationTime(folder("sub/nested.txt"), seconds: 1_500)

        let flat = try DirectoryWatcher(options: WatchOptions(directory: folder.path))
        defer { flat.stop() }
        // link.txt takes its target's time (1,000) and sorts after old.txt by name.
        // Special entries (a dangling link, a FIFO) are listed too, so the daemon reports them at start-up.
        #expect(try flat.scan() == [
            folder("link.txt"), folder("old.txt"), folder("a.txt"), folder("b.txt"), folder("dangling.txt"), folder("fifo"),
        ])

        let deep = try DirectoryWatcher(options: WatchOptions(directory: folder.path, recursive: true))
        defer { deep.stop() }
        #expect(try deep.scan() == [
            folder("link.txt"), folder("old.txt"), folder("sub/nested.txt"), folder("a.txt"), folder("b.txt"),
            folder("dangling.txt"), folder("fifo"),
        ])
    }

    @Test("scan of a missing folder throws directoryMissing with an operator message")
    func scanMissing() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let watcher = try DirectoryWatcher(options: WatchOptions(directory: folder("absent")))
        defer { watcher.stop() }
        #expect(throws: WatchError.directoryMissing(folder("absent"))) { try watcher.scan() }
        #expect(WatchError.directoryMissing(folder("absent")).description.contains(folder("absent").string))
    }

    @Test("ignore patterns match names with fnmatch", arguments: [
        (".env", true), ("a.part", true), ("a.tmp", true), ("a.txt~", true), (".a.txt.swp", true),
        ("a.txt", false), ("part", false), ("a.partial", false), ("tmp.txt", false),
    ])
    func ignorePatterns(name: String, ignored: Bool) {
        #expect(WatchOptions(directory: "/x").isIgnored(name: name) == ignored)
    }
}
