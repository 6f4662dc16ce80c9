import Hummingbird
import HummingbirdCore
public import Logging
public import NIOCore
import NIOExtras
import NIOPosix
public import ServiceLifecycle
import Systemd

/// Hummingbird's HTTP/1.1 channel and router on a socket systemd passed in, or on one it binds.
///
/// Hummingbird's `Application` can only bind an address itself; socket activation hands over a
/// socket that is already bound and listening, so this service does what `Application.run` does
/// (router responder, HTTP1Channel, graceful quiescing) on NIO's `bind(_ socket:)`.
public struct FeedHTTPServer: Service {
    let listen: ListenTarget
    let routes: FeedRoutes
    let logger: Logger
    /// Called with the bound address once the server accepts connections (tests use port 0).
    let onListening: @Sendable (SocketAddress?) async -> Void

    public init(
        listen: ListenTarget, routes: FeedRoutes, logger: Logger,
        onListening: @escaping @Sendable (SocketAddress?) async -> Void = { _ in }
    ) {
        self.listen = listen
        self.routes = routes
        self.logger = logger
        self.onListening = onListening
    }

    /// Runs until SIGTERM or SIGINT, then lets requests in flight finish.
    public func runUntilTerminated() async throws {
        try await ServiceGroup(
            configuration: .init(services: [TerminationSignals.configuration, .init(service: self, serviceName: "feed-http")], logger: logger)
        ).run()
    }

    public func run() async throws {
        let router = Router(context: BasicRequestContext.self)
        routes.register(on: router)
        let responder = router.buildResponder()
        let logger = self.logger
        let http = HTTP1Channel(
            responder: { request, responseWriter, channel in
                let context = BasicRequestContext(source: .init(channel: channel, logger: logger))
                var response: Response
                do {
                    response = try await responder.respond(to: request, context: context)
                } catch {
                    logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
                    response = Response(status: .internalServerError)
                }
                response.headers[.server] = "tariffwatch"
                try await responseWriter.write(response: response.head, body: response.body)
            },
            configuration: .init(idleTimeout: .seconds(60)))

        let group = MultiThreadedEventLoopGroup.singleton
        let quiescing = ServerQuiescingHelper(group: group)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(quiescing.makeServerChannelHandler(channel: channel))
                }
            }
        let server: NIOAsyncChannel<HTTP1Channel.Value, Never>
        do {
            switch listen {
            case .activated(let descriptor):
                server = try await bootstrap.bind(descriptor) { http.setup(channel: $0, logger: logger) }
            case .address(let host, let port):
                server = try await bootstrap.bind(host: host, port: port) { http.setup(channel: $0, logger: logger) }
            }
        } catch {
            throw FeedServerError(what: "cannot listen on \(listen)", reason: "\(error)")
        }
        logger.info(
            "serving the feed and the deadline calendar",
            metadata: ["listen": "\(listen)", "address": "\(server.channel.localAddress.map { "\($0)" } ?? "?")"])
        await onListening(server.channel.localAddress)

        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { connections in
                do {
                    try await server.executeThenClose { inbound in
                        for try await connection in inbound {
                            connections.addTask { await http.handle(value: connection, logger: logger) }
                        }
                    }
                } catch is CancellationError {
                    // Stopped by the caller (tests cancel instead of signalling).
                } catch {
                    logger.error("cannot accept connections", metadata: ["error": "\(error)"])
                }
            }
        } onGracefulShutdown: {
            // Stop accepting, let requests in flight finish, close idle connections.
            quiescing.initiateShutdown(promise: nil)
        }
    }
}

/// Where `serve` listens.
public enum ListenTarget: Sendable, Equatable, CustomStringConvertible {
    /// A listening socket passed by systemd (`LISTEN_FDS`).
    case activated(descriptor: CInt)
    /// An address to bind: `--listen 127.0.0.1:8723`.
    case address(host: String, port: Int)

    public var description: String {
        switch self {
        case .activated(let descriptor): "socket \(descriptor) from systemd"
        case .address(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        }
    }

    /// The socket systemd passed, else `listen` parsed.
    /// - Parameters:
    ///   - activated: `ServiceManager.listenFileDescriptors()`.
    ///   - listen: `--listen ADDR:PORT` (`[::1]:8723` for IPv6).
    /// - Throws: `FeedServerError` when there is neither, or `listen` is not `ADDR:PORT`.
    public static func choose(activated: [CInt], listen: String?) throws(FeedServerError) -> ListenTarget {
        if let listen { return try parse(listen) }
        if activated.count > 1 {
            throw FeedServerError(
                what: "systemd passed \(activated.count) sockets", reason: "tariffwatch serve listens on exactly one (one ListenStream=)")
        }
        if let first = activated.first { return .activated(descriptor: first) }
        throw FeedServerError(
            what: "nowhere to listen",
            reason: "give --listen ADDR:PORT, or start it from tariffwatch-http.socket (or systemd-socket-activate)")
    }

    /// `127.0.0.1:8723`, `localhost:8723`, `[::1]:8723`.
    static func parse(_ text: String) throws(FeedServerError) -> ListenTarget {
        let host: Substring
        let port: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            port = text[close...].dropFirst().drop { $0 == ":" }
            guard text[close...].dropFirst().hasPrefix(":") else { throw invalid(text) }
        } else {
            guard let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") else { throw invalid(text) }
            host = text[..<colon]
            port = text[colon...].dropFirst()
        }
        guard !host.isEmpty, let number = Int(port), (0...65_535).contains(number) else { throw invalid(text) }
        return .address(host: String(host), port: number)
    }

    private static func invalid(_ text: String) -> FeedServerError {
        FeedServerError(what: "--listen '\(text)'", reason: "expected ADDR:PORT, like 127.0.0.1:8723 or [::1]:8723")
    }
}

/// The server could not start: what and why.
public struct FeedServerError: Error, Sendable, Equatable, CustomStringConvertible {
    public var what: String
    public var reason: String
    public var description: String { "\(what): \(reason)" }
}
