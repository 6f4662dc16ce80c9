import CompressNIO
public import FactStore
public import Foundation
public import Hummingbird
import NIOCore
import Synchronization
public import SystemPackage
public import TariffExtraction

/// The handlers behind `/feed.json`, `/deadlines.ics` and `/healthz`.
///
/// Everything is read on each request (the feed file, the state), so the server needs no signal from
/// the daemon and may run as another user with read-only access. Responses carry validators so a
/// polling reader costs a `stat` and a 304. The calendar is made again only when the state's deadlines
/// changed or the day did (`CalendarVersion`): a request finding neither costs one row read.
public struct FeedRoutes: Sendable {
    public let feedPath: FilePath
    public let state: StateReader
    public let calendar: DeadlineCalendar
    /// Today in UTC; injected by tests.
    public let today: @Sendable () -> CalendarDate
    private let gzipCache = GzipCache()
    private let calendarCache = CalendarCache()

    public init(
        feedPath: FilePath, stateDirectory: FilePath, calendar: DeadlineCalendar,
        today: @escaping @Sendable () -> CalendarDate = { CalendarDate.utcDay(of: Date()) }
    ) {
        self.feedPath = feedPath
        self.state = StateReader(directory: stateDirectory.string)
        self.calendar = calendar
        self.today = today
    }

    /// Adds the routes to `router`.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("feed.json") { request, _ in try self.feed(request) }
        router.head("feed.json") { request, _ in try self.feed(request).withoutBody }
        router.get("deadlines.ics") { request, _ in try self.deadlines(request) }
        router.head("deadlines.ics") { request, _ in try self.deadlines(request).withoutBody }
        router.get("healthz") { _, _ in self.health() }
    }

    /// The JSON Feed file as the daemon last wrote it. Its entity tag is a hash of its bytes: the daemon puts
    /// one of two files under the name in turn (it writes the next document into the one the last swap
    /// replaced, as changes), so an inode comes back, with the same size, and two versions can share an mtime
    /// (the clock the kernel stamps files with ticks every few milliseconds).
    func feed(_ request: Request) throws -> Response {
        let data: Data
        let validators: Validators
        do {
            // Open once and stat the open file: a rename between a stat and a read cannot mismatch them.
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: feedPath.string))
            defer { try? handle.close() }
            var info = stat()
            guard fstat(handle.fileDescriptor, &info) == 0 else { throw Errno(rawValue: errno) }
            data = try handle.readToEnd() ?? Data()
            let mtime = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
            validators = Validators(
                entityTag: String(data.withUnsafeBytes { contentHash($0) }, radix: 16) + "-" + String(data.count, radix: 16),
                lastModified: mtime)
        } catch {
            let reason = (error as NSError).code == NSFileReadNoSuchFileError ? "the daemon has not written it yet" : "\(error)"
            throw HTTPError(.serviceUnavailable, message: "cannot read the feed \(feedPath): \(reason)\n")
        }
        return try respond(
            request, body: ByteBuffer(bytes: data), validators: validators, contentType: "application/feed+json; charset=utf-8")
    }

    /// The upcoming deadlines as iCalendar, computed from the state. Its tag is a hash of the text;
    /// it is last modified at the newest fact change or at today's midnight (UTC), when passed
    /// deadlines drop out.
    func deadlines(_ request: Request) throws -> Response {
        let made = try currentCalendar()
        return try respond(request, body: made.body, validators: made.validators, contentType: "text/calendar; charset=utf-8")
    }

    /// The calendar of today's upcoming deadlines: the one made last when neither the day nor the state's deadlines
    /// changed since, else made from the state (and kept, when the state keeps a `CalendarVersion`).
    func currentCalendar() throws -> MadeCalendar {
        let today = today()
        let last = calendarCache.latest.withLock { $0 }
        let read: (version: CalendarVersion?, deadlines: [DeadlineRecord]?)
        do {
            read = try state.upcomingDeadlines(onOrAfter: today, unlessAt: last?.day == today ? last?.version : nil)
        } catch {
            throw HTTPError(.serviceUnavailable, message: "\(error)\n")
        }
        // no deadlines read: the state is still at the version `last` was made from (only its version is passed)
        if let last, read.deadlines == nil { return last }
        let records = read.deadlines ?? []
        let text = calendar.calendar(records).text
        let midnight = Date(timeIntervalSince1970: TimeInterval(today.daysSinceEpoch) * 86_400)
        let validators = Validators(
            entityTag: String(Array(text.utf8).withUnsafeBytes { contentHash($0) }, radix: 16), lastModified: max(records.map(\.updated).max() ?? midnight, midnight))
        let made = MadeCalendar(day: today, version: read.version, body: ByteBuffer(string: text), validators: validators)
        if read.version != nil { calendarCache.latest.withLock { $0 = made } }
        return made
    }

    /// 200 when the feed file and the state can be read, 503 naming what cannot. The state is opened and one row
    /// read: listing the deadlines, as it once did, cost a health check a read of every deadline the state kept.
    func health() -> Response {
        var problems: [String] = []
        if access(feedPath.string, R_OK) != 0 { problems.append("feed \(feedPath): \(String(cString: strerror(errno)))") }
        do { _ = try state.calendarVersion() } catch { problems.append("state: \(error)") }
        let ok = problems.isEmpty
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let text = ok ? "ok\n" : problems.map { "unhealthy: \($0)\n" }.joined()
        return Response(status: ok ? .ok : .serviceUnavailable, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// 304 when the client's copy is current, else the body, gzip-compressed when the client accepts it.
    private func respond(_ request: Request, body: ByteBuffer, validators: Validators, contentType: String) throws -> Response {
        let gzip = acceptsGzip(request.headers[values: .acceptEncoding])
        var served = validators
        if gzip { served.entityTag += "-gzip" }
        var headers = HTTPFields()
        headers[.eTag] = served.eTagHeader
        headers[.lastModified] = validators.lastModifiedHeader
        headers[.vary] = "Accept-Encoding"
        // Readers may keep a copy but must ask again each time (cheaply, with the validators).
        headers[.cacheControl] = "no-cache"
        let notModified = validators.notModified(
            ifNoneMatch: request.headers[values: .ifNoneMatch], ifModifiedSince: request.headers[.ifModifiedSince],
            alternateTags: [validators.entityTag + "-gzip"])
        if notModified { return Response(status: .notModified, headers: headers) }
        headers[.contentType] = contentType
        guard gzip else { return Response(status: .ok, headers: headers, body: .init(byteBuffer: body)) }
        headers[.contentEncoding] = "gzip"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: try compressed(body, tag: served.entityTag)))
    }

    /// The gzip body, compressed once per version (many readers poll the same feed).
    private func compressed(_ body: ByteBuffer, tag: String) throws -> ByteBuffer {
        if let cached = gzipCache.latest.withLock({ $0 }), cached.tag == tag { return cached.body }
        var input = body
        let output = try input.compress(with: .gzip())
        gzipCache.latest.withLock { $0 = (tag, output) }
        return output
    }
}

/// A calendar as served, with the day and the state's version it was made for.
struct MadeCalendar: Sendable {
    var day: CalendarDate
    var version: CalendarVersion?
    var body: ByteBuffer
    var validators: Validators
}

/// The calendar made last, shared by the server's connections.
private final class CalendarCache: Sendable {
    let latest = Mutex<MadeCalendar?>(nil)
}

/// The last gzip body with its tag, shared by the server's connections.
private final class GzipCache: Sendable {
    let latest = Mutex<(tag: String, body: ByteBuffer)?>(nil)
}

extension Response {
    /// The same head without a body, for HEAD (Content-Length is left to the server).
    var withoutBody: Response {
        Response(status: status, headers: headers)
    }
}

/// A stable 64-bit hash of `bytes` for an entity tag (not a security property): FNV-1a's step taken over
/// 8-byte words, each followed by a shift that folds the high bits down, then the bytes left one by one. Every
/// step is a bijection of the hash, so documents that differ in one word never share a tag. A whole feed
/// (1.5 MB) is hashed at each request: a word a step takes an eighth of the dependent multiplications a byte a
/// step would.
func contentHash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let prime: UInt64 = 0x100_0000_01b3
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var offset = 0
    while offset + 8 <= bytes.count {
        hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
        hash ^= hash >> 29
        offset += 8
    }
    while offset < bytes.count {
        hash = (hash ^ UInt64(bytes[offset])) &* prime
        offset += 1
    }
    return hash
}
