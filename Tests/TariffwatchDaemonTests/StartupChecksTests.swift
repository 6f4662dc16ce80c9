import Foundation
import Glibc
import Logging
import SystemPackage
import Testing

@testable import TariffwatchDaemon

/// What the daemon checks before it runs: alone on its state, folders it can use, no stale temporary feeds.
@Suite struct StartupChecksTests {
    @Test func aSecondLockOnTheStateDirectoryNamesTheHolder() throws {
        let workspace = try Workspace()
        var first: StateDirectoryLock? = try StateDirectoryLock(stateDirectory: workspace.state)
        #expect(try String(contentsOfFile: workspace.state.appending("tariffwatch.lock").string, encoding: .utf8) == "\(getpid())\n")
        #expect(throws: StateDirectoryLockError.held(
            by: getpid(), lock: workspace.state.appending("tariffwatch.lock"), stateDirectory: workspace.state)
        ) { try StateDirectoryLock(stateDirectory: workspace.state) }
        let message = StateDirectoryLockError.held(by: 4242, lock: "/s/tariffwatch.lock", stateDirectory: "/s").description
        #expect(message.contains("PID 4242") && message.contains("/s"))
        _ = first
        first = nil  // released: the next daemon may start
        _ = try StateDirectoryLock(stateDirectory: workspace.state)
    }

    @Test func aStateDirectoryThatCannotHoldALockIsNamed() throws {
        #expect(throws: StateDirectoryLockError.cannotLock("/nonexistent/state/tariffwatch.lock", .noSuchFileOrDirectory)) {
            try StateDirectoryLock(stateDirectory: "/nonexistent/state")
        }
    }

    @Test func aSecondApplicationOnOneStateFailsAtOnce() throws {
        let workspace = try Workspace()
        var settings = Settings()
        settings.watchDirectory = workspace.inbox
        settings.stateDirectory = workspace.state
        let first = try Application(settings: settings, journalEnabled: false, logger: Logger(label: "test"))
        let error = #expect(throws: ApplicationError.self) {
            try Application(settings: settings, journalEnabled: false, logger: Logger(label: "test"))
        }
        #expect(error?.description.contains("PID \(getpid())") == true, "\(String(describing: error))")
        _ = first
    }

    /// Folders that cannot be the watched folder: the daemon refuses to start and says which and why.
    @Test(arguments: [
        ("a-file", "cannot use the watched folder", "it exists and is not a folder"),
        ("a-file/sub", "cannot create the watched folder", "is not a folder"),
        ("/proc/tariffwatch-inbox/sub", "cannot create the watched folder /proc/tariffwatch-inbox/sub", "/proc/tariffwatch-inbox: No such file or directory"),
    ])
    func anUnusableWatchedFolderFailsFast(_ folder: String, _ what: String, _ reason: String) throws {
        let workspace = try Workspace()
        try "not a folder".write(toFile: workspace.root.appending("a-file").string, atomically: false, encoding: .utf8)
        var settings = Settings()
        settings.watchDirectory = folder.hasPrefix("/") ? FilePath(folder) : workspace.root.appending(folder)
        settings.stateDirectory = workspace.state
        let error = #expect(throws: ApplicationError.self) {
            try Application(settings: settings, journalEnabled: false, logger: Logger(label: "test"))
        }
        #expect(error?.description.contains(what) == true, "\(String(describing: error))")
        #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
    }

    @Test func aMissingWatchedFolderIsCreated() throws {
        let workspace = try Workspace()
        var settings = Settings()
        settings.watchDirectory = workspace.root.appending("new/inbox")
        settings.stateDirectory = workspace.state
        _ = try Application(settings: settings, journalEnabled: false, logger: Logger(label: "test"))
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: settings.watchDirectory.string, isDirectory: &isFolder) && isFolder.boolValue)
    }

    @Test(arguments: [
        (".feed.json.1234.tmp", Int32?(1234)), (".feed.json.tmp", nil), (".feed.json.12a.tmp", nil),
        ("feed.json.1234.tmp", nil), (".other.json.1234.tmp", nil), (".feed.json.1234.tmp.bak", nil),
        (".feed.json.1234.previous.tmp", Int32?(1234)), (".feed.json.previous.tmp", nil), (".feed.json.1234.other.tmp", nil),
    ])
    func temporaryFeedNames(_ name: String, _ pid: Int32?) {
        #expect(LeftoverFeedFiles.writerPID(of: name, feedName: "feed.json") == pid)
    }

    @Test func leftoverTemporaryFeedsOfStoppedWritersAreRemoved() throws {
        let workspace = try Workspace()
        let feed = workspace.state.appending("feed.json")
        // PID 1 runs (init); a PID above pid_max never does.
        let names = [
            ".feed.json.1.tmp", ".feed.json.\(Int32.max).tmp", ".feed.json.\(getpid()).tmp", ".feed.json.\(Int32.max).previous.tmp",
            "feed.json", "keep.tmp",
        ]
        for name in names {
            try "{}".write(toFile: workspace.state.appending(name).string, atomically: false, encoding: .utf8)
        }
        let removed = LeftoverFeedFiles.remove(feed: feed)
        #expect(Set(removed) == [
            workspace.state.appending(".feed.json.\(Int32.max).tmp"), workspace.state.appending(".feed.json.\(getpid()).tmp"),
            workspace.state.appending(".feed.json.\(Int32.max).previous.tmp"),
        ])
        let left = try FileManager.default.contentsOfDirectory(atPath: workspace.state.string)
        #expect(Set(left) == [".feed.json.1.tmp", "feed.json", "keep.tmp"])
    }
}
