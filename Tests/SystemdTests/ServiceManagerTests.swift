import Glibc
import Testing

@testable import Systemd

@Suite("sd_notify states")
struct NotifyStateTests {
    @Test(arguments: [
        (NotifyState.ready, "READY=1"), (.stopping, "STOPPING=1"), (.watchdog, "WATCHDOG=1"),
        (.watchdogTrigger, "WATCHDOG=trigger"), (.mainPID(1234), "MAINPID=1234"),
        (.status("watching /inbox\n3 files"), "STATUS=watching /inbox 3 files"),
    ])
    func formatsAssignments(_ state: NotifyState, _ expected: String) {
        #expect(state.assignment == expected)
    }

    @Test func reloadingCarriesTheCurrentMonotonicTime() throws {
        let before = NotifyState.monotonicMicroseconds()
        let lines = NotifyState.reloading.assignment.split(separator: "\n")
        let after = NotifyState.monotonicMicroseconds()
        #expect(lines.first == "RELOADING=1")
        let stamp = try #require(lines.last.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) })
        #expect(lines.last?.hasPrefix("MONOTONIC_USEC=") == true)
        #expect((before...after).contains(stamp))
    }
}

/// These tests change process-wide environment variables, so they run one at a time.
@Suite("Service manager", .serialized)
struct ServiceManagerTests {
    @Test func notifyDeliversAllStatesInOneDatagramToNotifySocket() throws {
        let directory = try #require(mkdtemp(strdup("/tmp/sd-notify-test.XXXXXX")).map { String(cString: $0) })
        defer { rmdir(directory) }
        let socketPath = directory + "/notify"
        let fd = socket(AF_UNIX, CInt(SOCK_DGRAM.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd); unlink(socketPath) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in socketPath.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)

        setenv("NOTIFY_SOCKET", socketPath, 1)
        defer { unsetenv("NOTIFY_SOCKET") }
        #expect(ServiceManager.isManaged)
        try ServiceManager.notify([.ready, .status("watching")])

        var buffer = [UInt8](repeating: 0, count: 512)
        let received = recv(fd, &buffer, buffer.count, CInt(MSG_DONTWAIT))
        try #require(received > 0)
        #expect(String(decoding: buffer.prefix(received), as: UTF8.self) == "READY=1\nSTATUS=watching")
    }

    @Test func notifyOutsideSystemdIsNotAnError() throws {
        unsetenv("NOTIFY_SOCKET")
        #expect(!ServiceManager.isManaged)
        try ServiceManager.notify([.ready, .watchdog])
    }

    @Test func notifyToAMissingSocketThrows() {
        setenv("NOTIFY_SOCKET", "/nonexistent-tariffwatch-dir/notify", 1)
        defer { unsetenv("NOTIFY_SOCKET") }
        #expect(throws: (any Error).self) { try ServiceManager.notify([.ready]) }
    }

    @Test func watchdogIntervalReadsWatchdogUsecForThisProcess() {
        setenv("WATCHDOG_USEC", "30000000", 1)
        setenv("WATCHDOG_PID", String(getpid()), 1)
        defer { unsetenv("WATCHDOG_USEC"); unsetenv("WATCHDOG_PID") }
        #expect(ServiceManager.watchdogInterval() == .seconds(30))

        setenv("WATCHDOG_PID", String(getpid() + 1), 1)
        #expect(ServiceManager.watchdogInterval() == nil, "the watchdog belongs to another process")
    }

    @Test func watchdogIsOffWithoutTheEnvironment() {
        unsetenv("WATCHDOG_USEC")
        #expect(ServiceManager.watchdogInterval() == nil)
    }

    @Test func listenFileDescriptorsFollowsListenFds() {
        setenv("LISTEN_FDS", "2", 1)
        setenv("LISTEN_PID", String(getpid()), 1)
        defer { unsetenv("LISTEN_FDS"); unsetenv("LISTEN_PID") }
        // sd_listen_fds(0) sets FD_CLOEXEC on 3 and 4 and fails when either is not open: whether they
        // are depends on what other tests running in parallel hold open, so the expectation follows it.
        let open = fcntl(3, F_GETFD) != -1 && fcntl(4, F_GETFD) != -1
        #expect(ServiceManager.listenFileDescriptors() == (open ? [3, 4] : []))
        setenv("LISTEN_PID", String(getpid() + 1), 1)
        #expect(ServiceManager.listenFileDescriptors() == [], "the descriptors belong to another process")
        unsetenv("LISTEN_FDS")
        #expect(ServiceManager.listenFileDescriptors() == [])
    }
}
