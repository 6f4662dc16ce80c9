import Glibc
import SystemPackage

/// The C calls inbox housekeeping makes, wrapped once: named in Swift, EINTR retried, `Errno` thrown.
enum InboxSyscalls {
    /// What `lstat` says about a name: which file (device, inode) and which version (size, mtime).
    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modificationTimeNanoseconds: Int64
        var isRegularFile: Bool
    }

    /// `lstat(2)`; nil when nothing is there.
    static func identity(of path: FilePath) throws(Errno) -> Identity? {
        var info = stat()
        while path.withPlatformString({ lstat($0, &info) }) != 0 {
            let code = Errno(rawValue: errno)
            if code == .noSuchFileOrDirectory || code == .notDirectory { return nil }
            if code != .interrupted { throw code }
        }
        return Identity(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modificationTimeNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            isRegularFile: info.st_mode & S_IFMT == S_IFREG)
    }

    private typealias RenameAt2Function = @convention(c) (CInt, UnsafePointer<CChar>, CInt, UnsafePointer<CChar>, CUnsignedInt) -> CInt
    /// `RENAME_NOREPLACE` from `<linux/fs.h>`.
    private static let renameNoReplace: CUnsignedInt = 1

    /// `renameat2(RENAME_NOREPLACE)`: moves `source` to `target` atomically and fails with EEXIST rather than
    /// replace what is there (plain `rename` would silently overwrite an earlier archived file of the same name).
    /// Looked up with `dlsym` because Swift's Glibc module does not export it (glibc has it since 2.28).
    static func renameNoReplace(_ source: FilePath, to target: FilePath) throws(Errno) {
        guard let symbol = dlsym(nil, "renameat2") else { throw Errno.noFunction }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2Function.self)
        while source.withPlatformString({ from in target.withPlatformString { to in renameat2(AT_FDCWD, from, AT_FDCWD, to, renameNoReplace) } })
            != 0
        {
            let code = Errno(rawValue: errno)
            if code != .interrupted { throw code }
        }
    }

    /// `unlink(2)`; a name already gone is not an error.
    static func unlink(_ path: FilePath) throws(Errno) {
        while path.withPlatformString({ Glibc.unlink($0) }) != 0 {
            let code = Errno(rawValue: errno)
            if code == .noSuchFileOrDirectory { return }
            if code != .interrupted { throw code }
        }
    }
}
