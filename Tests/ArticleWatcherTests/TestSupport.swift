import Glibc
import SystemPackage
import Testing

@testable import ArticleWatcher

/// A fresh folder under /tmp for one test; `remove()` deletes it with everything inside.
struct TempFolder {
    let path: FilePath

    init() throws {
        var template = Array("/tmp/articlewatcher-test-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        try #require(created != nil, "mkdtemp failed: \(Errno(rawValue: errno))")
        path = template.withUnsafeBufferPointer { FilePath(platformString: $0.baseAddress!) }
    }

    func callAsFunction(_ relative: String) -> FilePath { path.appending(relative) }

    func remove() { removeTree(path) }
}

/// `rm -rf` for test folders (restores search permission on the way down).
func removeTree(_ path: FilePath) {
    guard let info = try? Syscalls.lstat(path) else { return }
    if info.isDirectory {
        _ = path.withPlatformString { chmod($0, 0o755) }
        let text = path.string
        for entry in (try? Syscalls.directoryEntries(path)) ?? [] {
            removeTree(FilePath.child(of: path, parentText: text, nameBytes: entry.name).path)
        }
        _ = path.withPlatformString { rmdir($0) }
    } else {
        _ = path.withPlatformString { unlink($0) }
    }
}

func write(_ path: FilePath, _ text: String) throws { try write(path, bytes: Array(text.utf8)) }

func write(_ path: FilePath, bytes: [UInt8]) throws {
    let fd = try FileDescriptor.open(path, .writeOnly, options: [.create, .truncate], permissions: .ownerReadWrite)
    try fd.closeAfter { _ = try fd.writeAll(bytes) }
}

func makeFolder(_ path: FilePath) throws {
    let result = path.withPlatformString { mkdir($0, 0o755) }
    try #require(result == 0, "mkdir \(path): \(Errno(rawValue: errno))")
}

func rename(_ from: FilePath, _ to: FilePath) throws {
    let result = from.withPlatformString { source in to.withPlatformString { Glibc.rename(source, $0) } }
    try #require(result == 0, "rename \(from) -> \(to): \(Errno(rawValue: errno))")
}

func symlink(_ target: String, at link: FilePath) throws {
    let result = link.withPlatformString { Glibc.symlink(target, $0) }
    try #require(result == 0, "symlink \(link): \(Errno(rawValue: errno))")
}

/// Sets a file's modification time, so scan-order tests do not depend on how fast files are written.
func setModificationTime(_ path: FilePath, seconds: Int) throws {
    var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
    let result = path.withPlatformString { utimensat(AT_FDCWD, $0, &times, 0) }
    try #require(result == 0)
}

/// Records a watcher's events from one long-lived consumer task, so tests can wait for the next event with a
/// deadline (a task group racing the recording against a timer) without ever cancelling the stream itself.
actor EventLog {
    enum Next: Equatable {
        case event(WatchEvent)
        case finished
        case timedOut
    }

    private var received: [WatchEvent] = []
    private var cursor = 0
    private var isFinished = false
    private var waiter: CheckedContinuation<Void, Never>?

    static func consuming(_ stream: AsyncStream<WatchEvent>) -> EventLog {
        let log = EventLog()
        Task {
            for await event in stream { await log.append(event) }
            await log.finish()
        }
        return log
    }

    /// The next event not yet returned, `.finished` when the stream ended, or `.timedOut` after `timeout`.
    func next(within timeout: Duration = .seconds(10)) async -> Next {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            if cursor < received.count {
                cursor += 1
                return .event(received[cursor - 1])
            }
            if isFinished { return .finished }
            if ContinuousClock.now >= deadline { return .timedOut }
            await waitForChange(until: deadline)
        }
    }

    /// Skips events until one satisfies `predicate`; returns it with everything skipped, or nil on timeout/end.
    func next(
        within timeout: Duration = .seconds(10),
        where predicate: (WatchEvent) -> Bool
    ) async -> (match: WatchEvent, skipped: [WatchEvent])? {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var skipped: [WatchEvent] = []
        while case .event(let event) = await next(within: deadline - ContinuousClock.now) {
            if predicate(event) { return (event, skipped) }
            skipped.append(event)
        }
        return nil
    }

    private func waitForChange(until deadline: ContinuousClock.Instant) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.suspendUntilPoked() }
            group.addTask {
                try? await Task.sleep(until: deadline, clock: .continuous)
                await self.poke()
            }
            await group.next()
            group.cancelAll()
            poke()
        }
    }

    private func suspendUntilPoked() async {
        if cursor < received.count || isFinished { return }
        await withCheckedContinuation { waiter = $0 }
    }

    private func poke() {
        waiter?.resume()
        waiter = nil
    }

    private func append(_ event: WatchEvent) {
        received.append(event)
        poke()
    }

    private func finish() {
        isFinished = true
        poke()
    }
}

/// Runs `body` with a watcher on a fresh temp folder (or `subpath` inside it), always stopping and cleaning up.
func withWatcher(
    recursive: Bool = false,
    ignoredNamePatterns: [String] = WatchOptions.defaultIgnoredNamePatterns,
    subpath: String? = nil,
    _ body: (TempFolder, FilePath, DirectoryWatcher, EventLog) async throws -> Void
) async throws {
    let folder = try TempFolder()
    defer { folder.remove() }
    let root = subpath.map { folder($0) } ?? folder.path
    let options = WatchOptions(directory: root, recursive: recursive, ignoredNamePatterns: ignoredNamePatterns)
    let watcher = try DirectoryWatcher(options: options)
    defer { watcher.stop() }
    let log = EventLog.consuming(watcher.events())
    try await body(folder, root, watcher, log)
}

/// Creates a listening-capable UNIX socket at `path` (bind creates the file); returns the descriptor, -1 on error.
/// The descriptor is left open for the test's lifetime: a socket file outlives it anyway.
func bindUnixSocket(at path: FilePath) -> Int32 {
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return -1 }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.string.utf8)
    guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return -1 }
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
        for (index, byte) in bytes.enumerated() { buffer[index] = byte }
    }
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    return bound == 0 ? fd : -1
}

/// Runs blocking work (thousands of file writes, a scan of them) on its own thread: on the cooperative pool it
/// would hold one of a 2-core machine's two threads for many seconds and starve the daemon tests beside it.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        do {
            try WatcherThread.start { continuation.resume(with: Result { try work() }) }
        } catch {
            continuation.resume(throwing: error)
        }
    }
}
