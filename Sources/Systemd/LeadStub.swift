// TEMPORARY: API stand-in so the daemon compiles before the systemd branch lands. Deleted at merge.
public struct JournalField: Sendable, Hashable {
    public var name: String; public var value: String
    public init(_ name: String, _ value: String) { self.name = name; self.value = value }
}
public struct JournalError: Error, Sendable {}
public enum Journal {
    public static func send(_ fields: [JournalField]) throws(JournalError) {}
    public static var isAvailable: Bool { false }
    public static func containsEntry(matching field: JournalField) throws -> Bool { false }
}
public enum NotifyState: Sendable, Hashable {
    case ready, reloading, stopping, status(String), watchdog
}
public enum ServiceManager {
    public static func notify(_ states: [NotifyState]) throws {}
    public static var isManaged: Bool { false }
    public static func watchdogInterval() -> Duration? { nil }
}
