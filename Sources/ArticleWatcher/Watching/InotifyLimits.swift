import Glibc
import SystemPackage

/// The kernel's inotify limits from /proc, named in error messages and used by tests to size bursts.
public enum InotifyLimits {
    /// fs.inotify.max_queued_events: events the kernel queues before it drops them and reports IN_Q_OVERFLOW.
    public static var maxQueuedEvents: Int? { readInteger("/proc/sys/fs/inotify/max_queued_events") }
    /// fs.inotify.max_user_watches: folders one user may watch at once.
    public static var maxUserWatches: Int? { readInteger("/proc/sys/fs/inotify/max_user_watches") }

    private static func readInteger(_ path: FilePath) -> Int? {
        guard let fd = try? Syscalls.open(path, flags: O_RDONLY | O_CLOEXEC) else { return nil }
        defer { Syscalls.close(fd) }
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = bytes.withUnsafeMutableBytes { (try? Syscalls.read(fd, into: $0)) ?? nil } ?? 0
        let text = String(decoding: bytes[..<count], as: UTF8.self)
        return Int(text.filter(\.isNumber))
    }
}
