import Glibc
import SystemPackage

/// The C calls start-up needs beyond swift-system, wrapped once: named in Swift, EINTR retried, `Errno` thrown.
enum StartupSyscalls {
    /// `flock(2)` with `operation` (LOCK_EX | LOCK_NB, ...); EWOULDBLOCK when another open file holds it.
    static func flock(_ descriptor: FileDescriptor, _ operation: CInt) throws(Errno) {
        while systemFlock(descriptor.rawValue, operation) != 0 {
            let code = Errno(rawValue: errno)
            if code != .interrupted { throw code }
        }
    }

    /// `kill(pid, 0)`: whether a process with this PID exists (EPERM means it exists but is not ours).
    static func processExists(_ pid: pid_t) -> Bool {
        guard pid > 0 else { return false }
        return Glibc.kill(pid, 0) == 0 || errno == EPERM
    }

    /// `mkdir(2)` with `mode`; EEXIST is not caught here (the caller decides whether what exists will do).
    static func makeDirectory(_ path: FilePath, mode: mode_t = 0o755) throws(Errno) {
        while path.withPlatformString({ Glibc.mkdir($0, mode) }) != 0 {
            let code = Errno(rawValue: errno)
            if code != .interrupted { throw code }
        }
    }

    /// `getpid(2)`.
    static var currentProcessID: pid_t { getpid() }
}

/// `flock(2)` under a name that does not collide with the `struct flock` of `<fcntl.h>`.
private func systemFlock(_ fd: CInt, _ operation: CInt) -> CInt {
    flock(fd, operation)
}
