import Logging
import ServiceLifecycle
import Systemd

/// Sends `WATCHDOG=1` at half the `WatchdogSec=` interval while every loop makes progress.
///
/// A ping proves two things: this task ran, so the cooperative pool (signals, the loops' scheduling) is
/// not starved; and no loop has been stuck on one piece of work for a whole interval (`Heartbeat`). A
/// slow file runs on the ingest lane, so it neither delays the pings nor the delivery of alerts found
/// earlier; only work that hangs stops them. Runs only when the unit sets `WatchdogSec=`.
struct WatchdogService: Service {
    let interval: Duration
    let heartbeat: Heartbeat
    let logger: Logger

    func run() async {
        var reported: [Heartbeat.Loop] = []
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let stuck = heartbeat.stuckLoops(limit: interval)
            if stuck.isEmpty {
                do { try ServiceManager.notify([.watchdog]) } catch { logger.warning("watchdog ping failed", metadata: ["error": "\(error)"]) }
            } else if stuck != reported {
                logger.error(
                    "a loop is stuck on one piece of work; not pinging the watchdog",
                    metadata: ["loops": "\(stuck.map(\.rawValue).joined(separator: ","))", "limit": "\(interval)"])
            }
            reported = stuck
            do {
                try await cancelWhenGracefulShutdown { try await Pause.sleep(for: interval / 2) }
            } catch {
                return  // shutting down: stopping the pings is the point
            }
        }
    }
}
