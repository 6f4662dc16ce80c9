import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Tells when journald's socket is created again (a journald started by hand or without socket
/// activation), so alerts that waited for it go out at once instead of at the next retry, however
/// long the retry pause has grown. inotify on the socket's folder through a dispatch read source:
/// no thread of ours and no timer.
public final class JournalSocketWatch: Sendable {
    /// `DispatchSourceRead` is thread-safe (libdispatch serialises its handlers); only `cancel` is called here.
    private nonisolated(unsafe) let source: any DispatchSourceRead

    private init(source: any DispatchSourceRead) {
        self.source = source
    }

    /// Starts watching; nil when the folder cannot be watched (no journald here): then retries alone recover.
    /// - Parameter socketCreated: called on a queue of the watch's own after `socket` appears.
    public static func start(socketCreated: @escaping @Sendable () -> Void) -> JournalSocketWatch? {
        let fd = inotify_init1(CInt(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let folder = "/" + Journal.socketPath.split(separator: "/").dropLast().joined(separator: "/")
        guard inotify_add_watch(fd, folder, UInt32(IN_CREATE | IN_MOVED_TO)) >= 0 else {
            close(fd)
            return nil
        }
        let name = Journal.socketPath.split(separator: "/").last.map(String.init) ?? "socket"
        let source = DispatchSource.makeReadSource(
            fileDescriptor: fd, queue: DispatchQueue(label: "tariffwatch.journal-socket-watch"))
        source.setEventHandler {
            if readEvents(fd).contains(name) { socketCreated() }
        }
        source.setCancelHandler { close(fd) }
        source.resume()
        return JournalSocketWatch(source: source)
    }

    /// Stops watching and closes the inotify descriptor.
    public func cancel() {
        source.cancel()
    }

    /// The names in every queued inotify event (`struct inotify_event`: wd, mask, cookie, len, name).
    private static func readEvents(_ fd: CInt) -> Set<String> {
        var names: Set<String> = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return names }
            var offset = 0
            while offset + 16 <= count {
                let length = buffer[(offset + 12)..<(offset + 16)].reversed().reduce(0) { $0 << 8 | Int($1) }
                let end = min(count, offset + 16 + length)
                names.insert(String(decoding: buffer[(offset + 16)..<end].prefix { $0 != 0 }, as: UTF8.self))
                offset = end
            }
        }
    }
}
