import Foundation
import Testing

@testable import FeedServer

/// RFC 9110 preconditions: which requests get 304, and which clients get gzip.
@Suite struct ConditionalRequestTests {
    /// 1970-01-01 + 1_761_297_123 s = Fri, 24 Oct 2025 09:12:03 GMT.
    let validators = Validators(entityTag: "abc-1", lastModified: Date(timeIntervalSince1970: 1_761_297_123.4))

    @Test(arguments: [
        ([], nil, false),
        (["\"abc-1\""], nil, true),
        (["W/\"abc-1\""], nil, true),
        (["\"abc-1-gzip\""], nil, true),
        (["\"other\", \"abc-1\""], nil, true),
        (["\"other\""], nil, false),
        (["*"], nil, true),
        (["abc-1"], nil, false),
        // If-None-Match wins over If-Modified-Since.
        (["\"other\""], "Fri, 24 Oct 2025 09:12:03 GMT", false),
        ([], "Fri, 24 Oct 2025 09:12:03 GMT", true),
        ([], "Fri, 24 Oct 2025 09:12:02 GMT", false),
        ([], "Sat, 25 Oct 2025 00:00:00 GMT", true),
        ([], "Friday, 24-Oct-25 09:12:03 GMT", true),
        ([], "Fri Oct 24 09:12:03 2025", true),
        ([], "yesterday", false),
    ] as [([String], String?, Bool)])
    func preconditions(ifNoneMatch: [String], ifModifiedSince: String?, notModified: Bool) {
        #expect(
            validators.notModified(ifNoneMatch: ifNoneMatch, ifModifiedSince: ifModifiedSince, alternateTags: ["abc-1-gzip"])
                == notModified)
    }

    @Test func headersAreQuotedAndDatesAreIMFFixdate() {
        #expect(validators.eTagHeader == "\"abc-1\"")
        #expect(validators.lastModifiedHeader == "Fri, 24 Oct 2025 09:12:03 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 951_782_400)) == "Tue, 29 Feb 2000 00:00:00 GMT")
    }

    @Test(arguments: [
        ([], false),
        (["gzip"], true),
        (["gzip, deflate, br"], true),
        (["deflate", "gzip;q=0.5"], true),
        (["x-gzip"], true),
        (["*"], true),
        (["gzip;q=0"], false),
        (["*, gzip;q=0"], false),
        (["identity"], false),
        (["br;q=1.0, GZIP;q=0.1"], true),
    ] as [([String], Bool)])
    func gzipOnlyWhenAccepted(acceptEncoding: [String], gzip: Bool) {
        #expect(acceptsGzip(acceptEncoding) == gzip)
    }

    @Test(arguments: [
        ("127.0.0.1:8723", ListenTarget.address(host: "127.0.0.1", port: 8723)),
        ("localhost:0", .address(host: "localhost", port: 0)),
        ("[::1]:8723", .address(host: "::1", port: 8723)),
    ])
    func listenAddresses(text: String, target: ListenTarget) throws {
        #expect(try ListenTarget.choose(activated: [], listen: text) == target)
    }

    @Test(arguments: ["8723", "127.0.0.1", "127.0.0.1:http", ":8723", "::1:8723", "[::1]8723", "host:70000"])
    func badListenAddressesNameTheFlag(text: String) {
        #expect(throws: FeedServerError.self) { try ListenTarget.choose(activated: [], listen: text) }
    }

    @Test func systemdSocketWhenNoFlag() throws {
        #expect(try ListenTarget.choose(activated: [3], listen: nil) == .activated(descriptor: 3))
        #expect(throws: FeedServerError.self) { try ListenTarget.choose(activated: [], listen: nil) }
        #expect(throws: FeedServerError.self) { try ListenTarget.choose(activated: [3, 4], listen: nil) }
    }
}
