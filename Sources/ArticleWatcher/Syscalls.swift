import Glibc
import SystemPackage

/// Runs a C call that reports failure as `-1` + `errno`, retrying on EINTR so callers never see it.
@inline(__always)
func valueOrErrno<Result: FixedWidthInteger>(_ call: () -> Result) throws(Errno) -> Result {
    while true {
        let result = call()
        if result != -1 { return result }
        let code = Errno(rawValue: errno)
        if code != .interrupted { throw code }
    }
}

/// Every POSIX and Linux call this target makes, wrapped once: named in Swift, EINTR retried, errors thrown as `Errno`.
enum Syscalls {
    /// `inotify_init1(IN_NONBLOCK | IN_CLOEXEC)`: a non-blocking inotify instance that is not inherited by children.
    static func inotifyInit() throws(Errno) -> CInt {
        try valueOrErrno { inotify_init1(CInt(IN_NONBLOCK | IN_CLOEXEC)) }
    }

    /// `inotify_add_watch(2)`: watches `path` (or updates the watch on the same inode) and returns its descriptor.
    static func inotifyAddWatch(_ fd: CInt, path: FilePath, mask: UInt32) throws(Errno) -> CInt {
        try valueOrErrno { path.withPlatformString { inotify_add_watch(fd, $0, mask) } }
    }

    /// `inotify_rm_watch(2)`: stops a watch; EINVAL (already gone, the kernel dropped it) is not an error for us.
    static func inotifyRemoveWatch(_ fd: CInt, watch: CInt) {
        _ = try? valueOrErrno { inotify_rm_watch(fd, watch) }
    }

    private typealias EventFDFunction = @convention(c) (CUnsignedInt, CInt) -> CInt

    /// `eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)`, looked up with `dlsym` because Swift's Glibc module does not
    /// export `<sys/eventfd.h>`; glibc has exported the symbol since 2.7.
    static func eventFD() throws(Errno) -> CInt {
        guard let symbol = dlsym(nil, "eventfd") else { throw Errno.noFunction }
        let eventfd = unsafeBitCast(symbol, to: EventFDFunction.self)
        // EFD_CLOEXEC and EFD_NONBLOCK are defined as O_CLOEXEC and O_NONBLOCK.
        return try valueOrErrno { eventfd(0, O_CLOEXEC | O_NONBLOCK) }
    }

    /// `write(2)` of one 8-byte counter increment to an eventfd, which wakes a `poll` on it.
    static func signalEventFD(_ fd: CInt) throws(Errno) {
        var one: UInt64 = 1
        let written = try valueOrErrno { Glibc.write(fd, &one, MemoryLayout<UInt64>.size) }
        precondition(written == MemoryLayout<UInt64>.size, "eventfd write is all-or-nothing")
    }

    /// `poll(2)` with a timeout in milliseconds (-1 waits forever); returns the number of ready descriptors.
    static func poll(_ fds: inout [pollfd], timeoutMilliseconds: CInt) throws(Errno) -> Int {
        let count = fds.count
        let ready = try fds.withUnsafeMutableBufferPointer { buffer throws(Errno) in
            try valueOrErrno { Glibc.poll(buffer.baseAddress, nfds_t(count), timeoutMilliseconds) }
        }
        return Int(ready)
    }

    /// `read(2)` into `buffer`; returns nil when a non-blocking descriptor has nothing (EAGAIN), 0 at end of file.
    static func read(_ fd: CInt, into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int? {
        do {
            return try valueOrErrno { Glibc.read(fd, buffer.baseAddress, buffer.count) }
        } catch where error == .wouldBlock || error == .resourceTemporarilyUnavailable {
            return nil
        }
    }

    /// `close(2)`; EINTR is not retried because Linux always releases the descriptor, even then.
    static func close(_ fd: CInt) {
        _ = Glibc.close(fd)
    }

    /// `open(2)` with `flags`; EINTR (possible on FIFOs and network file systems) is retried.
    static func open(_ path: FilePath, flags: CInt) throws(Errno) -> CInt {
        try valueOrErrno { path.withPlatformString { Glibc.open($0, flags) } }
    }

    /// `openat(2)` of the last `nameLength` bytes of `path` (its last component) in the open folder `folder`, with
    /// `flags`; EINTR is retried. The kernel walks that one component, not the folder's path again.
    static func open(lastComponentOf path: FilePath, nameLength: Int, in folder: CInt, flags: CInt) throws(Errno) -> CInt {
        try valueOrErrno {
            path.withPlatformString { text in
                let length = strlen(text)
                guard nameLength > 0, nameLength < length else {
                    errno = EINVAL  // not a name this path ends in
                    return -1
                }
                return Glibc.openat(folder, text + (length - nameLength), flags)
            }
        }
    }

    /// `lstat(2)`: the metadata of `path` itself, not of what a symbolic link points to.
    static func lstat(_ path: FilePath) throws(Errno) -> Glibc.stat {
        var info = Glibc.stat()
        _ = try valueOrErrno { path.withPlatformString { Glibc.lstat($0, &info) } }
        return info
    }

    /// `stat(2)`: the metadata of what `path` resolves to, following symbolic links.
    static func statFollowingLinks(_ path: FilePath) throws(Errno) -> Glibc.stat {
        var info = Glibc.stat()
        _ = try valueOrErrno { path.withPlatformString { systemStat($0, &info) } }
        return info
    }

    /// `fstat(2)`: the metadata of the file behind an open descriptor, immune to renames after `open`.
    static func fstat(_ fd: CInt) throws(Errno) -> Glibc.stat {
        var info = Glibc.stat()
        _ = try valueOrErrno { Glibc.fstat(fd, &info) }
        return info
    }

    /// `realpath(3)`: the absolute path with every symbolic link, `.` and `..` resolved.
    static func realPath(_ path: FilePath) throws(Errno) -> FilePath {
        let resolved = path.withPlatformString { Glibc.realpath($0, nil) }
        guard let resolved else { throw Errno(rawValue: errno) }
        defer { free(resolved) }
        return FilePath(platformString: resolved)
    }

    private static let direntNameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    private static let direntTypeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!

    /// One name in a folder, as raw bytes, with the type `readdir` gave (`DT_REG`, `DT_DIR`, `DT_LNK`, … or
    /// `DT_UNKNOWN` on file systems that do not fill it in): a listing that only wants regular files needs no
    /// `stat` for the entries whose type says so.
    struct DirectoryEntry {
        var name: [UInt8]
        var type: UInt8
    }

    /// `opendir(3)`/`readdir(3)`/`closedir(3)`: the entries of a folder, without `.` and `..`.
    static func directoryEntries(_ path: FilePath) throws(Errno) -> [DirectoryEntry] {
        let directory = path.withPlatformString { opendir($0) }
        guard let directory else { throw Errno(rawValue: errno) }
        defer { closedir(directory) }
        var entries: [DirectoryEntry] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw Errno(rawValue: errno) }
                return entries
            }
            // Read the name through a pointer, never `entry.pointee`: glibc sizes an entry by `d_reclen`, so the
            // last one of its buffer can end before the 256 bytes of `d_name`, and copying the whole struct read
            // past the buffer (a crash seen once when an overflow rescan met a page boundary).
            let nameStart = UnsafeRawPointer(entry) + Self.direntNameOffset
            let name = Array(UnsafeRawBufferPointer(start: nameStart, count: strlen(nameStart.assumingMemoryBound(to: CChar.self))))
            let type = (UnsafeRawPointer(entry) + Self.direntTypeOffset).load(as: UInt8.self)
            if name != [0x2E] && name != [0x2E, 0x2E] { entries.append(DirectoryEntry(name: name, type: type)) }
        }
    }
}

/// `stat(2)` under a name that does not collide with the `stat` struct inside `Syscalls`.
private func systemStat(_ path: UnsafePointer<CChar>, _ info: UnsafeMutablePointer<Glibc.stat>) -> CInt {
    stat(path, info)
}

extension Glibc.stat {
    /// The file type bits of `st_mode` (S_IFREG, S_IFDIR, ...).
    var fileType: mode_t { st_mode & S_IFMT }
    var isRegularFile: Bool { fileType == S_IFREG }
    var isDirectory: Bool { fileType == S_IFDIR }
    var isSymbolicLink: Bool { fileType == S_IFLNK }
    var isFIFO: Bool { fileType == S_IFIFO }
    var isSocket: Bool { fileType == S_IFSOCK }
    var isDevice: Bool { fileType == S_IFCHR || fileType == S_IFBLK }
    /// Modification time as nanoseconds since the epoch, the resolution change detection needs; saturated
    /// outside 1677–2262 (what an Int64 of nanoseconds holds), because `touch -d 2300-01-01` is anyone's to run.
    var modificationTimeNanoseconds: Int64 { FileTime.nanoseconds(st_mtim) }
}

/// File times from `stat`, which any writer can set to any 64-bit second: converted without trapping.
enum FileTime {
    /// `seconds * 10^9 + nanoseconds`, clamped to `Int64.min ... Int64.max` instead of overflowing.
    static func nanoseconds(seconds: Int64, nanoseconds: Int64) -> Int64 {
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (sum, carry) = scaled.addingReportingOverflow(nanoseconds)
        if carry { return nanoseconds < 0 ? .min : .max }
        return sum
    }

    static func nanoseconds(_ time: timespec) -> Int64 {
        nanoseconds(seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec))
    }
}
