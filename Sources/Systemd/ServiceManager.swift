import CSystemd
public import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Talking to the service manager (systemd) that started this process.
public enum ServiceManager {
    /// Whether a service manager asked for notifications (`NOTIFY_SOCKET` is set).
    public static var isManaged: Bool { getenv("NOTIFY_SOCKET") != nil }

    /// Sends `states` in one datagram via `sd_notify`.
    ///
    /// Not being run by systemd (`sd_notify` returns 0) is not an error: the call then does nothing.
    /// Throws `Errno` when the socket exists but the send fails, `ELIBACC` when libsystemd cannot be loaded.
    public static func notify(_ states: [NotifyState]) throws(Errno) {
        guard !states.isEmpty else { return }
        guard case .success(let library) = LibSystemd.loaded else { throw Errno(rawValue: ELIBACC) }
        let message = states.map(\.assignment).joined(separator: "\n")
        let result = library.notify(0, message)
        if result < 0 { throw Errno(rawValue: -result) }
    }

    /// The watchdog interval the unit set (`WatchdogSec=`) for this process, via `sd_watchdog_enabled`.
    ///
    /// `nil` when the watchdog is off or meant for another process (or libsystemd cannot be loaded); ping with
    /// `.watchdog` at half this.
    public static func watchdogInterval() -> Duration? {
        guard case .success(let library) = LibSystemd.loaded else { return nil }
        var microseconds: UInt64 = 0
        guard library.watchdogEnabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return .microseconds(Int64(clamping: microseconds))
    }

    /// Sockets passed by socket activation, via `sd_listen_fds`; empty when there are none (or libsystemd
    /// cannot be loaded).
    ///
    /// The environment is left in place so a re-exec can see the same descriptors.
    public static func listenFileDescriptors() -> [CInt] {
        guard case .success(let library) = LibSystemd.loaded else { return [] }
        let count = library.listenFDs(0)
        guard count > 0 else { return [] }
        let start = CInt(TW_SD_LISTEN_FDS_START)
        return Array(start..<(start + count))
    }
}
