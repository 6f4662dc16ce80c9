import AlertDelivery
import FactStore

/// The settings in force now; SIGHUP replaces them without stopping the watcher.
public actor LiveSettings {
    public private(set) var current: Settings

    public init(_ settings: Settings) {
        current = settings
    }

    func replace(with settings: Settings) {
        current = settings
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
