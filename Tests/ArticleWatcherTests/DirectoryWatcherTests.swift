import Glibc
import Synchronization
import SystemPackage
import Testing

@testable import ArticleWatcher

/// How long a test waits to be confident that something did NOT happen.
let quietPeriod: Duration = .milliseconds(300)

@Suite("DirectoryWatcher on real folders")
struct DirectoryWatcherTests {
    @Test("a file written in place is reported once, after close, never while still open")
    func inPlaceWrite() async throws {
        try await withWatcher { _, root, _, log in
            let path = root.appending("article.txt")
            let fd = try FileDescriptor.open(path, .writeOnly, options: [.create], permissions: .ownerReadWrite)
            _ = try fd.writeAll(Array("first half ".utf8))
            #expect(await log.next(within: quietPeriod) == .timedOut)
            _ = try fd.writeAll(Array("second half".utf8))
            try fd.close()
            #expect(await log.next() == .event(.fileReady(path)))
            #expect(await log.next(within: quietPeriod) == .timedOut)
        }
    }

    @Test("a temp file renamed into place is reported under its final name only")
    func tempThenRename() async throws {
        try await withWatcher { _, root, _, log in
            try write(root.appending("news.txt.part"), "downloading")
            try rename(root.appending("news.txt.part"), root.appending("news.txt"))
            #expect(await log.next() == .event(.fileReady(root.appending("news.txt"))))
            #expect(await log.next(within: quietPeriod) == .timedOut)
        }
    }

    @Test("dotfiles and temporary names never produce events", arguments: [
        ".hidden", ".news.txt.swp", "draft.tmp", "notes.txt~", "big.part", "x.swp",
    ])
    func ignoredNames(name: String) async throws {
        try await withWatcher { _, root, _, log in
            try write(root.appending(name), "ignored")
            try write(root.appending("sentinel.txt"), "seen")
            // Events arrive in order, so the sentinel coming first proves the ignored file produced nothing.
            #expect(await log.next() == .event(.fileReady(root.appending("sentinel.txt"))))
        }
    }

    @Test("custom patterns replace the defaults")
    func customPatterns() async throws {
        try await withWatcher(ignoredNamePatterns: ["*.draft"]) { _, root, _, log in
            try write(root.appending("a.draft"), "ignored")
            try write(root.appending(".visible"), "now reported")
            #expect(await log.next() == .event(.fileReady(root.appending(".visible"))))
        }
    }

    @Test("without recursion, files in subfolders are not reported")
    func nonRecursiveSkipsSubfolders() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try makeFolder(folder("sub"))
        let watcher = try DirectoryWatcher(options: WatchOptions(directory: folder.path))
        defer { watcher.stop() }
        let log = EventLog.consuming(watcher.events())
        try makeFolder(folder("later"))
        try write(folder("sub/a.txt"), "nested")
        try write(folder("later/b.txt"), "nested")
        try write(folder("top.txt"), "top")
        #expect(await log.next() == .event(.fileReady(folder("top.txt"))))
    }

    @Test("with recursion, files in existing subfolders are reported")
    func recursiveExistingSubfolder() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try makeFolder(folder("sub"))
        try makeFolder(folder("sub/deeper"))
        let watcher = try DirectoryWatcher(options: WatchOptions(directory: folder.path, recursive: true))
        defer { watcher.stop() }
        let log = EventLog.consuming(watcher.events())
        try write(folder("sub/deeper/a.txt"), "nested")
        #expect(await log.next() == .event(.fileReady(folder("sub/deeper/a.txt"))))
    }

    @Test("with recursion, files written the instant a new folder tree is created are not missed")
    func recursiveNewFoldersWithImmediateFiles() async throws {
        try await withWatcher(recursive: true) { _, root, _, log in
            for round in 0..<20 {
                let top = root.appending("batch-\(round)")
                try makeFolder(top)
                try makeFolder(top.appending("a"))
                try makeFolder(top.appending("a/b"))
                let file = top.appending("a/b/article.txt")
                try write(file, "written before the watcher could add a watch")
                let found = await log.next { $0 == .fileReady(file) }
                #expect(found != nil, "round \(round): no fileReady for \(file)")
            }
            // The new folders are watched from now on, too.
            let later = root.appending("batch-0/a/b/later.txt")
            try write(later, "later")
            #expect(await log.next { $0 == .fileReady(later) } != nil)
        }
    }

    @Test("with recursion, a folder moved in is watched and its files are reported")
    func recursiveFolderMovedIn() async throws {
        let outside = try TempFolder()
        defer { outside.remove() }
        try makeFolder(outside("incoming"))
        try write(outside("incoming/a.txt"), "moved in")
        try await withWatcher(recursive: true) { _, root, _, log in
            try rename(outside("incoming"), root.appending("incoming"))
            #expect(await log.next() == .event(.fileReady(root.appending("incoming/a.txt"))))
            try write(root.appending("incoming/b.txt"), "after the move")
            #expect(await log.next { $0 == .fileReady(root.appending("incoming/b.txt")) } != nil)
        }
    }

    @Test("with recursion, a subfolder moved inside the tree reports under its new path")
    func recursiveFolderMovedWithinTree() async throws {
        try await withWatcher(recursive: true) { _, root, _, log in
            try makeFolder(root.appending("old"))
            try makeFolder(root.appending("old/inner"))
            try write(root.appending("sentinel.txt"), "x")
            _ = await log.next { $0 == .fileReady(root.appending("sentinel.txt")) }
            try rename(root.appending("old"), root.appending("new"))
            try write(root.appending("new/inner/a.txt"), "after the move")
            #expect(await log.next { $0 == .fileReady(root.appending("new/inner/a.txt")) } != nil)
        }
    }

    @Test("with recursion, a subfolder moved out of the tree is no longer reported")
    func recursiveFolderMovedOut() async throws {
        let outside = try TempFolder()
        defer { outside.remove() }
        try await withWatcher(recursive: true) { _, root, _, log in
            try makeFolder(root.appending("leaving"))
            try write(root.appending("leaving/before.txt"), "x")
            #expect(await log.next() == .event(.fileReady(root.appending("leaving/before.txt"))))
            try rename(root.appending("leaving"), outside("left"))
            try write(outside("left/after.txt"), "must not be reported")
            try write(root.appending("sentinel.txt"), "x")
            // Delivery is at least once: before.txt may come again (scan of the new folder and its
            // close), but nothing written after the folder left may come before the sentinel.
            var seen: [WatchEvent] = []
            while case .event(let event) = await log.next() {
                seen.append(event)
                if event == .fileReady(root.appending("sentinel.txt")) { break }
            }
            #expect(seen.last == .fileReady(root.appending("sentinel.txt")))
            #expect(seen.allSatisfy { $0 == .fileReady(root.appending("leaving/before.txt")) || $0 == seen.last })
        }
    }

    @Test("a file moved in from another folder is reported")
    func fileMovedIn() async throws {
        let outside = try TempFolder()
        defer { outside.remove() }
        try write(outside("ready.txt"), "finished elsewhere")
        try await withWatcher { _, root, _, log in
            try rename(outside("ready.txt"), root.appending("ready.txt"))
            #expect(await log.next() == .event(.fileReady(root.appending("ready.txt"))))
        }
    }

    /// Entries that are complete when they appear get no IN_CLOSE_WRITE: each is reported on its IN_CREATE.
    enum CreatedInPlace: String, CaseIterable, Sendable {
        case hardLink, symlink, danglingSymlink, loopingSymlink, fifo, socket
    }

    @Test("entries created whole in place are reported at once", arguments: CreatedInPlace.allCases)
    func createdInPlace(_ entry: CreatedInPlace) async throws {
        let outside = try TempFolder()
        defer { outside.remove() }
        try write(outside("source.txt"), "written elsewhere")
        try await withWatcher(recursive: entry == .socket) { _, root, _, log in
            let path = root.appending("entry")
            let made: Int32
            switch entry {
            case .hardLink: made = outside("source.txt").withPlatformString { src in path.withPlatformString { link(src, $0) } }
            case .symlink: made = path.withPlatformString { Glibc.symlink(outside("source.txt").string, $0) }
            case .danglingSymlink: made = path.withPlatformString { Glibc.symlink("nowhere", $0) }
            case .loopingSymlink: made = path.withPlatformString { Glibc.symlink("entry", $0) }
            case .fifo: made = path.withPlatformString { mkfifo($0, 0o644) }
            case .socket: made = bindUnixSocket(at: path)
            }
            try #require(made >= 0, "\(entry): \(Errno(rawValue: errno))")
            #expect(await log.next(within: .seconds(1)) == .event(.fileReady(path)))
            #expect(await log.next(within: quietPeriod) == .timedOut)
        }
    }

    @Test("touch and chmod on a file report attributesChanged (the daemon looks again only at rejected files)")
    func attributesChanged() async throws {
        try await withWatcher { _, root, _, log in
            let path = root.appending("a.txt")
            try write(path, "x")
            #expect(await log.next() == .event(.fileReady(path)))
            try setModificationTime(path, seconds: 1_700_000_000)
            #expect(await log.next() == .event(.attributesChanged(path)))
            #expect(path.withPlatformString { chmod($0, 0o644) } == 0)
            #expect(await log.next() == .event(.attributesChanged(path)))
        }
    }

    @Test("a new file written in place is reported on close, not on its IN_CREATE")
    func newFileWaitsForClose() async throws {
        try await withWatcher { _, root, _, log in
            let path = root.appending("slow.txt")
            let fd = try FileDescriptor.open(path, .writeOnly, options: [.create], permissions: .ownerReadWrite)
            #expect(await log.next(within: quietPeriod) == .timedOut)
            try fd.close()
            #expect(await log.next() == .event(.fileReady(path)))
        }
    }

    @Test("with recursion, ignored folder names (like .git) are not descended into")
    func recursiveIgnoredFolder() async throws {
        try await withWatcher(recursive: true) { _, root, _, log in
            try makeFolder(root.appending(".git"))
            try write(root.appending(".git/index"), "not an article")
            try write(root.appending("sentinel.txt"), "x")
            #expect(await log.next() == .event(.fileReady(root.appending("sentinel.txt"))))
        }
    }

    @Test("stop() ends the stream, and events() after that is already finished")
    func stopEndsStream() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let watcher = try DirectoryWatcher(options: WatchOptions(directory: folder.path))
        let log = EventLog.consuming(watcher.events())
        watcher.stop()
        #expect(await log.next() == .finished)
        #expect(watcher.isStopped)
        var iterator = watcher.events().makeAsyncIterator()
        #expect(await iterator.next() == nil)
    }

    @Test("cancelling the consuming task stops the watcher thread and closes its descriptors")
    func cancellationStops() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let watcher = try DirectoryWatcher(options: WatchOptions(directory: folder.path))
        let stream = watcher.events()
        let consumer = Task { for await _ in stream {} }
        consumer.cancel()
        await consumer.value
        let deadline = ContinuousClock.now.advanced(by: .seconds(5))
        while !watcher.isStopped && ContinuousClock.now < deadline { await Task.yield() }
        #expect(watcher.isStopped)
    }

    /// A sink that records what the watcher's thread offers, and answers `.closed` once told to.
    final class RecordingSink: WatchEventSink {
        struct State {
            var events: [WatchEvent] = []
            var finished = 0
            var closing = false
        }
        let state = Mutex(State())

        func offer(_ event: WatchEvent) -> WatchEventOffer {
            state.withLock { state in
                if state.closing { return .closed }
                state.events.append(event)
                return .accepted
            }
        }

        func finish() { state.withLock { $0.finished += 1 } }

        func waitUntil(_ condition: (State) -> Bool) async throws -> Bool {
            let deadline = ContinuousClock.now.advanced(by: .seconds(10))
            // asked once more after the deadline: in a parallel run the pool resumed this task only after its ten
            // seconds, with the event long offered, and the loop ended without looking
            while true {
                if state.withLock({ condition($0) }) { return true }
                guard ContinuousClock.now < deadline else { return false }
                try await Task.sleep(for: .milliseconds(5))
            }
        }
    }

    @Test("start(into:) hands events to a sink on the watcher's thread; a sink that answers closed stops it")
    func sinkConsumer() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let watcher = try DirectoryWatcher(options: WatchOptions(directory: folder.path))
        let sink = RecordingSink()
        watcher.start(into: sink)
        try write(folder("a.txt"), "x")
        #expect(
            try await sink.waitUntil { $0.events == [.fileReady(folder("a.txt"))] },
            "offered: \(sink.state.withLock { $0.events })")
        let second = RecordingSink()
        watcher.start(into: second)
        #expect(second.state.withLock { $0.finished } == 1, "single consumer: a second sink is finished at once")
        sink.state.withLock { $0.closing = true }
        try write(folder("b.txt"), "x")
        #expect(try await sink.waitUntil { $0.finished == 1 })
        let deadline = ContinuousClock.now.advanced(by: .seconds(5))
        while !watcher.isStopped && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        #expect(watcher.isStopped)
        #expect(sink.state.withLock { $0.events.count } == 1)
    }

    @Test("a watcher that is never started releases its descriptors on stop()")
    func stopBeforeStart() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let watcher = try DirectoryWatcher(options: WatchOptions(directory: folder.path))
        #expect(!watcher.isStopped)
        watcher.stop()
        #expect(watcher.isStopped)
    }
}
