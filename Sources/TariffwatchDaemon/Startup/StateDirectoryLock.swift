import FactStore
import Glibc
public import SystemPackage

/// One daemon per state directory: an exclusive `flock` on `tariffwatch.lock` in it, held for the
/// process lifetime (the kernel releases it when the process ends, however it ends).
///
/// Two daemons on one state would both deliver every alert and race on the feed. Read-only commands
/// (`status`, `facts`) never take the lock, so they keep working while the daemon runs.
public final class StateDirectoryLock: Sendable {
    /// The lock file; it holds the PID of the daemon that has it, for the error the next one prints.
    public let path: FilePath
    private let descriptor: FileDescriptor

    /// The lock file's name inside the state directory.
    public static let fileName = "tariffwatch.lock"

    /// Takes the lock for `stateDirectory` (which must exist) or fails at once.
    /// - Throws: `StateDirectoryLockError.held` naming the PID that holds it, or `.cannotLock` with the reason.
    public init(stateDirectory: FilePath) throws(StateDirectoryLockError) {
        path = stateDirectory.appending(Self.fileName)
        do {
            descriptor = try FileDescriptor.open(
                path, .readWrite, options: [.create, .closeOnExec], permissions: [.ownerReadWrite, .groupRead, .otherRead])
        } catch {
            throw .cannotLock(path, (error as? Errno) ?? .ioError)
        }
        StateOwnership.adopt(descriptor: descriptor.rawValue, in: stateDirectory.string)
        do {
            try StartupSyscalls.flock(descriptor, LOCK_EX | LOCK_NB)
        } catch {
            let holder = Self.holder(descriptor)
            try? descriptor.close()
            if error == .wouldBlock || error == .resourceTemporarilyUnavailable {
                throw .held(by: holder, lock: path, stateDirectory: stateDirectory)
            }
            throw .cannotLock(path, error)
        }
        do {
            try descriptor.resize(to: 0)
            _ = try descriptor.writeAll(toAbsoluteOffset: 0, Array("\(StartupSyscalls.currentProcessID)\n".utf8))
        } catch {
            // The lock is ours all the same; only the holder's PID in another daemon's error is missing.
        }
    }

    deinit {
        try? descriptor.close()  // releases the flock
    }

    /// The PID written by the daemon that holds the lock; nil while it has not written it yet.
    private static func holder(_ descriptor: FileDescriptor) -> pid_t? {
        var bytes = [UInt8](repeating: 0, count: 32)
        // The holder writes its PID right after locking: give it a moment before saying "unknown".
        for _ in 0..<20 {
            let count = (try? bytes.withUnsafeMutableBytes { try descriptor.read(fromAbsoluteOffset: 0, into: $0) }) ?? 0
            let digits = bytes[..<count].prefix { (0x30...0x39).contains($0) }
            if let pid = pid_t(String(decoding: digits, as: UTF8.self)), pid > 0 { return pid }
            usleep(10_000)
        }
        return nil
    }
}

/// Another daemon runs on this state directory, or the lock file cannot be used.
public enum StateDirectoryLockError: Error, Sendable, Equatable, CustomStringConvertible {
    case held(by: Int32?, lock: FilePath, stateDirectory: FilePath)
    case cannotLock(FilePath, Errno)

    public var description: String {
        switch self {
        case .held(let pid, let lock, let directory):
            "another tariffwatch daemon (\(pid.map { "PID \($0)" } ?? "PID unknown")) is already running on the state "
                + "directory \(directory) (it holds \(lock)); stop it first, or give this one another --state-dir"
        case .cannotLock(let lock, let errno):
            "cannot lock \(lock) to run alone on its state directory: \(errno)"
        }
    }
}
