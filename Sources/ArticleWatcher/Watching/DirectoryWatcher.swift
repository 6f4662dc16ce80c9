public import Logging
public import SystemPackage
import Synchronization

/// Watches one folder (optionally its whole tree) with inotify and reports files that are ready to read.
///
/// Start order for a consumer that must not miss files: create the watcher (the watch exists from here on),
/// call `events()`, then `scan()` once and process both; duplicates are possible, losses are not.
public final class DirectoryWatcher: Sendable {
    public let options: WatchOptions
    private let control: WatcherControl
    private let statistics: WatchStatistics
    private let logger: Logger

    /// Watches `options.directory`; a folder that does not exist yet is waited for, not an error.
    public convenience init(options: WatchOptions) throws(WatchError) {
        try self.init(options: options, logger: Logger(label: "tariffwatch.article-watcher"))
    }

    /// Same as `init(options:)`, logging watch problems (limits, unreadable subfolders) to `logger`.
    public init(options: WatchOptions, logger: Logger) throws(WatchError) {
        self.options = options
        self.logger = logger
        let inotifyFD: CInt
        do { inotifyFD = try Syscalls.inotifyInit() } catch { throw .inotifyUnavailable(error) }
        let queuedEventLimit = InotifyLimits.maxQueuedEvents  // the instance keeps the value it was created with
        let wakeFD: CInt
        do {
            wakeFD = try Syscalls.eventFD()
        } catch {
            Syscalls.close(inotifyFD)
            throw .wakeupUnavailable(error)
        }
        let loop = WatchLoop(
            options: options, inotifyFD: inotifyFD, wakeFD: wakeFD, queuedEventLimit: queuedEventLimit, logger: logger)
        control = WatcherControl(loop: loop)
        statistics = loop.statistics
        do {
            try loop.attachRootAtStart()
        } catch {
            control.requestStop()
            throw error
        }
    }

    deinit {
        // Closes the descriptors of a watcher that never started; a running one lives until its stream ends.
        if let loop = control.takeLoopForRunning() { control.loopFinished(loop) }
    }

    /// Events until the consuming task is cancelled or `stop()` is called. The blocking read loop runs on its
    /// own thread and feeds the stream, so the cooperative pool never blocks. Single consumer: a second call
    /// (or a call after `stop()` or `start(into:)`) returns a stream that is already finished.
    public func events() -> AsyncStream<WatchEvent> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: WatchEvent.self,
            bufferingPolicy: .bufferingOldest(max(1, options.eventBufferLimit))
        )
        guard let loop = control.takeLoopForRunning() else {
            continuation.finish()
            return stream
        }
        let control = self.control
        continuation.onTermination = { _ in control.requestStop() }
        run(loop, into: StreamSink(continuation: continuation))
        return stream
    }

    /// Hands every event to `sink` on the watcher's own thread until `stop()` is called or the sink answers
    /// `.closed`, then calls its `finish()`. Single consumer: after `events()`, another `start(into:)` or
    /// `stop()`, the sink is finished at once. The sink bounds the backlog (`.full`), as `eventBufferLimit`
    /// bounds the stream's.
    public func start(into sink: some WatchEventSink) {
        guard let loop = control.takeLoopForRunning() else {
            sink.finish()
            return
        }
        run(loop, into: sink)
    }

    private func run(_ loop: WatchLoop, into sink: any WatchEventSink) {
        loop.sink = sink
        let control = self.control
        do {
            try WatcherThread.start {
                loop.run()
                control.loopFinished(loop)
                loop.sink?.finish()
                loop.sink = nil
            }
        } catch {
            logger.critical("\(WatchError.threadUnavailable(error))")
            control.loopFinished(loop)
            sink.finish()
        }
    }

    /// Ends the event stream and releases the inotify descriptors; safe to call more than once, from anywhere.
    public func stop() {
        control.requestStop()
    }

    /// Events dropped so far because the consumer fell more than `eventBufferLimit` events behind (each drop is
    /// covered by a `rescanNeeded`); worth exporting as a metric.
    public var droppedEventCount: Int { statistics.droppedEvents.load(ordering: .relaxed) }

    /// Whether the watcher has finished and released its inotify descriptors.
    public var isStopped: Bool { control.isStopped }

    /// Every candidate file now in the folder (recursively if configured), sorted by modification time, then
    /// name; ignored names are skipped. Unlistable subfolders are logged and skipped; an unlistable root throws.
    public func scan() throws(WatchError) -> [FilePath] {
        let logger = self.logger
        return try FolderWalk(options: options).candidateFiles { folder, errno in
            logger.error("\(WatchError.cannotList(folder, errno)); its files are skipped")
        }
    }
}
