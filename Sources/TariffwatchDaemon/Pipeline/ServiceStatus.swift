import Synchronization
import Systemd

/// What `systemctl status` shows (`STATUS=`): the state's counts, led by a failed reload's reason until a reload
/// succeeds. Every service sends its status through this one value, so the counts a delivery sends after a
/// failed reload do not hide that the daemon runs on its previous settings.
final class ServiceStatus: Sendable {
    private struct Parts {
        var counts = ""
        var reloadFailure: String?
    }

    private let parts = Mutex(Parts())

    /// The line as `STATUS=` carries it.
    var line: String {
        parts.withLock { parts in
            guard let failure = parts.reloadFailure else { return parts.counts }
            let prefix = "configuration reload failed, running on the previous settings: \(failure)"
            return parts.counts.isEmpty ? prefix : "\(prefix); \(parts.counts)"
        }
    }

    /// New counts; returns the whole line (to send, or to send with other states such as `READY=1`).
    @discardableResult
    func counts(_ counts: String) -> String {
        parts.withLock { $0.counts = counts }
        return line
    }

    /// A reload failed: its reason stays in the line until `reloadSucceeded()`.
    func reloadFailed(_ reason: String) {
        parts.withLock { $0.reloadFailure = reason }
    }

    func reloadSucceeded() {
        parts.withLock { $0.reloadFailure = nil }
    }

    /// Sends the line (`sd_notify`; nothing when not run by systemd).
    func publish() {
        try? ServiceManager.notify([.status(line)])
    }
}
