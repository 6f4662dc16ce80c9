import AlertDelivery
import FactStore
import Foundation
import Logging
import ServiceLifecycle
import Systemd
import TariffExtraction

/// Delivers the outbox as soon as it has something and the previous delivery is done; retries what a
/// sink refused with a growing pause (1 s doubling to 60 s) without waiting for a new file; flushes
/// once more at shutdown.
///
/// Idle means idle: with nothing pending it waits on the trigger alone, no timer.
struct DeliveryService: Service {
    let dispatcher: AlertDispatcher
    let trigger: DeliveryTrigger
    let store: FactStore
    let heartbeat: Heartbeat
    let events: OperationalEvents
    let lane: BlockingLane
    let logger: Logger

    func run() async throws {
        var retry = [AlertSink: (backoff: RetryBackoff, since: ContinuousClock.Instant)]()
        var finishing = false
        while true {
            // Alerts left pending by a crash are delivered first (and the feed file is created).
            let report = await deliver()
            if finishing { break }
            var delay: Duration?
            for sink in AlertSink.allCases {
                if let reason = report.failures[sink] {
                    var state = retry[sink] ?? (RetryBackoff(), .now)
                    let pause = state.backoff.next()
                    if retry[sink] == nil {
                        events.deliveryFailing(sink: sink.rawValue, reason: reason, retryIn: pause)
                    } else {
                        logger.debug("delivery still failing", metadata: ["sink": "\(sink.rawValue)", "error": "\(reason)"])
                    }
                    retry[sink] = state
                    delay = min(delay ?? pause, pause)
                } else if let state = retry.removeValue(forKey: sink) {
                    events.deliveryRecovered(sink: sink.rawValue, after: state.since.duration(to: .now))
                }
            }
            // Not cancelled on graceful shutdown: the ingest service finishes the trigger after its last file.
            if await trigger.wait(timeout: delay) == .finished { finishing = true }
        }
        // The group stops services in reverse order; returning before our turn would count as a failure.
        try? await gracefulShutdown()
    }

    private func deliver() async -> AlertDispatcher.Report {
        let dispatcher = self.dispatcher
        let store = self.store
        let heartbeat = self.heartbeat
        let logger = self.logger
        return await lane.run {
            heartbeat.busy(.delivery)
            defer { heartbeat.idle(.delivery) }
            let report = dispatcher.deliverPending(today: CalendarDate.today())
            if report.alreadyInJournal > 0 {
                logger.notice("found \(report.alreadyInJournal) alerts already in the journal from before the restart; not sent again")
            }
            if report.delivered > 0 || report.fed > 0 {
                logger.debug(
                    "delivered alerts",
                    metadata: ["journal": "\(report.delivered)", "feed": "\(report.fed)"])
                if let counts = try? store.counts() { try? ServiceManager.notify([.status(counts.statusLine)]) }
            }
            return report
        }
    }
}

extension CalendarDate {
    /// Today in UTC.
    static func today(now: Date = Date()) -> CalendarDate {
        CalendarDate(daysSinceEpoch: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}

extension StoreCounts {
    /// `STATUS=` text: what systemctl status shows.
    var statusLine: String {
        "\(filesProcessed) files, \(facts) facts, \(alertsDelivered) alerts delivered, \(alertsPending) pending, \(filesRejected) rejected"
    }
}
