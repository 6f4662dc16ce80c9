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
    /// Told after each batch: a new deadline may need a reminder (`ReminderService`).
    var reminders: WakeChannel? = nil
    /// Gives the heap's freed pages back between batches, so a burst's peak RSS follows what is in use.
    let heap = Heap.Trimmer(interval: .milliseconds(100))

    func run() async throws {
        // Events wait in the queue while the folder is scanned.
        let queue = IngestQueue(capacity: watcher.options.eventBufferLimit)
        watcher.start(into: queue)
        // Also when the loop fails (the state cannot be read at start-up): the watcher's thread ends with it.
        defer { watcher.stop() }
        // The whole loop runs on the ingest lane, whose thread blocks in `queue.take` between files: a file the
        // watcher hands over wakes that thread alone (see `IngestQueue`).
        let ingest = self
        let quiet = QuietSignals(trigger: trigger, reminders: reminders)
        try await withTaskCancellationHandler {
            try await withGracefulShutdownHandler {
                try await lane.run {
                    defer { quiet.send() }
                    try ingest.ingest(from: queue, quiet: quiet)
                }
            } onGracefulShutdown: {
                queue.close()
            }
        } onCancel: {
            queue.close()
        }
        guard queue.isClosed else {
            // The watcher ended on its own: fail so that systemd (Restart=on-failure) starts us again.
            trigger.finish()
            throw ApplicationError(what: "the folder watcher stopped", reason: "its event stream ended")
        }
        // The current file is finished (events are handled one at a time); delivery flushes next.
        notify([.stopping])
        events.stopping(status: (try? store.counts().statusLine) ?? "")
        trigger.finish()
    }

    /// The ingest loop, on the lane: start-up, then the watcher's events until the queue is closed (or the
    /// watcher finished and nothing is left).
    private func ingest(from queue: IngestQueue, quiet: QuietSignals) throws {
        if let housekeeper = processor.housekeeper {
            // Moves and deletes a crash left undone, before the scan could take their files for new ones.
            try housekeeper.finishPending()
        }
        try scanAll(reason: "start-up", queue: queue, quiet: quiet)
        let counts = try store.counts()
        events.ready(watching: settings.current.watchDirectory.string, status: counts.statusLine)
        notify([.ready, .status(serviceStatus.counts(counts.statusLine))])
        while let batch = queue.take(
            maximum: Self.batchLimit, quietAfter: quiet.isOwing ? QuietSignals.delay : nil, whenQuiet: quiet.send)
        {
            quiet.send()
            try handle(batch, queue: queue, quiet: quiet)
        }
    }

    /// The most files stored in one transaction; with `ArticleProcessor`'s 50 ms budget this bounds how
    /// long a batch holds the state's write lock and how much it keeps in memory. Files arriving one at a
    /// time are batches of one; under a burst, each commit rewrites the same hot pages of the state
    /// (and a WAL checkpoint follows every few megabytes), so 256 files a commit cost 0.62 ms of CPU per
    /// file where 64 cost 0.79 ms (20,000-file burst, README).
    static let batchLimit = 256

    /// Handles events in order, the files among them in batches.
    private func handle(_ batch: [WatchEvent], queue: IngestQueue, quiet: QuietSignals) throws {
        var files: [ArticleProcessor.Item] = []
        for event in batch {
            switch event {
            case .fileReady(let path):
                files.append(.init(path))
            case .attributesChanged(let path):
                files.append(.init(path, reconsidering: true))
            case .rescanNeeded(let reason):
                try process(files, queue: queue, quiet: quiet)
                files = []
                try scanAll(reason: reason, queue: queue, quiet: quiet)
            case .directoryMissing(let path):
                try process(files, queue: queue, quiet: quiet)
                files = []
                events.folderMissing(path: path.string, detail: "deleted, moved or replaced")
            }
        }
        try process(files, queue: queue, quiet: quiet)
    }

    /// Processes every file in the folder that is not yet in the state.
    private func scanAll(reason: String, queue: IngestQueue, quiet: QuietSignals) throws {
        let paths: [FilePath]
        do {
            paths = try watcher.scan()
        } catch {
            logger.error("cannot scan the watched folder", metadata: ["reason": "\(reason)", "error": "\(error)"])
            return
        }
        logger.info("scanning watched folder", metadata: ["reason": "\(reason)", "files": "\(paths.count)"])
        var start = 0
        while start < paths.count {
            if queue.isClosed { break }
            let end = min(paths.count, start + Self.batchLimit)
            try process(paths[start..<end].map { ArticleProcessor.Item($0) }, queue: queue, quiet: quiet)
            start = end
        }
    }

    /// Puts files through the pipeline, in as many batches as the processor's time budget needs, waking
    /// delivery after each. A state database that refuses the write (disk full) is reported once and the
    /// batch retried with a growing pause until it works or the daemon stops; no file is ever skipped (after
    /// a stop the start-up scan takes it). What the other loops are owed after a batch the lane delivered
    /// itself waits in `quiet` (see `QuietSignals`).
    private func process(_ files: [ArticleProcessor.Item], queue: IngestQueue, quiet: QuietSignals) throws {
        guard !files.isEmpty else { return }
        var processor = self.processor
        processor.policy = settings.current.alertPolicy
        processor.publishedFeed = { quiet.owe(.feedSettle) }
        var backoff = RetryBackoff()
        var failingSince: ContinuousClock.Instant?
        var remaining = files[...]
        while !remaining.isEmpty {
            let batch = Array(remaining)
            do {
                heartbeat.busy(.ingest)
                defer { heartbeat.idle(.ingest) }
                let outcomes = try processor.process(batch: batch)
                remaining = remaining.dropFirst(outcomes.count)
                // A batch that raised alerts woke the feed's delivery from the lane, right after its commit (or
                // published the feed itself), and sent its journal entries: the journal loop only marks them.
                let raised = outcomes.contains { if case .processed(let alerts) = $0 { alerts > 0 } else { false } }
                if raised && processor.raisedAlerts != nil { quiet.owe(.journal) } else { trigger.signal() }
                heap.trimIfDue()
                if let since = failingSince {
                    events.stateWritableAgain(directory: store.directory, after: since.duration(to: .now))
                    failingSince = nil
                    backoff.reset()
                }
                quiet.owe(.reminders)
            } catch let error as FactStoreError {
                let pause = backoff.next()
                if failingSince == nil {
                    failingSince = .now
                    events.stateUnwritable(directory: store.directory, reason: error.description, retryIn: pause)
                } else {
                    logger.debug("state still cannot be written", metadata: ["files": "\(batch.count)", "error": "\(error)"])
                }
                // Stopping: the files stay unrecorded and are processed at the next start.
                guard queue.pause(for: pause) else { return }
            }
        }
    }

    private func notify(_ states: [NotifyState]) {
        do { try ServiceManager.notify(states) } catch { logger.warning("sd_notify failed", metadata: ["error": "\(error)"]) }
    }
}
