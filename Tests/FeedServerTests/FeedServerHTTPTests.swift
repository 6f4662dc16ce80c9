import FactStore
import Logging
import Foundation
import NIOCore
import Synchronization
import SystemPackage
import TariffExtraction
import Testing

@testable import FeedServer

#if canImport(Glibc)
import Glibc
#endif

/// The routes over real HTTP: the server on a loopback port (or on a socket handed over like systemd
/// does), curl as the client.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl"), "needs /usr/bin/curl"))
final class FeedServerHTTPTests: @unchecked Sendable {  // immutable after init
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("feedserver-\(UUID())").path
    var feedPath: String { directory + "/feed.json" }
    let today = CalendarDate(year: 2025, month: 10, day: 24)!

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    @Test func feedHasValidatorsAndAnswers304ToEitherCondition() async throws {
        try writeFeed(#"{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": []}"#)
        try await serving { base in
            let first = try await curl(base + "/feed.json")
            #expect(first.status == 200)
            #expect(first.headers["content-type"] == "application/feed+json; charset=utf-8")
            #expect(first.body.contains("jsonfeed.org"))
            let etag = try #require(first.headers["etag"])
            let lastModified = try #require(first.headers["last-modified"])
            #expect(etag.hasPrefix("\"") && etag.hasSuffix("\""))

            let byTag = try await curl(base + "/feed.json", headers: ["If-None-Match: \(etag)"])
            #expect(byTag.status == 304)
            #expect(byTag.body.isEmpty)
            #expect(byTag.headers["etag"] == etag)
            let byDate = try await curl(base + "/feed.json", headers: ["If-Modified-Since: \(lastModified)"])
            #expect(byDate.status == 304)

            // The daemon replaces the file (rename): a new version, a new tag, a full answer.
            try writeFeed(#"{"version": "https://jsonfeed.org/version/1.1", "title": "t2", "items": []}"#)
            let changed = try await curl(base + "/feed.json", headers: ["If-None-Match: \(etag)"])
            #expect(changed.status == 200)
            #expect(changed.body.contains("t2"))
            #expect(changed.headers["etag"] != etag)
        }
    }

    @Test func feedIsGzippedOnlyWhenAsked() async throws {
        let feed = #"{"version": "https://jsonfeed.org/version/1.1", "title": "gzip me", "items": []}"# + String(repeating: " ", count: 4000)
        try writeFeed(feed)
        try await serving { base in
            let plain = try await curl(base + "/feed.json")
            #expect(plain.headers["content-encoding"] == nil)
            #expect(plain.headers["vary"] == "Accept-Encoding")
            // --compressed sends Accept-Encoding and decodes: the same document arrives, smaller on the wire.
            let gzip = try await curl(base + "/feed.json", extra: ["--compressed", "-w", "%{size_download}"])
            #expect(gzip.headers["content-encoding"] == "gzip")
            #expect(gzip.body == feed)
            #expect(try #require(Int(gzip.written)) < feed.utf8.count / 4)
            let gzipTag = try #require(gzip.headers["etag"])
            #expect(gzipTag != plain.headers["etag"])
            let revalidated = try await curl(base + "/feed.json", headers: ["If-None-Match: \(gzipTag)"], extra: ["--compressed"])
            #expect(revalidated.status == 304)
        }
    }

    @Test func calendarListsUpcomingDeadlinesOnly() async throws {
        let store = try FactStore(directory: directory)
        _ = try store.record(
            file("a.txt"),
            extraction: Extraction(deadlines: [
                deadline("2025-10-25", end: "2025-10-27", subject: "US-China trade talks"),
                deadline("2025-11-01", kind: .effective, subject: "100% tariffs on Chinese goods"),
                deadline("2025-10-01", kind: .deadline, subject: "comment period", upcoming: false),
            ]))
        try writeFeed("{}")
        try await serving { base in
            let response = try await curl(base + "/deadlines.ics")
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "text/calendar; charset=utf-8")
            #expect(response.body.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2)
            #expect(response.body.contains("SUMMARY:US-China trade talks\r\n"))
            #expect(response.body.contains("DTSTART;VALUE=DATE:20251025\r\nDTEND;VALUE=DATE:20251028"))
            #expect(!response.body.contains("comment period"))
            let etag = try #require(response.headers["etag"])
            #expect(try await curl(base + "/deadlines.ics", headers: ["If-None-Match: \(etag)"]).status == 304)
            // A new deadline changes the calendar and its tag.
            _ = try store.record(file("b.txt"), extraction: Extraction(deadlines: [deadline("2025-12-01", subject: "summit")]))
            let changed = try await curl(base + "/deadlines.ics", headers: ["If-None-Match: \(etag)"])
            #expect(changed.status == 200)
            #expect(changed.body.contains("summit"))
        }
    }

    /// A poll between changes is answered from the calendar made last; a new day makes it again though the state did
    /// not change (a deadline passed drops out), and so does a change of the state.
    @Test func theCalendarIsMadeAgainOnlyForANewDayOrANewState() throws {
        let store = try FactStore(directory: directory)
        _ = try store.record(
            file("a.txt"),
            extraction: Extraction(deadlines: [
                deadline("2025-10-24", subject: "steel talks"), deadline("2025-11-01", kind: .effective, subject: "grain duties"),
            ]))
        let day = Mutex(today)
        let routes = FeedRoutes(
            feedPath: FilePath(feedPath), stateDirectory: FilePath(directory), calendar: DeadlineCalendar(),
            today: { day.withLock { $0 } })
        let made = try routes.currentCalendar()
        #expect(String(buffer: made.body).contains("steel talks") && made.version != nil)
        let again = try routes.currentCalendar()
        #expect(again.validators == made.validators && again.version == made.version && again.day == made.day)
        day.withLock { $0 = today.adding(days: 1) }
        let tomorrow = try routes.currentCalendar()
        #expect(tomorrow.version == made.version && tomorrow.validators != made.validators)
        #expect(!String(buffer: tomorrow.body).contains("steel talks") && String(buffer: tomorrow.body).contains("Grain duties take effect"))
        _ = try store.record(file("b.txt"), extraction: Extraction(deadlines: [deadline("2025-12-01", subject: "summit")]))
        let changed = try routes.currentCalendar()
        #expect(changed.version != made.version && String(buffer: changed.body).contains("summit"))
    }

    @Test func healthSaysWhatIsMissing() async throws {
        try await serving { base in
            let missing = try await curl(base + "/healthz")
            #expect(missing.status == 503)
            #expect(missing.body.contains("feed \(feedPath)"))
            #expect(try await curl(base + "/feed.json").status == 503)
            #expect(try await curl(base + "/deadlines.ics").status == 503)
            _ = try FactStore(directory: directory)
            try writeFeed("{}")
            let healthy = try await curl(base + "/healthz")
            #expect(healthy.status == 200)
            #expect(healthy.body == "ok\n")
            #expect(try await curl(base + "/nothing-here").status == 404)
        }
    }

    /// The descriptor path systemd socket activation takes: a socket bound and listening before the server starts.
    @Test func servesOnAnInheritedListeningSocket() async throws {
        try writeFeed(#"{"title": "inherited"}"#)
        let (descriptor, port) = try listeningSocket()
        try await serving(on: .activated(descriptor: descriptor)) { _ in
            let response = try await curl("http://127.0.0.1:\(port)/feed.json")
            #expect(response.status == 200)
            #expect(response.body.contains("inherited"))
        }
    }

    // MARK: helpers

    func serving(on target: ListenTarget = .address(host: "127.0.0.1", port: 0), _ body: (String) async throws -> Void) async throws {
        let routes = FeedRoutes(
            feedPath: FilePath(feedPath), stateDirectory: FilePath(directory), calendar: DeadlineCalendar(), today: { [today] in today })
        let (addresses, continuation) = AsyncStream.makeStream(of: SocketAddress?.self)
        let server = FeedHTTPServer(listen: target, routes: routes, logger: .init(label: "test")) { continuation.yield($0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            var iterator = addresses.makeAsyncIterator()
            let address = try #require(await iterator.next() ?? nil)
            try await body("http://127.0.0.1:\(address.port ?? 0)")
            group.cancelAll()
        }
    }

    func writeFeed(_ text: String) throws {
        // As the daemon does: a new file renamed over the old one.
        let temporary = feedPath + ".tmp"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        _ = rename(temporary, feedPath)
    }

    struct CurlError: Error {
        var url: String
        var status: Int32
    }

    struct CurlResponse {
        var status: Int
        var headers: [String: String]
        var body: String
        var written: String
    }

    /// curl off the concurrency pool: it blocks its thread, and the server's tasks need the pool.
    func curl(_ url: String, headers: [String] = [], extra: [String] = []) async throws -> CurlResponse {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try self.blockingCurl(url, headers: headers, extra: extra) })
            }
        }
    }

    func blockingCurl(_ url: String, headers: [String], extra: [String]) throws -> CurlResponse {
        let headerFile = directory + "/headers-\(UUID())"
        let bodyFile = directory + "/body-\(UUID())"
        defer {
            try? FileManager.default.removeItem(atPath: headerFile)
            try? FileManager.default.removeItem(atPath: bodyFile)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-sS", "--max-time", "30", "-D", headerFile, "-o", bodyFile] + headers.flatMap { ["-H", $0] } + extra + [url]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let written = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CurlError(url: url, status: process.terminationStatus) }
        let head = try String(contentsOfFile: headerFile, encoding: .utf8).components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var fields: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = (try? String(contentsOfFile: bodyFile, encoding: .utf8)) ?? ""
        return CurlResponse(status: status, headers: fields, body: body, written: written)
    }

    /// socket, bind 127.0.0.1:0, listen: what `ListenStream=` leaves for the service.
    func listeningSocket() throws -> (CInt, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(bound == 0 && listen(fd, 16) == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    func file(_ name: String) -> FileRecord {
        FileRecord(
            path: "/inbox/\(name)", device: 1, inode: UInt64(name.utf8.count), size: 100, modificationTimeNanoseconds: 1,
            contentHash: name, referenceDate: today)
    }

    func deadline(_ date: String, kind: DeadlineKind = .meeting, end: String? = nil, subject: String, upcoming: Bool = true) -> Deadline {
        Deadline(
            date: TemporalValue(iso: date)!, endDate: end.flatMap { TemporalValue(iso: $0) }, kind: kind, upcoming: upcoming,
            subject: subject, text: date, sentence: "They said \(subject) on \(date).", start: 0, end: 1)
    }
}
