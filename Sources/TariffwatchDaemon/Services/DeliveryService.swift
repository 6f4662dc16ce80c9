import AlertDelivery
import FactStore
import Foundation
import Logging
import ServiceLifecycle
import Systemd
import TariffExtraction

/// Delivers the outbox to the journal and the feed whenever the ingest service signals, at most
/// every `interval`, and once more at shutdown so nothing processed stays undelivered.
struct DeliveryService: Service {
    let dispatcher: AlertDispatcher
    let trigger: DeliveryTrigger
    let store: FactStore
    let interval: Duration
    let logger: Logger

    func run() async throws {
        // Alerts left pending by a crash are delivered first (and the feed file is created).
        await deliver()
        // Not cancelled on graceful shutdown: the ingest service finishes the stream after its last file.
        for await _ in trigger.signals {
            await deliver()
            try? await Task.sleep(for: interval)
        }
        await deliver()
        // The group stops services in reverse order; returning before our turn would count as a failure.
        try? await gracefulShutdown()
    }

    private func deliver() async {
        do {
            let report = try await dispatcher.deliverPending(today: CalendarDate.today())
            if report.delivered > 0 {
                let counts = try store.counts()
                logger.debug("delivered alerts", metadata: ["alerts": "\(report.delivered)"])
                try? ServiceManager.notify([.status(counts.statusLine)])
            }
        } catch {
            // Kept pending in the outbox; the next signal retries.
            logger.error("alert delivery failed; will retry", metadata: ["error": "\(error)"])
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
