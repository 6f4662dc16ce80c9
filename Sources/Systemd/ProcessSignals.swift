public import ServiceLifecycle
import Synchronization
public import SystemPackage

#if canImport(Glibc)
public import Glibc
#elseif canImport(Musl)
public import Musl
#endif

/// The signals a service manager sends (SIGTERM and SIGINT to stop, SIGHUP to reload), as async sequences.
///
/// Not swift-service-lifecycle's `UnixSignalsSequence`: it uses libdispatch signal sources, and the first of them
/// starts libdispatch's event thread, which asks for nice -4 and is refused to an unprivileged process
/// (`DescriptorWatch` says where). Here a `sigaction(2)` handler writes the signal's number to a pipe (the
/// self-pipe: `write` is all a handler may safely do, and it works whichever thread the kernel picks, including
/// the main thread libdispatch parks in `sigsuspend` with every signal unblocked), and one `DescriptorWatch`
/// thread for the whole process reads the pipe and hands each number to the sequences waiting for it.
public final class ProcessSignals: Sendable {
    /// The signal numbers as they arrive; finished by `stop()`.
    public let received: AsyncStream<CInt>
    private let signals: [CInt]
    private let id: Int

    /// Catches `signals` from now on and delivers them to `received`. While no `ProcessSignals` waits for it,
    /// a signal caught once stays caught and is dropped (a second SIGTERM during shutdown does not kill).
    /// - Throws: `Errno` from `pipe(2)`, `eventfd(2)` or `sigaction(2)` the first time.
    public init(_ signals: [CInt]) throws(Errno) {
        let hub = try SignalHub.shared()
        let (stream, continuation) = AsyncStream.makeStream(of: CInt.self)
        received = stream
        self.signals = signals
        id = hub.add(continuation, for: signals)
        for signal in signals { try hub.catch(signal) }
    }

    /// Stops delivering to `received` and finishes it.
    public func stop() {
        SignalHub.existing?.remove(id, for: signals)
    }

    deinit {
        stop()
    }
}

/// The process's one signal pipe and who waits for which signal; a `DescriptorWatch` thread reads the pipe for
/// the life of the process.
private final class SignalHub: Sendable {
    private struct Waiters {
        var next = 0
        var bySignal: [CInt: [Int: AsyncStream<CInt>.Continuation]] = [:]
        var caught: Set<CInt> = []
    }

    private let waiters = Mutex(Waiters())
    private static let instance = Mutex<SignalHub?>(nil)

    /// Where the handler writes: set once, before the first `sigaction`, and never closed.
    nonisolated(unsafe) static var pipeWriteEnd: CInt = -1

    static var existing: SignalHub? { instance.withLock { $0 } }

    /// The hub, created with its pipe and reader thread on first use.
    static func shared() throws(Errno) -> SignalHub {
        try instance.withLock { (hub: inout SignalHub?) throws(Errno) -> SignalHub in
            if let hub { return hub }
            var ends: [CInt] = [-1, -1]
            guard pipe(&ends) == 0 else { throw Errno(rawValue: errno) }
            for end in ends {
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            }
            let created = SignalHub()
            do throws(Errno) {
                // The watch's thread holds it (and the hub) for the life of the process.
                let readEnd = ends[0]
                _ = try DescriptorWatch(descriptor: readEnd, name: "tw-signals") { created.deliver(from: readEnd) }
            } catch {
                close(ends[1])
                throw error
            }
            pipeWriteEnd = ends[1]
            hub = created
            return created
        }
    }

    func add(_ continuation: AsyncStream<CInt>.Continuation, for signals: [CInt]) -> Int {
        waiters.withLock { waiters in
            let id = waiters.next
            waiters.next += 1
            for signal in signals { waiters.bySignal[signal, default: [:]][id] = continuation }
            return id
        }
    }

    func remove(_ id: Int, for signals: [CInt]) {
        let removed = waiters.withLock { waiters in
            signals.compactMap { waiters.bySignal[$0]?.removeValue(forKey: id) }
        }
        removed.first?.finish()
    }

    /// Installs the handler for `signal`, once (`SA_RESTART`: system calls it interrupts resume).
    func `catch`(_ signal: CInt) throws(Errno) {
        guard waiters.withLock({ $0.caught.insert(signal).inserted }) else { return }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            var number = UInt8(truncatingIfNeeded: signal)
            let saved = errno
            _ = write(SignalHub.pipeWriteEnd, &number, 1)
            errno = saved
        }
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        guard sigaction(signal, &action, nil) == 0 else { throw Errno(rawValue: errno) }
    }

    /// Hands each number in the pipe to its waiters.
    private func deliver(from readEnd: CInt) {
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readEnd, &buffer, buffer.count)
            guard count > 0 else { return }
            for number in buffer[..<count] {
                let signal = CInt(number)
                for continuation in waiters.withLock({ Array(($0.bySignal[signal] ?? [:]).values) }) {
                    continuation.yield(signal)
                }
            }
        }
    }
}

/// A service that returns at the first SIGTERM or SIGINT: configured with `.gracefullyShutdownGroup` (as
/// `configuration` is), that shuts its `ServiceGroup` down gracefully. It ends too when the group shuts down
/// for another reason.
public struct TerminationSignals: Service {
    public init() {}

    /// This service as a group runs it.
    public static var configuration: ServiceGroupConfiguration.ServiceConfiguration {
        .init(
            service: TerminationSignals(), successTerminationBehavior: .gracefullyShutdownGroup, serviceName: "termination-signals")
    }

    public func run() async throws {
        let signals = try ProcessSignals([SIGTERM, SIGINT])
        defer { signals.stop() }
        for await _ in signals.received.cancelOnGracefulShutdown() { return }
    }
}
