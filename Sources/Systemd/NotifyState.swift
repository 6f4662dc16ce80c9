#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One state change told to the service manager through `sd_notify`.
public enum NotifyState: Sendable, Hashable {
    /// Start-up finished; `Type=notify` units become active only now (`READY=1`).
    case ready
    /// A configuration reload began (`RELOADING=1` with `MONOTONIC_USEC`, as systemd ≥ 253 requires
    /// for `Type=notify-reload`); send `.ready` when it is done.
    case reloading
    /// Shutdown began (`STOPPING=1`).
    case stopping
    /// A one-line human-readable status shown by `systemctl status` (`STATUS=`).
    case status(String)
    /// The watchdog keep-alive ping (`WATCHDOG=1`).
    case watchdog
    /// Asks the manager to act as if the watchdog timed out (`WATCHDOG=trigger`).
    case watchdogTrigger
    /// The main process id, when it is not the process sending (`MAINPID=`).
    case mainPID(Int32)
}

extension NotifyState {
    /// The `KEY=value` line(s) `sd_notify` expects for this state.
    var assignment: String {
        switch self {
        case .ready: "READY=1"
        case .reloading: "RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())"
        case .stopping: "STOPPING=1"
        // A newline would end the assignment early and turn the rest into a bogus one.
        case .status(let text): "STATUS=" + text.map { $0.isNewline ? " " : String($0) }.joined()
        case .watchdog: "WATCHDOG=1"
        case .watchdogTrigger: "WATCHDOG=trigger"
        case .mainPID(let pid): "MAINPID=\(pid)"
        }
    }

    /// `CLOCK_MONOTONIC` in microseconds, the clock systemd compares `MONOTONIC_USEC` with (`clock_gettime`).
    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
