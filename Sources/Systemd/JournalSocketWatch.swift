#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Tells when journald's socket is created again (a journald started by hand or without socket
/// activation), so alerts that waited for it go out at once instead of at the next retry, however
/// long the retry pause has grown. inotify on the socket's folder, read by a `DescriptorWatch` thread that
/// sleeps in `poll` (no timer; not a libdispatch source, see `DescriptorWatch`).
public final class JournalSocketWatch: Sendable {
    private let watch: DescriptorWatch

    private init(watch: DescriptorWatch) {
        self.watch = watch
    }

    /// Starts watching; nil when the folder cannot be watched (no journald here): then retries alone recover.
    /// - Parameter socketCreated: called on the watch's thread after `socket` appears.
    public static func start(socketCreated: @escaping @Sendable () -> Void) -> JournalSocketWatch? {
        let fd = inotify_init1(CInt(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let folder = "/" + Journal.socketPath.split(separator: "/").dropLast().joined(separator: "/")
        guard inotify_add_watch(fd, folder, UInt32(IN_CREATE | IN_MOVED_TO)) >= 0 else {
            close(fd)
            return nil
        }
        let name = Journal.socketPath.split(separator: "/").last.map(String.init) ?? "socket"
        guard let watch = try? DescriptorWatch(descriptor: fd, name: "tw-journal-dir", onReadable: {
            if readEvents(fd).contains(name) { socketCreated() }
        }) else { return nil }
        return JournalSocketWatch(watch: watch)
    }

    /// Stops watching and closes the inotify descriptor.
    public func cancel() {
        watch.stop()
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
