import Logging
import ServiceLifecycle
import Systemd

/// Sends `WATCHDOG=1` at half the `WatchdogSec=` interval while the ingest loop is healthy, so
/// systemd restarts a daemon that hangs on a file.
struct WatchdogService: Service {
    let interval: Duration
    let heartbeat: Heartbeat
    let logger: Logger

    func run() async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if await heartbeat.isHealthy(limit: interval) {
                do { try ServiceManager.notify([.watchdog]) } catch { logger.warning("watchdog ping failed", metadata: ["error": "\(error)"]) }
            } else {
                logger.error("ingest loop is stuck; not pinging the watchdog")
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval / 2) }
            } catch {
                return  // shutting down: stopping the pings is the point
            }
        }
    }
}
