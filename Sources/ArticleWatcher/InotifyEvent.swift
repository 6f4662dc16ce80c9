import Glibc
import SystemPackage

/// One decoded `struct inotify_event`: which watch, what happened, and the entry name when it concerns one.
struct InotifyEvent: Equatable {
    var watch: CInt
    var mask: UInt32
    /// The entry inside the watched folder, byte-exact; nil for events about the watched folder itself.
    var component: FilePath.Component?
    /// The entry name as text, for matching ignore patterns (undecodable bytes become U+FFFD).
    var name: String { component?.string ?? "" }

    func has(_ flag: Int32) -> Bool { mask & UInt32(bitPattern: flag) != 0 }
    func has(_ flag: UInt32) -> Bool { mask & flag != 0 }
    var isDirectory: Bool { has(IN_ISDIR) }

    /// Decodes every complete `struct inotify_event` in `bytes` (what one `read` on the inotify fd returned).
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [InotifyEvent] {
        let headerSize = 16  // int wd; uint32_t mask; uint32_t cookie; uint32_t len;
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + headerSize <= bytes.count {
            let watch = bytes.loadUnaligned(fromByteOffset: offset, as: CInt.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let nameLength = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            guard nameStart + nameLength <= bytes.count else { break }
            // The name is NUL-padded to an alignment boundary; it ends at the first NUL.
            let nameBytes = bytes[nameStart..<(nameStart + nameLength)].prefix { $0 != 0 }
            let component = FilePath.Component(platformBytes: nameBytes)
            events.append(InotifyEvent(watch: watch, mask: mask, component: component))
            offset = nameStart + nameLength
        }
        return events
    }
}

extension FilePath.Component {
    /// A component from raw file-name bytes, keeping names that are not valid UTF-8 byte-exact.
    init?(platformBytes bytes: some Collection<UInt8>) {
        guard !bytes.isEmpty else { return nil }
        var chars = bytes.map { CChar(bitPattern: $0) }
        chars.append(0)
        self.init(platformString: chars)
    }
}
