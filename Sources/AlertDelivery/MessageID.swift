/// Fixed journal MESSAGE_IDs, one per kind of entry; `systemd/tariffwatch.catalog` explains each
/// and `systemd/message-ids.txt` lists them.
///
/// They never change: operators filter on them (`journalctl MESSAGE_ID=…`).
public enum MessageID {
    public static let newDeadline = "e69db1dee86146c6ba45461088dee731"
    public static let changedDeadline = "9ceaac99a7ef46789e79c5c668744fee"
    public static let newTariff = "23cfe4f98e184a8286529a5830f8dab6"
    public static let changedTariff = "5a1a3b4bafd34f7b8b8c4b38a6557b1b"
    public static let conflictingReport = "290843469ab1499c86b862526d6b30a2"
    public static let deadlineReminder = "4c83eebcabbe481d9122026b329077df"
    public static let fileRejected = "11ed6c430d0f41418b0d3a7d225e361c"
    public static let daemonReady = "5f3d9e54520543029ac33d5a5837ff4a"
    public static let daemonStopping = "77ac76a38a364614a9af24620a67a54b"
    public static let folderMissing = "0b897bd3ec1f40c1bfa93d3ede064bd7"
    public static let stateUnwritable = "bb4adb63a26044b4a6ea222897e4a0ac"
    public static let deliveryFailing = "8aacc524241541128cc9c0cc66b7d1b2"
}
