import Foundation
import SystemPackage
import Testing

/// The built `tariffwatch` executable: `TARIFFWATCH_BIN` (set by `make test`), else next to the test bundle.
enum TariffwatchBinary {
    static var path: String? {
        if let path = ProcessInfo.processInfo.environment["TARIFFWATCH_BIN"], !path.isEmpty { return path }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("tariffwatch").path
        return FileManager.default.isExecutableFile(atPath: beside) ? beside : nil
    }

    /// Runs the built binary to completion, optionally as another user (`setpriv`) and with variables added to the
    /// test's environment, and returns exit status and output.
    static func run(
        _ arguments: [String], asUser uid: Int? = nil, environment: [String: String] = [:]
    ) throws -> (status: Int32, out: String, err: String) {
        let binary = try #require(path, "the tariffwatch binary is not built")
        let process = Process()
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let uid {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// Runs a short command to completion and returns its standard output.
    static func output(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path, "the tariffwatch binary is not built"))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// `tariffwatch run` as a child process, for tests that kill it.
final class DaemonProcess {
    let process = Process()

    /// - Parameters:
    ///   - config: a configuration file for the rest of the settings.
    ///   - log: where its standard output and error go (default: discarded).
    ///   - uid: run as this user and group id (`setpriv`, root only) instead of as the test.
    ///   - environment: added to the test's environment.
    init(
        _ workspace: borrowing Workspace, config: FilePath? = nil, log: FilePath? = nil, asUser uid: Int? = nil,
        environment: [String: String] = [:]
    ) throws {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let binary = try #require(TariffwatchBinary.path)
        let arguments =
            ["run", "--watch-dir", workspace.inbox.string, "--state-dir", workspace.state.string]
            + (config.map { ["--config", $0.string] } ?? [])
        if let uid {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        if let log {
            FileManager.default.createFile(atPath: log.string, contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log.string))
            process.standardOutput = handle
            process.standardError = handle
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
    }

    /// Sends `signal` and waits for the exit. SIGTERM and SIGINT wait first (up to 60 s) until the daemon
    /// handles them: a test whose work is done before the daemon finished starting would otherwise
    /// kill it with the signal's default action instead of asking it to stop.
    func kill(_ signal: Int32) {
        if signal == SIGTERM || signal == SIGINT {
            let deadline = ContinuousClock.now + .seconds(60)
            while process.isRunning && !catches(signal) && ContinuousClock.now < deadline { usleep(10_000) }
        }
        Foundation.kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }

    /// Whether the process has a handler for `signal` (`SigCgt` in /proc/PID/status).
    private func catches(_ signal: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
            let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16)
        else { return false }
        return mask & (1 << UInt64(signal - 1)) != 0
    }

    deinit {
        if process.isRunning { kill(SIGKILL) }
    }
}

/// `tariffwatch status --json` on a state directory (works while the daemon runs).
func statusCounts(_ state: FilePath) throws -> [String: Int] {
    let text = try TariffwatchBinary.output(["status", "--state-dir", state.string, "--json"])
    return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Int] ?? [:]
}

extension Process {
    /// Runs the process to its end without holding a cooperative thread: a test that blocks in `waitUntilExit`
    /// for the seconds a script takes holds one of a 2-core machine's two pool threads, and two such tests at
    /// once starve every daemon test running beside them.
    func runToCompletion() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            terminationHandler = { _ in continuation.resume() }
            do {
                try run()
            } catch {
                terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }
}
