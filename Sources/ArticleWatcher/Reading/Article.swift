public import SystemPackage

/// One file's text, read safely, with what identifies the file and its content for change detection.
public struct Article: Sendable {
    /// The path the caller asked for (a symbolic link stays the link's path).
    public var path: FilePath
    /// The file's text, strictly valid UTF-8, without a leading byte order mark.
    public var text: String
    /// Device, inode, size and modification time, taken from the open descriptor.
    public var identity: FileIdentity
    /// 32 lowercase hex digits of `ContentHash` over the file's bytes: change detection, not security.
    public var contentHash: String
    /// Modification time in whole seconds since the epoch.
    public var modificationTime: Int64

    public init(path: FilePath, text: String, identity: FileIdentity, contentHash: String, modificationTime: Int64) {
        self.path = path
        self.text = text
        self.identity = identity
        self.contentHash = contentHash
        self.modificationTime = modificationTime
    }
}
