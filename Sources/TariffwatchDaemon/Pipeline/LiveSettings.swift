import AlertDelivery
import FactStore
import Synchronization

/// The settings in force now; SIGHUP replaces them without stopping the watcher. Read without waiting from
/// any thread (the ingest lane reads the alert policy before each batch).
public final class LiveSettings: Sendable {
    private let settings: Mutex<Settings>

    public init(_ settings: Settings) {
        self.settings = Mutex(settings)
    }

    public var current: Settings { settings.withLock { $0 } }

    func replace(with settings: Settings) {
        self.settings.withLock { $0 = settings }
    }
}

extension Settings {
    /// Watch lists that narrow what alerts (everything is still stored).
    var alertPolicy: AlertPolicy {
        AlertPolicy(
            countries: alertCountries, products: alertProducts, minimumRateChange: minimumRateChange,
            unknownImposers: alertUnknownImposers, minimumConfidence: minimumConfidence)
    }

    var dispatcherOptions: AlertDispatcher.Options {
        AlertDispatcher.Options(
            feedTitle: feedTitle, feedHomePageURL: feedHomePageURL, feedMaxItems: feedMaxItems,
            warningWindowDays: warningDays)
    }
}
