/// Fixed journal MESSAGE_IDs, one per kind of entry; `systemd/tariffwatch.catalog` explains each.
///
/// They never change: operators filter on them (`journalctl MESSAGE_ID=…`).
public enum MessageID {
    public static let newDeadline = "6c1f0b0e4a3b4c7e9d2a51f3b8e0c101"
    public static let changedDeadline = "6c1f0b0e4a3b4c7e9d2a51f3b8e0c102"
    public static let newTariff = "6c1f0b0e4a3b4c7e9d2a51f3b8e0c103"
    public static let changedTariff = "6c1f0b0e4a3b4c7e9d2a51f3b8e0c104"
    public static let conflictingReport = "6c1f0b0e4a3b4c7e9d2a51f3b8e0c105"
    public static let fileRejected = "6c1f0b0e4a3b4c7e9d2a51f3b8e0c106"
    public static let daemonReady = "6c1f0b0e4a3b4c7e9d2a51f3b8e0c107"
    public static let daemonStopping = "6c1f0b0e4a3b4c7e9d2a51f3b8e0c108"
    public static let folderMissing = "6c1f0b0e4a3b4c7e9d2a51f3b8e0c109"
}
