import Foundation
import Glibc
public import SystemPackage

/// Temporary feed files left by a daemon that was killed: `.feed.json.<pid>.tmp`, the spare (empty, or the
/// document the last publication replaced) or a document written but not yet swapped in (see `FeedWriter`), and
/// `.feed.json.<pid>.previous.tmp`, the replaced document's second name in daemons before 2026-12-07.
public enum LeftoverFeedFiles {
    /// Removes the feed's temporary files whose writer is no longer running; called at start-up, after
    /// the state lock is held. Returns what was removed.
    @discardableResult
    public static func remove(feed: FilePath) -> [FilePath] {
        let directory = feed.removingLastComponent()
        guard let feedName = feed.lastComponent?.string,
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory.string)
        else { return [] }
        var removed: [FilePath] = []
        for name in names {
            guard let pid = writerPID(of: name, feedName: feedName) else { continue }
            if pid != StartupSyscalls.currentProcessID && StartupSyscalls.processExists(pid) { continue }
            let path = directory.appending(name)
            if (try? FileManager.default.removeItem(atPath: path.string)) != nil { removed.append(path) }
        }
        return removed
    }

    /// The PID in `.<feedName>.<pid>.tmp` or `.<feedName>.<pid>.previous.tmp`, or nil when `name` is not
    /// one of the feed's temporary files.
    static func writerPID(of name: String, feedName: String) -> pid_t? {
        let prefix = ".\(feedName)."
        guard let suffix = [".previous.tmp", ".tmp"].first(where: name.hasSuffix),
            name.hasPrefix(prefix), name.count > prefix.count + suffix.count
        else { return nil }
        let digits = name.dropFirst(prefix.count).dropLast(suffix.count)
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return pid_t(digits)
    }
}
