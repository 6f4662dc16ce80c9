import Configuration
public import Foundation
import Logging
public import SystemPackage

extension Settings {
    /// Reads the YAML file (if any), then `TARIFFWATCH_*` environment variables, then `overrides`.
    /// - Parameters:
    ///   - file: the YAML file; nil uses only the defaults and the environment.
    ///   - environment: the process environment (injected by tests).
    /// - Throws: `SettingsError` naming the file or key and what is wrong with it.
    public static func load(
        file: FilePath?, environment: [String: String] = ProcessInfo.processInfo.environment,
        overrides: SettingsOverrides = .init()
    ) async throws(SettingsError) -> Settings {
        var providers: [any ConfigProvider] = [
            EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: "tariffwatch")
        ]
        if let file {
            let text = try readConfigurationFile(file)
            if try StrictYAMLCheck(source: file.string).check(text) {
                do {
                    providers.append(try await FileProvider<YAMLSnapshot>(filePath: file))
                } catch {
                    throw SettingsError(source: file.string, problem: "not valid YAML: \(error)")
                }
            }
        }
        var settings = try Settings(reader: ConfigReader(providers: providers), source: file?.string ?? "environment")
        overrides.apply(to: &settings)
        try settings.validate(source: file?.string ?? "settings")
        settings.makePathsAbsolute(relativeTo: FilePath(FileManager.default.currentDirectoryPath))
        return settings
    }

    /// The file's text, or an error that says whether it is missing or not readable.
    private static func readConfigurationFile(_ file: FilePath) throws(SettingsError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file.string))
        } catch let error as CocoaError where error.code == .fileReadNoPermission {
            throw SettingsError(source: file.string, problem: "permission denied reading the configuration file")
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            throw SettingsError(source: file.string, problem: "the configuration file does not exist")
        } catch {
            throw SettingsError(source: file.string, problem: "cannot read the configuration file: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SettingsError(source: file.string, problem: "the configuration file is not UTF-8 text")
        }
        return text
    }

    /// Builds settings from any configuration reader; missing keys keep their defaults.
    init(reader: ConfigReader, source: String) throws(SettingsError) {
        self.init()
        let keys = KeyReader(reader: reader, source: source)
        watchDirectory = FilePath(try keys.string("watch.directory", default: watchDirectory.string))
        recursive = try keys.bool("watch.recursive", default: recursive)
        ignoredNamePatterns = try keys.strings("watch.ignore", default: ignoredNamePatterns)
        maxFileSize = try keys.int("watch.max_file_size", default: maxFileSize)
        extractMaxSeconds = try keys.double("extract.max_seconds", default: extractMaxSeconds)
        extractMaxCandidates = try keys.int("extract.max_candidates", default: extractMaxCandidates)
        stateDirectory = FilePath(try keys.string("state.directory", default: stateDirectory.string))
        feedPathSetting = try keys.optionalString("feed.path").map { FilePath($0) }
        feedTitle = try keys.string("feed.title", default: feedTitle)
        feedHomePageURL = try keys.optionalString("feed.home_page_url")
        feedMaxItems = try keys.int("feed.max_items", default: feedMaxItems)
        alertCountries = try keys.strings("alerts.countries", default: alertCountries).map { $0.uppercased() }
        alertProducts = try keys.strings("alerts.products", default: alertProducts)
        minimumRateChange = try keys.double("alerts.minimum_rate_change", default: minimumRateChange)
        warningDays = try keys.int("alerts.warning_days", default: warningDays)
        remindDays = try keys.ints("alerts.remind_days", default: remindDays)
        alertUnknownImposers = try keys.bool("alerts.unknown_imposers", default: alertUnknownImposers)
        minimumConfidence = try keys.double("alerts.minimum_confidence", default: minimumConfidence)
        let level = try keys.string("log.level", default: logLevel.rawValue)
        guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
            throw SettingsError(
                source: source, key: "log.level",
                problem: "'\(level)' is not a log level (trace, debug, info, notice, warning, error, critical)")
        }
        logLevel = parsed
    }

    /// Relative folders are taken from the working directory once, at load: journal entries and
    /// feed items then name files unambiguously.
    mutating func makePathsAbsolute(relativeTo base: FilePath) {
        func absolute(_ path: FilePath) -> FilePath { path.isAbsolute ? path.lexicallyNormalized() : base.pushing(path).lexicallyNormalized() }
        watchDirectory = absolute(watchDirectory)
        stateDirectory = absolute(stateDirectory)
        feedPathSetting = feedPathSetting.map(absolute)
    }

    /// Largest `watch.max_file_size`: 1 GiB; far above any article, and no size arithmetic can overflow below it.
    static let maxFileSizeLimit = 1 << 30
    /// Largest `alerts.warning_days`: ten years.
    static let warningDaysLimit = 3_660

    /// Checks values that parse but make no sense.
    func validate(source: String) throws(SettingsError) {
        func fail(_ key: String, _ problem: String) -> SettingsError { SettingsError(source: source, key: key, problem: problem) }
        if watchDirectory.isEmpty { throw fail("watch.directory", "must not be empty") }
        if stateDirectory.isEmpty { throw fail("state.directory", "must not be empty") }
        if maxFileSize <= 0 { throw fail("watch.max_file_size", "must be a positive number of bytes, got \(maxFileSize)") }
        if maxFileSize > Self.maxFileSizeLimit {
            throw fail("watch.max_file_size", "must be at most \(Self.maxFileSizeLimit) bytes (an article is read whole into memory), got \(maxFileSize)")
        }
        if warningDays > Self.warningDaysLimit {
            throw fail("alerts.warning_days", "must be at most \(Self.warningDaysLimit) days, got \(warningDays)")
        }
        if !minimumRateChange.isFinite { throw fail("alerts.minimum_rate_change", "must be a finite number") }
        if !(extractMaxSeconds > 0 && extractMaxSeconds <= 86_400) {
            throw fail("extract.max_seconds", "must be more than 0 and at most 86400 seconds, got \(extractMaxSeconds)")
        }
        if extractMaxCandidates <= 0 { throw fail("extract.max_candidates", "must be at least 1, got \(extractMaxCandidates)") }
        if feedMaxItems <= 0 { throw fail("feed.max_items", "must be at least 1, got \(feedMaxItems)") }
        if minimumRateChange < 0 { throw fail("alerts.minimum_rate_change", "must not be negative") }
        if !(0...1).contains(minimumConfidence) { throw fail("alerts.minimum_confidence", "must be between 0 and 1") }
        if warningDays < 0 { throw fail("alerts.warning_days", "must not be negative") }
        for days in remindDays where !(0...366).contains(days) {
            throw fail("alerts.remind_days", "\(days) is not a number of days from 0 to 366")
        }
        for code in alertCountries where code.count != 2 || !code.allSatisfy(\.isLetter) {
            throw fail("alerts.countries", "'\(code)' is not an ISO 3166-1 alpha-2 code (like CN, US, EU)")
        }
        for pattern in ignoredNamePatterns where pattern.isEmpty || pattern.contains("/") {
            throw fail("watch.ignore", "'\(pattern)' must be a file-name pattern without '/'")
        }
    }
}

/// One configuration problem, said so an operator can fix it.
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var source: String
    public var key: String?
    /// The line of the file the problem is on, when it comes from a file.
    public var line: Int?
    public var problem: String

    public init(source: String, key: String? = nil, line: Int? = nil, problem: String) {
        self.source = source
        self.key = key
        self.line = line
        self.problem = problem
    }

    /// `FILE:LINE: key: problem`, the form compilers use, so editors can jump to it.
    public var description: String {
        let place = line.map { "\(source):\($0)" } ?? source
        return key.map { "\(place): \($0): \(problem)" } ?? "\(place): \(problem)"
    }
}

/// Typed reads that tell a missing key (keep the default) from a key of the wrong type (an error).
private struct KeyReader {
    let reader: ConfigReader
    let source: String

    private func read<T>(_ key: String, _ expected: String, _ body: (ConfigKey) throws -> T) throws(SettingsError) -> T? {
        let configKey = ConfigKey(key)
        // A present key of another type reads as nil from the typed getter but as text from `string`.
        do {
            return try body(configKey)
        } catch {
            if "\(error)".hasPrefix("Missing required") { return nil }
            throw SettingsError(source: source, key: key, problem: "expected \(expected)")
        }
    }

    func string(_ key: String, default value: String) throws(SettingsError) -> String {
        try read(key, "a string") { try reader.requiredString(forKey: $0) } ?? value
    }

    func optionalString(_ key: String) throws(SettingsError) -> String? {
        let value = try read(key, "a string") { try reader.requiredString(forKey: $0) }
        return value?.isEmpty == true ? nil : value
    }

    func bool(_ key: String, default value: Bool) throws(SettingsError) -> Bool {
        try read(key, "true or false") { try reader.requiredBool(forKey: $0) } ?? value
    }

    func int(_ key: String, default value: Int) throws(SettingsError) -> Int {
        try read(key, "a whole number") { try reader.requiredInt(forKey: $0) } ?? value
    }

    func double(_ key: String, default value: Double) throws(SettingsError) -> Double {
        if let number = try read(key, "a number", { try reader.requiredDouble(forKey: $0) }) { return number }
        return Double(try int(key, default: Int(value)))
    }

    func ints(_ key: String, default value: [Int]) throws(SettingsError) -> [Int] {
        try read(key, "a list of whole numbers") { try reader.requiredIntArray(forKey: $0) } ?? value
    }

    func strings(_ key: String, default value: [String]) throws(SettingsError) -> [String] {
        try read(key, "a list of strings") { try reader.requiredStringArray(forKey: $0) } ?? value
    }
}
