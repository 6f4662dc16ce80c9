public import Logging
public import SystemPackage
public import TariffExtraction

/// Everything the daemon can be told, with the defaults of `config/tariffwatch.yaml`.
///
/// ## Configuration keys
/// Environment variables override the file: `watch.directory` is `TARIFFWATCH_WATCH_DIRECTORY`,
/// lists are comma-separated.
/// - `watch.directory` (string, default `./inbox`): the folder articles are dropped into.
/// - `watch.recursive` (bool, default false): also watch subfolders, including ones created later.
/// - `watch.ignore` (string list, default `.*`, `*.part`, `*.tmp`, `*~`, `*.swp`): names never read.
/// - `watch.max_file_size` (int bytes, default 10485760): larger files, or files whose text is larger once decoded, are rejected.
/// - `extract.max_seconds` (double, default 10): extraction time per article; past it the file is rejected as too complex.
/// - `extract.max_candidates` (int, default 100000): dates, rates and facts per article (the memory bound), likewise.
/// - `state.directory` (string, default `./state`): the SQLite database.
/// - `feed.path` (string, default `<state.directory>/feed.json`): the JSON Feed file.
/// - `feed.title` (string), `feed.home_page_url` (string, optional), `feed.max_items` (int, default 500).
/// - `alerts.countries` (string list, default all): only tariff facts naming one of these ISO codes alert.
/// - `alerts.products` (string list, default all): only tariff facts on one of these products alert.
/// - `alerts.minimum_rate_change` (double, percentage points, default 0): smaller rate changes do not alert.
/// - `alerts.unknown_imposers` (bool, default false): tariff facts whose imposer is unknown alert too.
/// - `alerts.minimum_confidence` (double 0...1, default 0): tariffs with parties inferred less surely do not alert.
/// - `alerts.warning_days` (int, default 7): deadlines this close are journal warnings.
/// - `alerts.remind_days` (int list, default 7, 1): a `deadline_reminder` alert this many days before each
///   upcoming deadline, and the calendar's alarms.
/// - `log.level` (string, default `info`): trace, debug, info, notice, warning, error, critical.
public struct Settings: Sendable, Equatable {
    public var watchDirectory: FilePath = "./inbox"
    public var recursive = false
    public var ignoredNamePatterns = [".*", "*.part", "*.tmp", "*~", "*.swp"]
    public var maxFileSize = 10 << 20
    public var extractMaxSeconds = 10.0
    public var extractMaxCandidates = ExtractionLimits.standard.maxCandidates
    public var stateDirectory: FilePath = "./state"
    /// nil means `<stateDirectory>/feed.json`.
    public var feedPathSetting: FilePath?
    public var feedTitle = "tariffwatch alerts"
    public var feedHomePageURL: String?
    public var feedMaxItems = 500
    public var alertCountries: [String] = []
    public var alertProducts: [String] = []
    public var minimumRateChange = 0.0
    public var alertUnknownImposers = false
    public var minimumConfidence = 0.0
    public var warningDays = 7
    public var remindDays = [7, 1]
    public var logLevel: Logger.Level = .info

    public init() {}

    public var feedPath: FilePath { feedPathSetting ?? stateDirectory.appending("feed.json") }

    /// What one article may cost to extract.
    public var extractionLimits: ExtractionLimits {
        var limits = ExtractionLimits.standard
        limits.maxDuration = .milliseconds(Int64(extractMaxSeconds * 1_000))
        limits.maxCandidates = extractMaxCandidates
        return limits
    }
}

/// Command-line flags that override the configuration (`run --watch-dir …`).
public struct SettingsOverrides: Sendable, Equatable {
    public var watchDirectory: String?
    public var stateDirectory: String?
    public var feedPath: String?

    public init(watchDirectory: String? = nil, stateDirectory: String? = nil, feedPath: String? = nil) {
        self.watchDirectory = watchDirectory
        self.stateDirectory = stateDirectory
        self.feedPath = feedPath
    }

    func apply(to settings: inout Settings) {
        if let watchDirectory { settings.watchDirectory = FilePath(watchDirectory) }
        if let stateDirectory { settings.stateDirectory = FilePath(stateDirectory) }
        if let feedPath { settings.feedPathSetting = FilePath(feedPath) }
    }
}
