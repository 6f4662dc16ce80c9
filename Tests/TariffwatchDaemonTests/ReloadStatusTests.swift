import Foundation
import SystemPackage
import Testing

/// `systemctl status` (`STATUS=`) keeps saying that a reload failed, through every delivery's new counts, until a
/// reload succeeds: the real daemon, its notifications read from a socket standing in for systemd's.
@Suite(.serialized) struct ReloadStatusTests {
    /// A datagram socket bound at a fresh path: what `NOTIFY_SOCKET` names.
    private final class NotifySocket {
        let path: String
        let fd: CInt

        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("tw-notify-\(UUID().uuidString.prefix(8))").path
            fd = socket(AF_UNIX, CInt(SOCK_DGRAM.rawValue), 0)
            try #require(fd >= 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let path = self.path
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
            }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            try #require(bound == 0)
        }

        deinit {
            close(fd)
            unlink(path)
        }

        /// Every `STATUS=` received so far, oldest first, plus whether `READY=1` came.
        func drain() -> (statuses: [String], ready: Bool) {
            var statuses: [String] = [], ready = false
            var buffer = [UInt8](repeating: 0, count: 4_096)
            while true {
                let count = recv(fd, &buffer, buffer.count, CInt(MSG_DONTWAIT))
                guard count > 0 else { break }
                for line in String(decoding: buffer.prefix(count), as: UTF8.self).split(separator: "\n") {
                    if line == "READY=1" { ready = true }
                    if line.hasPrefix("STATUS=") { statuses.append(String(line.dropFirst("STATUS=".count))) }
                }
            }
            return (statuses, ready)
        }
    }

    @Test func aFailedReloadStaysInTheStatusUntilOneSucceeds() async throws {
        let workspace = try Workspace()
        let config = workspace.root.appending("tariffwatch.yaml")
        try "alerts:\n  warning_days: 7\n".write(toFile: config.string, atomically: true, encoding: .utf8)
        let notify = try NotifySocket()
        let daemon = try DaemonProcess(workspace, config: config, environment: ["NOTIFY_SOCKET": notify.path])
        var statuses: [String] = []
        func received(_ what: String, _ condition: @escaping (String) -> Bool) async throws -> String {
            var found: String?
            try await eventually(what) {
                statuses += notify.drain().statuses
                found = statuses.last(where: condition)
                return found != nil
            }
            return try #require(found)
        }
        _ = try await received("the start-up status") { $0.contains("files,") }

        try "alerts:\n  warnings_days: 7\n".write(toFile: config.string, atomically: true, encoding: .utf8)
        statuses = []
        kill(daemon.process.processIdentifier, SIGHUP)
        let failed = try await received("the failed reload in STATUS") { $0.contains("configuration reload failed") }
        #expect(failed.contains("alerts.warnings_days: unknown key"), "\(failed)")

        // A delivery's new counts keep the reason in front.
        statuses = []
        try workspace.dropFixture("eu-steel-announced.txt", dated: "2026-03-02")
        let counted = try await received("the counts after a delivery") { $0.contains("1 files") }
        #expect(counted.hasPrefix("configuration reload failed, running on the previous settings: "), "\(counted)")
        #expect(counted.contains("warnings_days") && counted.contains("alerts delivered"), "\(counted)")

        // A good reload clears it, and the counts stand alone again.
        try "alerts:\n  warning_days: 3\n".write(toFile: config.string, atomically: true, encoding: .utf8)
        statuses = []
        kill(daemon.process.processIdentifier, SIGHUP)
        let cleared = try await received("the status after a good reload") { !$0.contains("reload failed") }
        #expect(cleared.hasPrefix("1 files,"), "\(cleared)")
        daemon.kill(SIGTERM)
        #expect(daemon.process.terminationStatus == 0)
    }
}
