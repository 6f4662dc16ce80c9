import Foundation
import SystemPackage
import Testing

/// A root run beside the unit: every file it creates in a state folder another user owns stays that user's, so
/// the unit (running as that user) can go on writing them.
@Suite(.serialized) struct StateOwnershipTests {
    private static let nobody = 65_534

    private static var canRun: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    }

    private func owners(in folder: FilePath) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.string) {
            var info = stat()
            guard lstat(folder.appending(name).string, &info) == 0 else { continue }
            result[name] = "\(info.st_uid):\(info.st_gid)"
        }
        return result
    }

    @Test(.enabled(if: canRun, "needs root and setpriv (the test runs the daemon as root, then as nobody)"))
    func aRootRunLeavesTheFolderOwnersFiles() async throws {
        let workspace = try Workspace()
        // The unit's layout: the state folder belongs to the service user, the feed lives in it.
        #expect(chown(workspace.state.string, uid_t(Self.nobody), gid_t(Self.nobody)) == 0)
        #expect(chmod(workspace.root.string, 0o755) == 0)

        var daemon: DaemonProcess? = try DaemonProcess(workspace)
        try workspace.dropFixture("eu-steel-announced.txt", dated: "2026-03-02")
        try await eventually("the root daemon's alert in the feed") { try !workspace.feedItems().isEmpty }
        daemon?.kill(SIGTERM)
        #expect(daemon?.process.terminationStatus == 0)
        let owners = try owners(in: workspace.state)
        for name in ["feed.json", "tariffwatch.sqlite", "tariffwatch.lock"] {
            #expect(owners[name] == "\(Self.nobody):\(Self.nobody)", "\(name) is owned by \(owners[name] ?? "nobody: missing")")
        }
        #expect(owners.values.allSatisfy { $0 == "\(Self.nobody):\(Self.nobody)" }, "\(owners)")

        // The folder's owner takes over: starts, records a new file, rewrites the feed.
        let before = try workspace.feedItems().count
        daemon = try DaemonProcess(workspace, asUser: Self.nobody)
        try workspace.dropFixture("eu-steel-raised.txt", dated: "2026-03-10")
        try await eventually("the owner's daemon rewrote the feed") { try workspace.feedItems().count > before }
        daemon?.kill(SIGTERM)
        #expect(daemon?.process.terminationStatus == 0)
    }
}
