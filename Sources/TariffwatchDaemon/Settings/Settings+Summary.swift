extension Settings {
    /// The effective settings, one `key: value` per line, as `check-config` prints them.
    public var summary: String {
        func list(_ values: [String]) -> String { values.isEmpty ? "(all)" : values.joined(separator: ", ") }
        return [
            "watch.directory: \(watchDirectory)",
            "watch.recursive: \(recursive)",
            "watch.ignore: \(ignoredNamePatterns.joined(separator: ", "))",
            "watch.max_file_size: \(maxFileSize)",
            "extract.max_seconds: \(extractMaxSeconds)",
            "extract.max_candidates: \(extractMaxCandidates)",
            "state.directory: \(stateDirectory)",
            "feed.path: \(feedPath)",
            "feed.title: \(feedTitle)",
            "feed.home_page_url: \(feedHomePageURL ?? "(none)")",
            "feed.max_items: \(feedMaxItems)",
            "alerts.countries: \(list(alertCountries))",
            "alerts.products: \(list(alertProducts))",
            "alerts.minimum_rate_change: \(minimumRateChange)",
            "alerts.unknown_imposers: \(alertUnknownImposers)",
            "alerts.minimum_confidence: \(minimumConfidence)",
            "alerts.warning_days: \(warningDays)",
            "alerts.remind_days: \(remindDays.isEmpty ? "(none)" : remindDays.map(String.init).joined(separator: ", "))",
            "log.level: \(logLevel)",
        ].joined(separator: "\n")
    }
}
