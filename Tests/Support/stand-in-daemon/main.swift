// A stand-in for `tariffwatch run --config FILE`, used only to prove systemd-e2e.sh and the hardened unit
// before the real daemon exists: it runs the Swift runtime and libsystemd under every sandbox setting of
// systemd/tariffwatch.service (MemoryDenyWriteExecute, SystemCallFilter, PrivateUsers, ...).
// Built by Tests/Support/build-stand-in.sh; not part of Package.swift.
import Glibc
import Systemd

nonisolated(unsafe) var lastSignal: CInt = 0

/// Reads `watch.directory` from the YAML config the same shape the real daemon reads (two-level keys only).
func watchDirectory(configPath: String) -> String? {
    guard let file = fopen(configPath, "r") else { return nil }
    defer { fclose(file) }
    var section = ""
    var line: UnsafeMutablePointer<CChar>?
    var capacity = 0
    while getline(&line, &capacity, file) > 0 {
        let text = String(cString: line!).trimmingSuffix()
        if !text.hasPrefix(" "), text.hasSuffix(":") { section = String(text.dropLast()) }
        let trimmed = text.drop(while: { $0 == " " })
        if section == "watch", trimmed.hasPrefix("directory:") {
            return String(trimmed.dropFirst("directory:".count).drop(while: { $0 == " " }))
        }
    }
    return nil
}

extension String {
    func trimmingSuffix() -> String { String(self.reversed().drop(while: { $0 == "\n" || $0 == " " }).reversed()) }
}

func entries(of directory: String) -> [String] {
    guard let dir = opendir(directory) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafePointer(to: entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        if !name.hasPrefix(".") { names.append(name) }
    }
    return names.sorted()
}

let arguments = CommandLine.arguments
guard arguments.count == 4, arguments[1] == "run", arguments[2] == "--config",
      let inbox = watchDirectory(configPath: arguments[3])
else {
    print("usage: \(arguments[0]) run --config FILE (with watch.directory set)")
    exit(2)
}
JournalLogHandler.bootstrap(identifier: "tariffwatch")
signal(SIGHUP) { lastSignal = $0 }
signal(SIGTERM) { lastSignal = $0 }

try ServiceManager.notify([.ready, .status("watching \(inbox)")])
try Journal.send([
    JournalField("MESSAGE", "tariffwatch stand-in is ready and watching \(inbox)"),
    JournalField("MESSAGE_ID", "5f3d9e54520543029ac33d5a5837ff4a"),
    JournalField("WATCH_DIRECTORY", inbox),
])
let watchdog = ServiceManager.watchdogInterval()
var seen: Set<String> = []
while true {
    switch lastSignal {
    case SIGHUP:
        lastSignal = 0
        try ServiceManager.notify([.reloading])
        try ServiceManager.notify([.ready, .status("reloaded; watching \(inbox)")])
    case SIGTERM:
        try ServiceManager.notify([.stopping])
        try Journal.send([
            JournalField("MESSAGE", "tariffwatch stand-in is stopping"),
            JournalField("MESSAGE_ID", "77ac76a38a364614a9af24620a67a54b"),
        ])
        exit(0)
    default: break
    }
    // Listing on a child task exercises the Swift concurrency runtime's threads under the sandbox.
    let names = await withTaskGroup(of: [String].self) { group in
        group.addTask { entries(of: inbox) }
        return await group.next() ?? []
    }
    for name in names where !seen.contains(name) {
        seen.insert(name)
        let alertID = "stand-in-\(name)"
        // Exactly-once across restarts: the journal itself says whether the alert was written.
        if try Journal.containsEntry(matching: JournalField("ALERT_ID", alertID)) { continue }
        let readable = access(inbox + "/" + name, R_OK) == 0
        try Journal.send([
            JournalField("MESSAGE", "New deadline: stand-in alert for \(name)"),
            JournalField("MESSAGE_ID", "e69db1dee86146c6ba45461088dee731"),
            JournalField("ALERT_KIND", "new-deadline"),
            JournalField("ALERT_ID", alertID),
            JournalField("SUBJECT", "stand-in alert for \(name)"),
            JournalField("SOURCE_FILE", inbox + "/" + name),
            JournalField("FILE_READABLE", readable ? "yes" : "no"),
        ])
    }
    if watchdog != nil { try ServiceManager.notify([.watchdog]) }
    try await Task.sleep(for: .milliseconds(200))
}
