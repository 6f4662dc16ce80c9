public import AlertDelivery
public import ArticleWatcher
public import FactStore
public import Logging
public import ServiceLifecycle
public import Systemd
public import SystemPackage
import Foundation

/// The daemon, assembled: what `tariffwatch run` starts and what tests start with their own settings.
public struct Application: Sendable {
    public let settings: Settings
    public let store: FactStore
    public let serviceGroup: ServiceGroup
    /// Held while this value lives: a second daemon on the same state directory fails at start.
    public let stateLock: StateDirectoryLock

    /// Builds every part from `settings`; nothing runs until `run()`.
    /// - Parameters:
    ///   - configFile: re-read on SIGHUP.
    ///   - journalEnabled: send alerts and events to the journal (default: when a journald is reachable).
    ///   - reminderClock: when deadline reminders fall due (tests fake it).
    /// - Throws: `ApplicationError` naming the folder or database that could not be set up.
    public init(
        settings: Settings, configFile: FilePath? = nil, overrides: SettingsOverrides = .init(),
        journalEnabled: Bool = Journal.isAvailable, journal: JournalTransport = .system,
        reminderClock: any ReminderClock = SystemReminderClock(), logger: Logger
    ) throws {
        self.settings = settings
        try Self.createDirectory(settings.stateDirectory, what: "state directory")
        do {
            stateLock = try StateDirectoryLock(stateDirectory: settings.stateDirectory)
        } catch {
            throw ApplicationError(what: "cannot start", reason: "\(error)")
        }
        try Self.createDirectory(settings.feedPath.removingLastComponent(), what: "feed directory")
        for leftover in LeftoverFeedFiles.remove(feed: settings.feedPath) {
            logger.notice("removed a temporary feed file left by a stopped daemon", metadata: ["file": "\(leftover)"])
        }
        try Self.createDirectory(settings.watchDirectory, what: "watched folder")
        if settings.afterProcessing == .move, let archive = settings.archiveDirectory {
            try Self.createDirectory(archive, what: "archive folder (watch.archive_directory)")
            try InboxHousekeeper.checkRenameWorks(from: settings.watchDirectory, to: archive)
        }
        do {
            store = try FactStore(directory: settings.stateDirectory.string)
        } catch {
            throw ApplicationError(what: "cannot open the state database in \(settings.stateDirectory)", reason: "\(error)")
        }
        let watcher: DirectoryWatcher
        do {
            watcher = try DirectoryWatcher(
                options: WatchOptions(
                    directory: settings.watchDirectory, recursive: settings.recursive,
                    ignoredNamePatterns: settings.ignoredNamePatterns),
                logger: logger)
        } catch {
            throw ApplicationError(what: "cannot watch \(settings.watchDirectory)", reason: "\(error)")
        }

        let live = LiveSettings(settings)
        let trigger = DeliveryTrigger()
        let reminderWake = WakeChannel()
        let heartbeat = Heartbeat()
        let serviceStatus = ServiceStatus()
        let events = OperationalEvents(logger: logger, journalEnabled: journalEnabled)
        var dispatcherOptions = settings.dispatcherOptions
        dispatcherOptions.journalEnabled = journalEnabled
        let dispatcher: AlertDispatcher
        do {
            dispatcher = try AlertDispatcher(
                store: store, feed: FeedWriter(path: settings.feedPath), options: dispatcherOptions, journal: journal,
                logger: logger)
        } catch {
            throw ApplicationError(what: "cannot read the alert outbox in \(settings.stateDirectory)", reason: "\(error)")
        }
        var processor = ArticleProcessor(
            reader: ArticleReader(root: settings.watchDirectory, maxFileSize: settings.maxFileSize), store: store,
            policy: settings.alertPolicy, events: events, logger: logger)
        processor.limits = settings.extractionLimits
        processor.dispatcher = dispatcher
        processor.raisedAlerts = { trigger.signal(.feed) }
        // (`publishedFeed` is the ingest service's: it tells the feed loop once the lane is quiet, `QuietSignals`.)
        let archived = WakeChannel()
        if settings.afterProcessing != .keep {
            processor.housekeeper = InboxHousekeeper(
                mode: settings.afterProcessing, watchDirectory: settings.watchDirectory, archiveDirectory: settings.archiveDirectory,
                store: store, logger: logger, archived: archived)
        }

        // Graceful shutdown runs in reverse order: ingest stops first, then delivery flushes.
        // Each service is named: without a name, ServiceLifecycle describes the whole value with reflection,
        // which costs more than the rest of start-up together (every type it meets is a full scan of the
        // binary's protocol conformances) and names nothing a reader of the log can use.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            TerminationSignals.configuration,
            .init(
                service: DeliveryService(
                    dispatcher: dispatcher, trigger: trigger, store: store, heartbeat: heartbeat, events: events,
                    serviceStatus: serviceStatus, watchJournalSocket: journalEnabled, logger: logger),
                serviceName: "delivery"),
            .init(
                service: ReloadService(
                    configFile: configFile, overrides: overrides, settings: live, dispatcher: dispatcher, status: serviceStatus,
                    logger: logger),
                successTerminationBehavior: .ignore, serviceName: "reload"),
        ]
        services.append(
            .init(
                service: ReminderService(
                    store: store, settings: live, delivery: trigger, wake: reminderWake, clock: reminderClock,
                    lane: BlockingLane(label: "reminders"), logger: logger),
                successTerminationBehavior: .ignore, serviceName: "reminders"))
        if settings.afterProcessing == .move, let retentionDays = settings.retentionDays {
            services.append(
                .init(
                    service: ArchiveRetentionService(
                        store: store, retentionDays: retentionDays, wake: archived, clock: reminderClock,
                        lane: BlockingLane(label: "archive-retention"), logger: logger),
                    successTerminationBehavior: .ignore, serviceName: "archive-retention"))
        }
        if let interval = ServiceManager.watchdogInterval() {
            services.append(
                .init(
                    service: WatchdogService(interval: interval, heartbeat: heartbeat, logger: logger),
                    successTerminationBehavior: .ignore, serviceName: "watchdog"))
        }
        services.append(
            .init(
                service: IngestService(
                    watcher: watcher, processor: processor, settings: live, trigger: trigger, heartbeat: heartbeat,
                    events: events, serviceStatus: serviceStatus, store: store, lane: BlockingLane(label: "ingest"), logger: logger, reminders: reminderWake),
                successTerminationBehavior: .gracefullyShutdownGroup, serviceName: "ingest"))
        serviceGroup = ServiceGroup(
            configuration: .init(services: services, logger: logger))
    }

    /// Runs until SIGTERM/SIGINT, then finishes the current file, delivers what is pending and returns.
    public func run() async throws {
        try await serviceGroup.run()
    }

    /// Creates a folder the daemon needs (with its parents); fails fast, naming the folder and the part of
    /// the path that is in the way, when that is impossible or something other than a folder is there.
    private static func createDirectory(_ path: FilePath, what: String) throws {
        let target = path.isEmpty ? FilePath(".") : path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.string, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw ApplicationError(what: "cannot use the \(what) \(target)", reason: "it exists and is not a folder")
            }
            return
        }
        // Parents first, each created or found as a folder, so the error names the exact component.
        var prefix = target.root.map { FilePath(root: $0) } ?? FilePath("")
        for component in target.components {
            prefix.append(component)
            do {
                try StartupSyscalls.makeDirectory(prefix)
                StateOwnership.adopt(path: prefix.string)
            } catch .fileExists {
                if FileManager.default.fileExists(atPath: prefix.string, isDirectory: &isFolder), !isFolder.boolValue {
                    throw ApplicationError(what: "cannot create the \(what) \(target)", reason: "\(prefix) is not a folder")
                }
            } catch {
                throw ApplicationError(what: "cannot create the \(what) \(target)", reason: "\(prefix): \(error)")
            }
        }
    }
}

/// The daemon could not start; says what and why.
public struct ApplicationError: Error, Sendable, CustomStringConvertible {
    public var what: String
    public var reason: String
    public var description: String { "\(what): \(reason)" }
}
