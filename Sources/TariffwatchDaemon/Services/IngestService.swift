import AlertDelivery
import ArticleWatcher
import FactStore
import Logging
import ServiceLifecycle
import Systemd
import SystemPackage

/// Watches the folder and puts every complete file through the pipeline.
///
/// Start-up order matters: the inotify watch is set up first, then the folder is scanned, so a file
/// that lands during the scan is seen by one or the other (processing twice is harmless: the
/// store recognises unchanged content).
struct IngestService: Service {
    let watcher: DirectoryWatcher
    let processor: ArticleProcessor
    let settings: LiveSettings
    let trigger: DeliveryTrigger
    let heartbeat: Heartbeat
    let events: OperationalEvents
    /// `STATUS=`, shared with delivery and reload.
    let serviceStatus: ServiceStatus
    let store: FactStore
    let lane: BlockingLane
    let logger: Logger
    /// Told after each file: a new deadline may need a reminder (`ReminderService`).
    var reminders: WakeChannel? = nil

    func run() async throws {
        let watchEvents = watcher.events()
        let watchDirectory = await settings.current.watchDirectory
        if let housekeeper = processor.housekeeper {
            // Moves and deletes a crash left undone, before the scan could take their files for new ones.
            try await lane.run { try housekeeper.finishPending() }
        }
        try await scanAll(reason: "start-up")
        let counts = try store.counts()
        events.ready(watching: watchDirectory.string, status: counts.statusLine)
        notify([.ready, .status(serviceStatus.counts(counts.statusLine))])

        for await event in watchEvents.cancelOnGracefulShutdown() {
            switch event {
            case .fileReady(let path):
                try await process(path)
                trigger.signal()
            case .attributesChanged(let path):
                try await process(path, reconsidering: true)
                trigger.signal()
            case .rescanNeeded(let reason):
                try await scanAll(reason: reason)
            case .directoryMissing(let path):
                events.folderMissing(path: path.string, detail: "deleted, moved or replaced")
            }
        }
        watcher.stop()
        guard Task.isShuttingDownGracefully || Task.isCancelled else {
            // The watcher ended on its own: fail so that systemd (Restart=on-failure) starts us again.
            trigger.finish()
            throw ApplicationError(what: "the folder watcher stopped", reason: "its event stream ended")
        }
        // The current file is finished (events are handled one at a time); delivery flushes next.
        notify([.stopping])
        events.stopping(status: (try? store.counts().statusLine) ?? "")
        trigger.finish()
    }

    /// Processes every file in the folder that is not yet in the state.
    private func scanAll(reason: String) async throws {
        let paths: [FilePath]
        do {
            paths = try watcher.scan()
        } catch {
            logger.error("cannot scan the watched folder", metadata: ["reason": "\(reason)", "error": "\(error)"])
            return
        }
        logger.info("scanning watched folder", metadata: ["reason": "\(reason)", "files": "\(paths.count)"])
        for path in paths {
            if Task.isCancelled || Task.isShuttingDownGracefully { break }
            try await process(path)
            trigger.signal()
        }
    }

    /// Puts one file through the pipeline on the ingest lane (`reconsidering`: only a rejected file whose
    /// metadata changed, see `ArticleProcessor.reconsider`). A state database that refuses the write
    /// (disk full) is reported once and retried with a growing pause until it works or the daemon stops;
    /// the file is never skipped (after a stop the start-up scan takes it).
    private func process(_ path: FilePath, reconsidering: Bool = false) async throws {
        var processor = self.processor
        processor.policy = await settings.current.alertPolicy
        let heartbeat = self.heartbeat
        var backoff = RetryBackoff()
        var failingSince: ContinuousClock.Instant?
        while true {
            let work = processor
            do {
                _ = try await lane.run {
                    heartbeat.busy(.ingest)
                    defer { heartbeat.idle(.ingest) }
                    return try reconsidering ? work.reconsider(path) : work.process(path)
                }
                if let failingSince {
                    events.stateWritableAgain(directory: store.directory, after: failingSince.duration(to: .now))
                }
                reminders?.signal()
                return
            } catch let error as FactStoreError {
                let pause = backoff.next()
                if failingSince == nil {
                    failingSince = .now
                    events.stateUnwritable(directory: store.directory, reason: error.description, retryIn: pause)
                } else {
                    logger.debug("state still cannot be written", metadata: ["file": "\(path)", "error": "\(error)"])
                }
                do {
                    try await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
                } catch {
                    return  // stopping: the file stays unrecorded and is processed at the next start
                }
            }
        }
    }

    private func notify(_ states: [NotifyState]) {
        do { try ServiceManager.notify(states) } catch { logger.warning("sd_notify failed", metadata: ["error": "\(error)"]) }
    }
}
